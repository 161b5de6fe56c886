// 200 voters and 200 visitors at once: every answer is counted exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_UA, POLL, startApp, type TestApp } from "./harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startApp({ trustProxy: 1 });
});
afterAll(() => t.close());

const OPTIONS = ["phong-phu-da-dang", "de-su-dung", "huu-ich"] as const;

describe("concurrency", () => {
  it("200 concurrent voters give exact totals", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        fetch(`${t.url}/api/polls/${POLL}/votes`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ optionId: OPTIONS[i % 3] }),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(201));
    const r = (await (await fetch(`${t.url}/api/polls/${POLL}`)).json()) as {
      options: { id: string; votes: number }[];
      participants: number;
      participantsHere: number;
    };
    expect(r.options.map((o) => o.votes)).toEqual([67, 67, 66]);
    expect(r.participantsHere).toBe(200);
    expect(r.participants).toBe(326);
    expect(t.counts().votes).toBe(200);
  });

  it("200 concurrent first visits are 200 visits", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        fetch(`${t.url}/api/visits`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": BROWSER_UA,
            "x-forwarded-for": `10.1.${i >> 8}.${i & 255}`,
          },
          body: '{"path":"/"}',
        }).then((r) => r.json() as Promise<{ counted: boolean }>),
      ),
    );
    expect(answers.filter((a) => a.counted)).toHaveLength(200);
    expect(t.counts().visits).toBe(200);
    const figures = (await (await fetch(`${t.url}/api/visits`)).json()) as Record<string, number>;
    expect(figures).toMatchObject({ online: 200, today: 200, total: 6_264_685 + 200 });
  });
});
