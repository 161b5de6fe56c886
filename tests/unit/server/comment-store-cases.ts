// The CommentStore checks, written against the type so any backend can run them: store-contract.test.ts
// calls commentStoreCases(backend) for each; every case gets a fresh, empty database.
import { describe, expect, it } from "vitest";
import type { CommentStore, NewComment } from "../../../src/server/store/comments.ts";
import { freshStoresEach, type Backend, type TestStoreTarget } from "../../helpers/stores.ts";

const t0 = new Date("2026-03-01T03:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const comment = (over: Partial<NewComment> = {}): NewComment => ({
  kind: "comment",
  article: "bai-a",
  name: "Nguyễn Văn A",
  email: "a@example.vn",
  text: "Bài viết hay.",
  textHash: `h-${Math.random()}`,
  at: t0,
  ...over,
});

export function commentStoreCases(backend: Backend): void {
  describe.runIf(backend.available)("CommentStore", () => {
    let store: CommentStore;
    let target: TestStoreTarget;
    freshStoresEach(backend, (stores, t) => {
      store = stores.comments;
      target = t;
    });

    it("keeps a comment pending until approved; approved ones list oldest first, without email", async () => {
      const first = await store.addComment(comment({ at: later(1), text: "một" }));
      const second = await store.addComment(comment({ at: later(2), text: "hai" }));
      const feedback = await store.addComment(
        comment({ kind: "feedback", article: null, at: later(3) }),
      );
      expect(first.status).toBe("added");
      expect(await store.approvedComments("bai-a")).toEqual([]);
      const queue = await store.pendingComments(10);
      expect(queue.map((c) => c.kind)).toEqual(["feedback", "comment", "comment"]);
      expect(queue[0]!.article).toBeNull();
      const ids = [first, second].map((r) => (r.status === "added" ? r.id : -1));
      expect(await store.decideComments(ids, "approved", "bientap", later(5))).toBe(2);
      // Already decided: nothing changes, nothing is logged twice.
      expect(await store.decideComments(ids, "rejected", "bientap", later(6))).toBe(0);
      const shown = await store.approvedComments("bai-a");
      expect(shown.map((c) => c.text)).toEqual(["một", "hai"]);
      expect(Object.keys(shown[0]!).sort()).toEqual(["createdAt", "id", "name", "text"]);
      expect((await store.pendingComments(10)).length).toBe(1);
      void feedback;
    });

    it("refuses the same text hash twice and stores nothing the second time", async () => {
      expect((await store.addComment(comment({ textHash: "same" }))).status).toBe("added");
      expect(await store.addComment(comment({ textHash: "same", article: "bai-b" }))).toEqual({
        status: "duplicate",
      });
      expect((await store.pendingComments(10)).length).toBe(1);
    });

    it("logs who decided what, newest first", async () => {
      const a = await store.addComment(comment({ name: "A" }));
      const b = await store.addComment(comment({ name: "B" }));
      if (a.status !== "added" || b.status !== "added") throw new Error("not added");
      await store.decideComments([a.id], "approved", "mot", later(1));
      await store.decideComments([b.id], "spam", "hai", later(2));
      const log = await store.decisionLog(10);
      expect(log.map((e) => [e.commentId, e.username, e.decision, e.name])).toEqual([
        [b.id, "hai", "spam", "B"],
        [a.id, "mot", "approved", "A"],
      ]);
    });

    it("deletes emails older than the retention date and keeps the comment", async () => {
      await store.addComment(comment({ at: t0, email: "cu@example.vn" }));
      await store.addComment(comment({ at: later(60 * 24 * 200), email: "moi@example.vn" }));
      expect(await store.purgeEmails(later(60 * 24 * 100))).toBe(1);
      const emails = (await store.pendingComments(10)).map((c) => c.email);
      expect(emails).toEqual(["moi@example.vn", null]);
    });

    it("two stores on one database (two nodes): one of two concurrent same texts is added", async () => {
      const other = await target.open();
      try {
        for (let round = 0; round < 5; round++) {
          const c = comment({ textHash: `race-${round}` });
          const results = await Promise.all([store.addComment(c), other.comments.addComment(c)]);
          expect(results.map((r) => r.status).sort()).toEqual(["added", "duplicate"]);
        }
        expect((await other.comments.pendingComments(100)).length).toBe(5);
      } finally {
        await other.close();
      }
    });

    it("a sender's hourly limit holds for 30 parallel adds on two nodes; an hour later it frees", async () => {
      const other = await target.open();
      try {
        const limit = { sender: "k1", since: later(-60), max: 10 };
        const results = await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            (i % 2 ? other.comments : store).addComment(comment({ at: later(i / 100) }), limit),
          ),
        );
        const statuses = results.map((r) => r.status);
        expect(statuses.filter((s) => s === "added").length).toBe(10);
        expect(statuses.filter((s) => s === "limited").length).toBe(20);
        // Another sender is not limited; a refused duplicate takes no place.
        const dup = comment({ textHash: "same" });
        const k2 = { sender: "k2", since: later(-60), max: 1 };
        expect((await store.addComment(dup)).status).toBe("added");
        expect((await store.addComment(dup, k2)).status).toBe("duplicate");
        expect((await store.addComment(comment(), k2)).status).toBe("added");
        const after = { sender: "k1", since: later(61), max: 10 };
        expect((await store.addComment(comment({ at: later(121) }), after)).status).toBe("added");
      } finally {
        await other.close();
      }
    });

    it("two nodes deciding the same comments at once: each changes and is logged once", async () => {
      const other = await target.open();
      try {
        const ids: number[] = [];
        for (let i = 0; i < 10; i++) {
          const r = await store.addComment(comment({ name: `N${i}` }));
          if (r.status === "added") ids.push(r.id);
        }
        const [a, b] = await Promise.all([
          store.decideComments(ids, "approved", "mot", later(1)),
          other.comments.decideComments([...ids].reverse(), "spam", "hai", later(1)),
        ]);
        expect(a + b).toBe(10);
        expect((await store.decisionLog(100)).length).toBe(10);
        expect(await other.comments.pendingComments(100)).toEqual([]);
      } finally {
        await other.close();
      }
    });
  });
}
