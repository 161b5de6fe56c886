// The built comment pieces: a form under every article that works without JavaScript, the
// feedback page with what is kept and for how long, and the article list the server reads.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST, ROOT } from "../helpers/server.ts";

const slugs = readdirSync(join(ROOT, "content/news"))
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""));
const read = (path: string) => readFileSync(join(DIST, path), "utf8");

describe("comments in the build", () => {
  it("dist/binh-luan/bai-viet.json lists every article with its title and path", () => {
    const index = JSON.parse(read("binh-luan/bai-viet.json")) as Record<string, { path: string }>;
    expect(Object.keys(index).sort()).toEqual([...slugs].sort());
    for (const slug of slugs) expect(index[slug]!.path).toBe(`/tin-tuc/${slug}/`);
  });

  it.each(slugs)("%s has a comment form that posts without JavaScript", (slug) => {
    const html = read(`tin-tuc/${slug}/index.html`);
    const form = html.match(/<form class="comment-form"[\s\S]*?<\/form>/)?.[0] ?? "";
    expect(form).toContain('method="post" action="/api/comments"');
    expect(form).toContain(`name="article" value="${slug}"`);
    for (const field of ['name="name"', 'name="email"', "<textarea", 'name="consent"']) {
      expect(form).toContain(field);
    }
    expect(form).toContain('maxlength="2000"');
    expect(form).toContain('name="website" tabindex="-1"');
    expect(form).toContain('href="/gop-y/#du-lieu"');
    expect(form).toContain("Nghị định 13/2023/NĐ-CP");
    expect(html).toContain(`href="/binh-luan/?bai=${slug}"`);
  });

  it("/gop-y/ has the feedback form (no article) and says what is kept and for how long", () => {
    const html = read("gop-y/index.html");
    expect(html).toContain('action="/api/comments"');
    expect(html).not.toContain('name="article"');
    expect(html).toContain('id="du-lieu"');
    expect(html).toContain("<!--retention-days-->180<!--/retention-days-->");
  });

  it("the sitemap leaves out /binh-luan/ (filled per article by the server)", () => {
    const sitemaps = readdirSync(DIST).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    const all = sitemaps.map(read).join("");
    expect(all).toContain("/gop-y/");
    expect(all).not.toContain("/binh-luan/");
  });
});
