// Link preview images in the build: one PNG per chart page, article and dataset page, 1200×630,
// decoded and compared with the committed snapshots (tests/snapshots/__expected__/previews/),
// allowing small antialiasing differences; every character they draw is in the site's fonts.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { DIST, ROOT } from "../helpers/server.ts";
import { codePoints } from "../../tools/fonts/cmap.ts";
import { publishedCharts } from "../../src/lib/chart-pages/pages.ts";
import { DATASET_IDS } from "../../src/lib/data/datasets.ts";
import { articleTitles } from "../../src/lib/content/titles.ts";
import { previewSvg } from "../../src/lib/previews/card.ts";
import { chartCard, datasetCard } from "../../src/lib/previews/cards.ts";
import { FONT_DIR } from "../../src/lib/previews/fonts.ts";
import { decodeEntities } from "../helpers/html.ts";

const EXPECTED = join(ROOT, "tests/snapshots/__expected__/previews");
const articles = readdirSync(join(ROOT, process.env.NEWS_DIR || "content/news"))
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""));
const images = [
  ...publishedCharts().map((c) => `bieu-do/${c.id}`),
  ...articles.map((slug) => `tin-tuc/${slug}`),
  ...DATASET_IDS.map((id) => `du-lieu/${id}`),
];
/** A channel may differ by this much (antialiasing, rasterizer rounding)… */
const CHANNEL_TOLERANCE = 48;
/** …and this share of the pixels may differ by more. */
const PIXEL_SHARE = 0.002;

function differing(a: PNG, b: PNG): number {
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > CHANNEL_TOLERANCE) {
        count++;
        break;
      }
    }
  }
  return count;
}

describe("preview images", () => {
  it("one per chart, article and dataset, and no other", () => {
    const built = readdirSync(join(DIST, "anh-xem-truoc"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".png"))
      .map((f) => f.replace(/\.png$/, ""))
      .sort();
    expect(built).toEqual([...images].sort());
  });

  it("every og:image and twitter:image of a page has its file, and every image a page", () => {
    const shared = new Set<string>();
    const pages = readdirSync(DIST, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".html"));
    for (const page of pages) {
      const html = readFileSync(join(DIST, page), "utf8");
      const tags = html.match(/<meta [^>]*(?:og:image|twitter:image)"[^>]*>/g) ?? [];
      for (const tag of tags) {
        const url = /content="([^"]+)"/.exec(tag)?.[1];
        expect(url, page).toBeTruthy();
        const path = decodeURIComponent(new URL(url!).pathname);
        expect(existsSync(join(DIST, path)), `${page}: ${path}`).toBe(true);
        shared.add(path);
      }
    }
    const orphans = readdirSync(join(DIST, "anh-xem-truoc"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".png"))
      .map((f) => `/anh-xem-truoc/${f}`)
      .filter((path) => !shared.has(path));
    expect(shared.size).toBeGreaterThan(images.length);
    expect(orphans).toEqual([]);
  });

  it("keeps no snapshot of an image the site no longer has", () => {
    const kept = readdirSync(EXPECTED)
      .filter((f) => f.endsWith(".png") && !f.endsWith("-changed.png"))
      .map((f) => f.replace(/\.png$/, "").replace("--", "/"));
    expect(kept.filter((name) => !images.includes(name))).toEqual([]);
  });

  it.each(images)("%s.png: 1200×630, like its snapshot", (name) => {
    const bytes = readFileSync(join(DIST, "anh-xem-truoc", `${name}.png`));
    const actual = PNG.sync.read(bytes);
    expect([actual.width, actual.height]).toEqual([1200, 630]);
    const expectedPath = join(EXPECTED, `${name.replace("/", "--")}.png`);
    const changedPath = expectedPath.replace(/\.png$/, "-changed.png");
    if (!existsSync(expectedPath)) {
      if (process.env.CI) throw new Error(`missing expected snapshot ${expectedPath}`);
      mkdirSync(EXPECTED, { recursive: true });
      writeFileSync(expectedPath, bytes);
      return;
    }
    const expected = PNG.sync.read(readFileSync(expectedPath));
    const share = differing(actual, expected) / (1200 * 630);
    if (share > PIXEL_SHARE) writeFileSync(changedPath, bytes);
    else rmSync(changedPath, { force: true });
    expect(share, `${name}: see ${changedPath}`).toBeLessThanOrEqual(PIXEL_SHARE);
  });

  it("the site's fonts hold every character a preview draws", async () => {
    const fonts = readdirSync(FONT_DIR).filter((f) => f.startsWith("be-vietnam-pro"));
    // One at a time: the WOFF2 decoder answers with a view of its memory that the next call reuses.
    const sets: Set<number>[] = [];
    for (const f of fonts) sets.push(new Set(await codePoints(readFileSync(join(FONT_DIR, f)))));
    const titleOf = articleTitles();
    const svgs = [
      ...publishedCharts().map((c) => previewSvg(chartCard(c))),
      ...DATASET_IDS.map((id) => previewSvg(datasetCard(id))),
    ];
    const drawn = [
      ...svgs.flatMap((svg) => [...svg.matchAll(/>([^<>]+)</g)].map((m) => decodeEntities(m[1]!))),
      ...articles.map(titleOf),
    ];
    expect(drawn.join(" ")).toContain("Đảng");
    const missing = [...new Set([...drawn.join("").normalize("NFC")])].filter(
      (ch) => !/\s/.test(ch) && sets.some((set) => !set.has(ch.codePointAt(0)!)),
    );
    expect(missing).toEqual([]);
  });
});
