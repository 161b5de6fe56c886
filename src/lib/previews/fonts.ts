// The site's own font files (src/styles/fonts/*.woff2, written by `npm run fonts`) for the preview
// images. resvg reads TrueType from disk, not WOFF2, so each file is unpacked once (wawoff2) into a
// folder named by the files' digest: the same bytes the pages use, drawn by the rasterizer.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import decompress from "wawoff2/decompress.js";
import { REPO_ROOT } from "../data/paths.ts";

export const FONT_DIR = join(REPO_ROOT, "src/styles/fonts");

function woff2Files(): string[] {
  return readdirSync(FONT_DIR)
    .filter((f) => f.endsWith(".woff2"))
    .sort()
    .map((f) => join(FONT_DIR, f));
}

let digest: string | undefined;

/** One value for the font files' bytes: part of every preview image's cache key. */
export function fontDigest(): string {
  if (digest) return digest;
  const hash = createHash("sha256");
  for (const file of woff2Files()) hash.update(readFileSync(file));
  digest = hash.digest("base64url").slice(0, 16);
  return digest;
}

let files: Promise<string[]> | undefined;

/** TrueType copies of the site's fonts, made once per machine and font version. */
export function previewFontFiles(): Promise<string[]> {
  files ??= (async () => {
    const dir = join(tmpdir(), `portal-preview-fonts-${fontDigest()}-1`);
    mkdirSync(dir, { recursive: true });
    const ttfs: string[] = [];
    // One at a time, copied at once: wawoff2 answers with a view of its memory, which the next
    // call overwrites.
    for (const woff2 of woff2Files()) {
      const ttf = join(dir, woff2.slice(FONT_DIR.length + 1).replace(/\.woff2$/, ".ttf"));
      if (!existsSync(ttf)) {
        const bytes = Buffer.from(await decompress(readFileSync(woff2)));
        // Written under another name first: a parallel build never reads half a file.
        const part = `${ttf}.${process.pid}`;
        writeFileSync(part, bytes);
        renameSync(part, ttf);
      }
      ttfs.push(ttf);
    }
    return ttfs;
  })();
  return files;
}
