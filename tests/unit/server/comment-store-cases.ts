// The CommentStore checks, written against the Store type so any backend can run them:
// call commentStoreCases(backend) from a test file; each case gets a fresh, empty database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewComment, Store } from "../../../src/server/store/types.ts";
import type { Backend, TestStoreTarget } from "../../helpers/stores.ts";

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
  describe.runIf(backend.available)(`CommentStore (${backend.kind})`, () => {
    let store: Store;
    let target: TestStoreTarget;
    beforeEach(async () => {
      target = await backend.create();
      store = await target.open();
    });
    afterEach(async () => {
      await store.close();
      await target.dispose();
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

    it("accounts: a new password ends sessions; removal ends them too", async () => {
      await store.putStaffAccount("bientap", "hash1", t0);
      expect(await store.staffPasswordHash("bientap")).toBe("hash1");
      await store.createSession("s1", "bientap", "csrf1", t0);
      expect((await store.sessionOf("s1", later(-30), later(1)))?.username).toBe("bientap");
      await store.putStaffAccount("bientap", "hash2", later(2));
      expect(await store.sessionOf("s1", later(-30), later(3))).toBeUndefined();
      await store.createSession("s2", "bientap", "csrf2", later(4));
      expect(await store.removeStaffAccount("bientap")).toBe(true);
      expect(await store.removeStaffAccount("bientap")).toBe(false);
      expect(await store.sessionOf("s2", later(-30), later(5))).toBeUndefined();
      expect(await store.staffPasswordHash("bientap")).toBeUndefined();
    });

    it("sessions expire after inactivity; each use moves the idle clock", async () => {
      await store.putStaffAccount("bientap", "hash", t0);
      await store.createSession("s", "bientap", "c", t0);
      // Used at +20 min (idle limit 30 min): still there at +45.
      expect(await store.sessionOf("s", later(20 - 30), later(20))).toBeDefined();
      expect((await store.sessionOf("s", later(45 - 30), later(45)))?.csrf).toBe("c");
      // Not used for 31 minutes: gone.
      expect(await store.sessionOf("s", later(76 - 30), later(76))).toBeUndefined();
      await store.deleteSession("s");
    });

    it("counts failed sign-ins per account and per address within the window", async () => {
      for (let i = 0; i < 3; i++) {
        await store.recordSignin({ at: later(i), username: "u", addressKey: "x", ok: false });
      }
      await store.recordSignin({ at: later(3), username: "v", addressKey: "x", ok: false });
      await store.recordSignin({ at: later(4), username: "u", addressKey: "y", ok: true });
      const f = await store.failedSignins("u", "x", later(1));
      expect(f.account.length).toBe(2);
      expect(f.address.length).toBe(3);
      expect(f.account[0]! <= f.account[1]!).toBe(true);
    });

    it("a secret is made once and then shared", async () => {
      const a = await store.secret("form");
      expect(a.length).toBeGreaterThanOrEqual(32);
      expect(await store.secret("form")).toBe(a);
      expect(await store.secret("other")).not.toBe(a);
    });
    it("two stores on one database (two nodes): one of two concurrent same texts is added", async () => {
      const other = await target.open();
      try {
        for (let round = 0; round < 5; round++) {
          const c = comment({ textHash: `race-${round}` });
          const results = await Promise.all([store.addComment(c), other.addComment(c)]);
          expect(results.map((r) => r.status).sort()).toEqual(["added", "duplicate"]);
        }
        expect((await other.pendingComments(100)).length).toBe(5);
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
          other.decideComments([...ids].reverse(), "spam", "hai", later(1)),
        ]);
        expect(a + b).toBe(10);
        expect((await store.decisionLog(100)).length).toBe(10);
        expect(await other.pendingComments(100)).toEqual([]);
      } finally {
        await other.close();
      }
    });

    it("a secret asked for by two nodes at once is one value, kept after reopening", async () => {
      const other = await target.open();
      try {
        const [a, b] = await Promise.all([store.secret("race"), other.secret("race")]);
        expect(a).toBe(b);
      } finally {
        await other.close();
      }
      const again = await target.open();
      try {
        expect(await again.secret("race")).toBe(await store.secret("race"));
      } finally {
        await again.close();
      }
    });
  });
}
