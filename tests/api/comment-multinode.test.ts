// Comments and staff moderation on two server processes sharing one database, on each backend:
// a comment posted on node A, approved by staff signed in on node A using node B, is shown by
// both; the same text sent to the other node is refused; the form token and sign-in of one node
// are valid on the other (their secrets live in the database).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/server/staff/password.ts";
import { startServer } from "../helpers/server.ts";
import { BACKENDS, type TestStoreTarget } from "../helpers/stores.ts";
import { ARTICLE, writeFakeDist } from "./harness.ts";
import { cookiesOf, csrfOf } from "../helpers/staff-http.ts";

const dir = mkdtempSync(join(tmpdir(), "portal-comment-nodes-"));
const distDir = join(dir, "dist");
writeFakeDist(distDir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PASSWORD = "mat-khau-du-dai-1";
const form = { "content-type": "application/x-www-form-urlencoded" };
const json = { "content-type": "application/json" };

const node = (target: TestStoreTarget) =>
  startServer({
    env: {
      ...target.env,
      DIST_DIR: distDir,
      COMMENT_MIN_SECONDS: "0",
      COMMENT_LIMIT_PER_HOUR: "0",
    },
  });

const tokenFrom = async (base: string) =>
  ((await (await fetch(`${base}/api/comments?article=${ARTICLE}`)).json()) as { token: string })
    .token;
const shown = async (base: string) =>
  (
    (await (await fetch(`${base}/api/comments?article=${ARTICLE}`)).json()) as {
      comments: { id: number; text: string }[];
    }
  ).comments.map((c) => c.text);
const post = (base: string, token: string, text: string) =>
  fetch(`${base}/api/comments`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ article: ARTICLE, name: "Trần Thị B", text, consent: true, token }),
  });

/** Signs in on `base`; the session cookie of the answer. */
async function signIn(base: string): Promise<string> {
  const page = await fetch(`${base}/quan-tri/`);
  const pre = cookiesOf(page);
  const csrf = csrfOf(await page.text());
  const res = await fetch(`${base}/quan-tri/dang-nhap`, {
    method: "POST",
    headers: { ...form, cookie: pre },
    body: new URLSearchParams({ csrf, username: "bientap", password: PASSWORD }).toString(),
    redirect: "manual",
  });
  expect(res.status).toBe(303);
  return [pre, cookiesOf(res)].filter(Boolean).join("; ");
}

describe.each(BACKENDS)(
  "comments on two nodes, one $kind database",
  { timeout: 120_000 },
  (backend) => {
    it.runIf(backend.available)(
      "post on A, approve through B, shown by both; a duplicate on B is refused",
      async () => {
        const target = await backend.create();
        const setup = await target.open();
        await setup.staff.putStaffAccount("bientap", await hashPassword(PASSWORD), new Date());
        await setup.close();
        const [a, b] = await Promise.all([node(target), node(target)]);
        try {
          const text = "Bình luận gửi ở máy A, duyệt ở máy B.";
          // A token issued by node A is accepted by node B too, and the other way round.
          const sent = await post(a.url, await tokenFrom(b.url), text);
          expect(sent.status).toBe(202);
          const { id } = (await sent.json()) as { id: number };
          const again = await post(b.url, await tokenFrom(a.url), text);
          expect(again.status).toBe(409);
          expect(((await again.json()) as { code: string }).code).toBe("trung");
          expect(await shown(a.url)).toEqual([]);

          // Signed in on A; the session and its CSRF token work on B.
          const cookie = await signIn(a.url);
          const queue = await fetch(`${b.url}/quan-tri/`, { headers: { cookie } });
          const html = await queue.text();
          expect(html).toContain(text);
          const decided = await fetch(`${b.url}/quan-tri/quyet-dinh`, {
            method: "POST",
            headers: { ...form, cookie },
            body: new URLSearchParams({ csrf: csrfOf(html), mot: `approved:${id}` }).toString(),
            redirect: "manual",
          });
          expect(decided.status).toBe(303);
          expect(decided.headers.get("location")).toContain("so=1");
          expect(await shown(a.url)).toEqual([text]);
          expect(await shown(b.url)).toEqual([text]);

          const check = await target.open();
          try {
            expect(
              (await check.comments.decisionLog(10)).map((e) => [e.commentId, e.username]),
            ).toEqual([[id, "bientap"]]);
          } finally {
            await check.close();
          }
        } finally {
          await Promise.all([a.close(), b.close()]);
          await target.dispose();
        }
      },
    );
  },
);
