// The poll store on SQLite.
import type { DatabaseSync } from "node:sqlite";
import type { PollStore, VoteResult } from "./polls.ts";
import { transaction } from "./sqlite-db.ts";

export function sqlitePollStore(db: DatabaseSync): PollStore {
  const insertVote = db.prepare(
    "INSERT INTO poll_votes (poll_id, voter, option_id, voted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
  );
  const selectVote = db.prepare("SELECT option_id FROM poll_votes WHERE poll_id = ? AND voter = ?");
  const countVotes = db.prepare(
    "SELECT option_id, COUNT(*) AS n FROM poll_votes WHERE poll_id = ? GROUP BY option_id",
  );
  return {
    async recordVote(pollId, voter, optionId, at): Promise<VoteResult> {
      return transaction(db, () => {
        const { changes } = insertVote.run(pollId, voter, optionId, at.toISOString());
        if (Number(changes) === 1) return { status: "recorded" };
        const row = selectVote.get(pollId, voter) as { option_id: string };
        return { status: "duplicate", optionId: row.option_id };
      });
    },
    async optionVotes(pollId) {
      const rows = countVotes.all(pollId) as { option_id: string; n: number }[];
      return new Map(rows.map((r) => [r.option_id, Number(r.n)]));
    },
    async voteOf(pollId, voter) {
      return (selectVote.get(pollId, voter) as { option_id: string } | undefined)?.option_id;
    },
  };
}
