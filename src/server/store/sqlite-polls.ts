// The poll store on SQLite.
import type { DatabaseSync } from "node:sqlite";
import type { PollStore, VoteResult } from "./polls.ts";
import { prepareAll, transaction } from "./sqlite-db.ts";

export function sqlitePollStore(db: DatabaseSync): PollStore {
  const q = prepareAll(db, {
    insertVote:
      "INSERT INTO poll_votes (poll_id, voter, option_id, voted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
    selectVote: "SELECT option_id FROM poll_votes WHERE poll_id = ? AND voter = ?",
    countVotes:
      "SELECT option_id, COUNT(*) AS n FROM poll_votes WHERE poll_id = ? GROUP BY option_id",
  });
  return {
    async recordVote(pollId, voter, optionId, at): Promise<VoteResult> {
      return transaction(db, () => {
        const { changes } = q.insertVote.run(pollId, voter, optionId, at.toISOString());
        if (Number(changes) === 1) return { status: "recorded" };
        const row = q.selectVote.get(pollId, voter) as { option_id: string };
        return { status: "duplicate", optionId: row.option_id };
      });
    },
    async optionVotes(pollId) {
      const rows = q.countVotes.all(pollId) as { option_id: string; n: number }[];
      return new Map(rows.map((r) => [r.option_id, Number(r.n)]));
    },
    async voteOf(pollId, voter) {
      return (q.selectVote.get(pollId, voter) as { option_id: string } | undefined)?.option_id;
    },
  };
}
