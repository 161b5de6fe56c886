// Odd characters in what readers and staff send, on both stores: control characters refused with
// a Vietnamese 400 naming the field (JSON for the API, a page for a form), invisible characters
// ignored for emptiness and sameness, names isolated so a direction mark cannot reorder a page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../helpers/stores.ts";
import { ARTICLE, startApp, type TestApp } from "./harness.ts";

const json = { "content-type": "application/json" };
const form = { "content-type": "application/x-www-form-urlencoded" };
const good = { article: ARTICLE, name: "Trần Thị B", email: "b@example.vn", consent: true };

type Probe = {
  name: string;
  fields: Record<string, unknown>;
  status: number;
  code?: string;
  field?: string;
  says?: string;
};

let n = 0;
const text = () => `Ý kiến số ${++n} về bài viết, đủ rõ ràng.`;

const PROBES: Probe[] = [
  {
    name: "NUL in the name",
    fields: { name: "Bạn\u0000đọc" },
    status: 400,
    code: "ky-tu",
    field: "name",
    says: "«Họ và tên»",
  },
  {
    name: "NUL in the text",
    fields: { text: "Nội dung\u0000ẩn" },
    status: 400,
    code: "ky-tu",
    field: "text",
    says: "«Nội dung»",
  },
  {
    name: "BEL in the email",
    fields: { email: "b\u0007@example.vn" },
    status: 400,
    code: "ky-tu",
    field: "email",
    says: "«Email»",
  },
  {
    name: "DEL in the text",
    fields: { text: "Xoá\u007F" },
    status: 400,
    code: "ky-tu",
    field: "text",
  },
  {
    name: "ESC in the article",
    fields: { article: `${ARTICLE}\u001B` },
    status: 400,
    code: "ky-tu",
    field: "article",
  },
  {
    name: "a name of zero-width spaces only",
    fields: { name: "\u200B\u200B\u200B" },
    status: 400,
    code: "ten",
  },
  {
    name: "a name of bidi controls and a BOM",
    fields: { name: "\u202E\u2066\uFEFF " },
    status: 400,
    code: "ten",
  },
  {
    name: "a text of U+200B/C/D and U+2060 only",
    fields: { text: "\u200B\u200C\u200D\u2060" },
    status: 400,
    code: "noi-dung",
  },
  {
    name: "tab, CR LF and LF are fine",
    fields: { text: "Dòng một\tcột\r\nDòng hai\nDòng ba, đủ dài." },
    status: 202,
  },
];

describe.each(BACKENDS.filter((b) => b.available))("odd text on $kind", (backend) => {
  let t: TestApp;
  let token = "";
  beforeAll(async () => {
    t = await startApp({ backend, comments: { minSeconds: 0, perHour: 0 } });
    const res = await fetch(`${t.url}/api/comments?article=${ARTICLE}`);
    token = ((await res.json()) as { token: string }).token;
  });
  afterAll(() => t.close());

  const post = (fields: Record<string, unknown>) =>
    fetch(`${t.url}/api/comments`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ ...good, text: text(), token, ...fields }),
    });
  const pending = async () => (await t.stores.comments.pendingComments(500)).length;

  it.each(PROBES)("API: $name → $status", async (p) => {
    const before = await pending();
    const res = await post(p.fields);
    expect(res.status).toBe(p.status);
    const body = (await res.json()) as { code?: string; field?: string; error?: string };
    if (p.code) expect(body.code).toBe(p.code);
    if (p.field) expect(body.field).toBe(p.field);
    if (p.says) expect(body.error).toContain(p.says);
    expect(await pending()).toBe(before + (p.status === 202 ? 1 : 0));
  });

  it("a form with NUL in the name → a Vietnamese 400 page naming the field, the form refilled with �", async () => {
    const fields = { ...good, consent: "on", name: "Tên\u0000lạ", text: text(), token };
    const res = await fetch(`${t.url}/api/comments`, {
      method: "POST",
      headers: form,
      body: new URLSearchParams(fields as Record<string, string>).toString(),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("Ô «Họ và tên» có ký tự điều khiển");
    expect(html).toContain('value="Tên\uFFFDlạ"');
    expect(html).not.toContain("\u0000");
  });

  it("one U+200B does not make a text new: the second is a duplicate (409)", async () => {
    const original = "Một ý kiến chỉ được gửi một lần thôi.";
    expect((await post({ text: original })).status).toBe(202);
    expect((await post({ text: original.replace("ý", "ý\u200B") })).status).toBe(409);
    expect((await post({ text: `\u2060${original}\uFEFF` })).status).toBe(409);
  });

  it("a name with U+202E is shown isolated in <bdi> on the comments page (the browser script renders the same view)", async () => {
    const res = await post({ name: "Kẻ\u202Eđảo chiều", text: "Bình luận có tên đảo chiều." });
    const { id } = (await res.json()) as { id: number };
    await t.stores.comments.decideComments([id], "approved", "bientap", new Date());
    const page = await (await fetch(`${t.url}/binh-luan/?bai=${ARTICLE}`)).text();
    expect(page).toContain('<bdi class="comment__name">Kẻ\u202Eđảo chiều</bdi>');
  });

  it("sign-in with NUL in the user name → a Vietnamese 400 page, and the attempt is logged", async () => {
    const res0 = await fetch(`${t.url}/quan-tri/`);
    const cookie = res0.headers.getSetCookie()[0]!.split(";")[0]!;
    const csrf = (await res0.text()).match(/name="csrf" value="([^"]+)"/)![1]!;
    const res = await fetch(`${t.url}/quan-tri/dang-nhap`, {
      method: "POST",
      headers: { ...form, cookie },
      body: new URLSearchParams({
        csrf,
        username: "admin\u0000",
        password: "x".repeat(12),
      }).toString(),
      redirect: "manual",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("ký tự điều khiển");
    const failed = await t.stores.staff.failedSignins("admin\uFFFD", "-", new Date(0));
    expect(failed.account.length).toBe(1);
  });
});
