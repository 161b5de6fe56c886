// A real capture as the newsroom has it (seed → article:new's reader → MDX with the fields an editor
// fills), and copies of data/ and content/news/ as they stood before some of its figures were
// entered: the rows citing chosen quotes are taken out of temporary copies of the committed files.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readCapture } from "../../../src/lib/content/capture.ts";
import { captureToMdx } from "../../../src/lib/content/capture-mdx.ts";
import type { FigureArticle } from "../../../src/lib/newsroom/figures.ts";
import { SEEDS_DIR } from "../../helpers/seeds.ts";

export const ROOT = resolve(import.meta.dirname, "../../..");
const dirs: string[] = [];

export function cleanUp(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** The seed read as article:new reads it, with the fields an editor fills in the form. */
export function capturedArticle(
  seed: string,
  slug: string,
  place: { province: string; district?: string; unit: string },
): FigureArticle {
  const mdx = captureToMdx(readCapture(readFileSync(join(SEEDS_DIR, seed), "utf8")))
    .replace(/^ {2}province: .*$/m, `  province: "${place.province}"`)
    .replace(/^ {2}# district: .*$/m, place.district ? `  district: "${place.district}"` : "")
    .replace(/^unit: .*$/m, `unit: "${place.unit}"`)
    .replace(/^topics: .*$/m, 'topics: ["to-chuc-co-so-dang"]');
  return { slug, mdx };
}

export const THANH_BINH = () =>
  capturedArticle("004_bff571ff9cb4532b.txt", "thanh-binh-xay-dung-dang-sat-voi-thuc-tien", {
    province: "Đồng Tháp",
    district: "Thanh Bình",
    unit: "Đảng bộ huyện Thanh Bình",
  });

export const KHOI_LANG_SON = () =>
  capturedArticle(
    "002_4d62aba777d98992.txt",
    "khoi-cac-co-quan-tinh-lang-son-xay-dung-dang-la-then-chot",
    {
      province: "Lạng Sơn",
      unit: "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn",
    },
  );

const ALL = () => true;

/** The Thanh Bình article's admissions, badges, inspections and organisational work, not yet entered. */
export const BEFORE_TB = {
  "ket-nap": ALL,
  "huy-hieu": ALL,
  "kiem-tra-giam-sat": ALL,
  "cong-tac-to-chuc": ALL,
};

/** A copy of data/ without the rows of `files` whose source is `slug` and whose line matches `drop`. */
export function dataBefore(slug: string, drop: Record<string, (line: string) => boolean>): string {
  const dir = tempDir("figures-data-");
  cpSync(resolve(ROOT, "data"), dir, { recursive: true });
  for (const [dataset, matches] of Object.entries(drop)) {
    const path = join(dir, `${dataset}.csv`);
    const lines = readFileSync(path, "utf8").split("\n");
    const kept = lines.filter(
      (line, i) => i === 0 || !(line.includes(`,${slug},`) && matches(line)),
    );
    writeFileSync(path, kept.join("\n"));
  }
  return dir;
}

/** A copy of content/news/ with `article` as the newsroom would write it. */
export function newsWith(article: FigureArticle): string {
  const dir = tempDir("figures-news-");
  for (const name of readdirSync(resolve(ROOT, "content/news")))
    cpSync(resolve(ROOT, "content/news", name), join(dir, name));
  writeFileSync(join(dir, `${article.slug}.mdx`), article.mdx);
  return dir;
}

/** A copy of `dataDir` with `files` written over it (what the publisher writes). */
export function dataWith(dataDir: string, files: { path: string; text: string | null }[]): string {
  const dir = tempDir("figures-after-");
  cpSync(dataDir, dir, { recursive: true });
  for (const file of files)
    writeFileSync(join(dir, file.path.replace(/^data\//, "")), file.text ?? "");
  return dir;
}
