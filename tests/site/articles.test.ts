// Every built article page shows its source's full text, captions as captions, byline and date
// as the source gives them (or says it has none).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { bodyOf, elementHtml, elementTexts, textOf } from "../helpers/html.ts";
import { SEEDS, normalize, sourceParagraphs } from "../helpers/seeds.ts";
import { DIST } from "../helpers/server.ts";

describe.each(SEEDS.map((seed) => [seed.slug, seed] as const))("/tin-tuc/%s/", (slug, seed) => {
  const html = readFileSync(resolve(DIST, "tin-tuc", slug, "index.html"), "utf8");
  const body = bodyOf(html);
  // The article itself, not "Các tin khác" or the sidebar, which list other articles' dates.
  const article = elementHtml(body, "article")[0] ?? "";
  const text = textOf(article);

  it("is a Vietnamese page titled with the source's headline", () => {
    expect(html).toMatch(/<html[^>]*\slang="vi"/);
    expect(elementTexts(article, "h1")).toEqual([normalize(seed.title)]);
  });

  it("has every paragraph of the source article, exactly", () => {
    const missing = sourceParagraphs(seed).filter((paragraph) => !text.includes(paragraph));
    expect(missing).toEqual([]);
  });

  it("shows each photo caption once, as a <figcaption>", () => {
    const captions = elementTexts(article, "figcaption");
    // Charts may bring figures of their own; photo figures are the PhotoCaption ones.
    expect(article.match(/<figure\b[^>]*class="photo-caption\b/g) ?? []).toHaveLength(
      seed.captions.length,
    );
    for (const caption of seed.captions) {
      expect(captions.filter((c) => c === normalize(caption))).toHaveLength(1);
    }
  });

  it("shows the kicker and the byline with its role as the source prints them", () => {
    if (seed.kicker) expect(text).toContain(normalize(seed.kicker));
    if (seed.author) expect(text).toContain(seed.author.name);
    if (seed.author?.role) expect(text).toContain(seed.author.role);
  });

  it("shows the date the source gives, or says there is none", () => {
    if (seed.dateLine) {
      expect(text).toContain(seed.dateLine.day);
      // Issue 25: the page shows the time to the minute; the seconds a source prints are kept,
      // machine-readable, in <time datetime>.
      if (seed.dateLine.time) {
        const [hours, minutes, seconds] = seed.dateLine.time.split(":");
        expect(text).toContain(`${seed.dateLine.day} ${hours}:${minutes}`);
        if (seconds) {
          expect(text).not.toContain(`${seed.dateLine.day} ${seed.dateLine.time}`);
          expect(article).toContain(`T${seed.dateLine.time}+07:00"`);
        }
      }
      expect(text).not.toContain("Không ghi ngày đăng");
    } else {
      expect(text).toContain("Không ghi ngày đăng");
    }
  });
});
