// The hourly comment limit under concurrency, on both stores: 30 posts sent at once from one
// address are accepted exactly up to COMMENT_LIMIT_PER_HOUR, the rest 429 with Retry-After.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../helpers/stores.ts";
import { ARTICLE, startApp, type TestApp } from "./harness.ts";

describe.each(BACKENDS.filter((b) => b.available))("hourly limit on $kind", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ backend, comments: { minSeconds: 0, perHour: 10 } });
  });
  afterAll(() => t.close());

  it("30 parallel posts from one address: exactly 10 accepted, 20 refused 429", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const res = await fetch(`${t.url}/api/comments`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            article: ARTICLE,
            name: "Bạn đọc",
            text: `Ý kiến số ${i} rõ ràng.`,
          }),
        });
        const body = (await res.json()) as { code?: string; error?: string };
        return { status: res.status, retry: res.headers.get("retry-after"), body };
      }),
    );
    expect(answers.filter((a) => a.status === 202).length).toBe(10);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBe(20);
    for (const a of refused) {
      expect(a.body.code).toBe("qua-nhieu");
      expect(a.body.error).toContain("phút");
      expect(Number(a.retry)).toBeGreaterThan(0);
    }
    expect((await t.stores.comments.pendingComments(100)).length).toBe(10);
  });
});
