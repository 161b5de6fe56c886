// The poll store on PostgreSQL.
import type postgres from "postgres";
import type { PollStore, VoteResult } from "./polls.ts";

export function postgresPollStore(sql: postgres.Sql): PollStore {
  const voteOf = async (pollId: string, voter: string) => {
    const [row] = await sql<{ option_id: string }[]>`
      SELECT option_id FROM poll_votes WHERE poll_id = ${pollId} AND voter = ${voter}`;
    return row?.option_id;
  };
  return {
    async recordVote(pollId, voter, optionId, at): Promise<VoteResult> {
      const inserted = await sql`
        INSERT INTO poll_votes (poll_id, voter, option_id, voted_at)
        VALUES (${pollId}, ${voter}, ${optionId}, ${at}) ON CONFLICT DO NOTHING RETURNING 1`;
      if (inserted.length === 1) return { status: "recorded" };
      return { status: "duplicate", optionId: (await voteOf(pollId, voter))! };
    },
    async optionVotes(pollId) {
      const rows = await sql<{ option_id: string; n: number }[]>`
        SELECT option_id, COUNT(*) AS n FROM poll_votes WHERE poll_id = ${pollId} GROUP BY option_id`;
      return new Map(rows.map((r) => [r.option_id, Number(r.n)]));
    },
    voteOf,
  };
}
