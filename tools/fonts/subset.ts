// npm run fonts: writes src/styles/fonts/*.woff2, one file per face (FACES in faces.ts) holding
// Latin and Vietnamese together. Fontsource ships each subset as its own file, so the two are
// merged first (fontTools, which keeps kerning and marks: Debian's python3-fonttools and python3-brotli), then cut to
// KEPT_RANGES by subset-font (HarfBuzz). The files are committed: the build and the tests never
// run this, nothing is downloaded. Run it after updating an @fontsource package.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import subsetFont from "subset-font";
import { FACES, SOURCE_SUBSETS, keptText, type Face } from "./faces.ts";

const ROOT = resolve(import.meta.dirname, "../..");
export const FONT_DIR = join(ROOT, "src/styles/fonts");
const PYTHON = process.env.FONTTOOLS_PYTHON ?? "/usr/bin/python3";

function sourceFile(face: Face, subset: string): string {
  const name = `${face.fontsource}-${subset}-${face.weight}-normal.woff2`;
  return join(ROOT, "node_modules/@fontsource", face.fontsource, "files", name);
}

function fontTools(args: string[]): void {
  // A fixed head.modified date: the same packages give byte-identical files.
  execFileSync(PYTHON, ["-m", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, SOURCE_DATE_EPOCH: "0" },
  });
}

async function build(face: Face, work: string): Promise<Buffer> {
  const merged = join(work, `${face.fontsource}-${face.weight}.ttf`);
  try {
    const parts = SOURCE_SUBSETS.map((subset) => {
      const ttf = join(work, `${face.fontsource}-${face.weight}-${subset}.ttf`);
      fontTools(["fontTools.ttLib.woff2", "decompress", sourceFile(face, subset), "-o", ttf]);
      return ttf;
    });
    fontTools(["fontTools.merge", ...parts, `--output-file=${merged}`]);
  } catch (error) {
    throw new Error(
      `fontTools could not unpack or merge ${face.file} (install it: apt-get install python3-fonttools python3-brotli, ` +
        `or set FONTTOOLS_PYTHON): ${String(error)}`,
      { cause: error },
    );
  }
  return subsetFont(readFileSync(merged), keptText(), { targetFormat: "woff2" });
}

const work = mkdtempSync(join(tmpdir(), "fonts-"));
try {
  for (const face of FACES) {
    const woff2 = await build(face, work);
    writeFileSync(join(FONT_DIR, face.file), woff2);
    console.log(`${face.file}: ${woff2.length.toLocaleString("en-US")} bytes`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
