// npm run bench:previews [-- --rounds 3]: what one link preview image costs, step by step, over
// the site's own cards (every chart, dataset and article card): the text as outlines
// (src/lib/previews/outline.ts), resvg's parse of the card with its text and with outlines, its
// drawing, its asPng(), and our encoder (src/lib/previews/png-encode.ts) at each deflate
// level, with the PNG's mean size. CPU time of this thread (steadier than wall time on a busy
// machine), the best of the rounds. Printed only: the figures go to the notes by hand.
import { Resvg } from "@resvg/resvg-js";
import { parseArgs } from "node:util";
import { readArticles } from "../../src/lib/content/article-files.ts";
import { previewFontFiles } from "../../src/lib/previews/fonts.ts";
import { previewImages } from "../../src/lib/previews/images.ts";
import { constants, type ZlibOptions } from "node:zlib";
import { encodePng, PNG_DEFLATE } from "../../src/lib/previews/png-encode.ts";
import { renderOptions } from "../../src/lib/previews/render.ts";
import { loadOutlineFonts, outlineText } from "../../src/lib/previews/outline.ts";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" } } });
const ROUNDS = Number(values.rounds);
const svgs = previewImages(readArticles()).map((i) => i.svg);
const options = renderOptions(await previewFontFiles());
const outlineFonts = loadOutlineFonts(await previewFontFiles());

/** The best per-image CPU milliseconds of `work` over the rounds, and what it returned last. */
function timed<T>(work: () => T[]): { ms: number; out: T[] } {
  let best = Infinity;
  let out: T[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const before = process.threadCpuUsage();
    out = work();
    const used = process.threadCpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000 / svgs.length);
  }
  return { ms: best, out };
}

const meanKiB = (pngs: Buffer[]) =>
  (pngs.reduce((sum, p) => sum + p.length, 0) / pngs.length / 1024).toFixed(1);
/** One character: resvg loads the fonts for text only. */
const tiny =
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><text y="8" font-size="8">Đ</text></svg>';

const fonts = timed(() => svgs.map(() => new Resvg(tiny, options)));
const withText = timed(() => svgs.map((svg) => new Resvg(svg, options)));
const outlined = timed(() => svgs.map((svg) => outlineText(svg, outlineFonts)));
const parsed = timed(() => outlined.out.map((svg) => new Resvg(svg, options)));
const drawn = timed(() => parsed.out.map((r) => r.render()));
const images = drawn.out;
const theirs = timed(() => images.map((i) => i.asPng()));
const pixels = timed(() => images.map((i) => i.pixels));
console.log(`${svgs.length} cards, CPU ms per image (best of ${ROUNDS} rounds):`);
console.log(`  fonts loaded (new Resvg of one character): ${fonts.ms.toFixed(1)}`);
console.log(
  `  parse + text layout (new Resvg):          ${withText.ms.toFixed(1)}  (not drawn so)`,
);
console.log(`  text as outlines (HarfBuzz):               ${outlined.ms.toFixed(1)}`);
console.log(`  parse of the outlined card (new Resvg):    ${parsed.ms.toFixed(1)}`);
console.log(`  draw (render):                             ${drawn.ms.toFixed(1)}`);
console.log(`  pixels copied out (rendered.pixels):       ${pixels.ms.toFixed(1)}`);
console.log(
  `  resvg asPng():                             ${theirs.ms.toFixed(1)}  (${meanKiB(theirs.out)} KiB)`,
);
const whole = timed(() => images.map((i) => encodePng(i.pixels, i.width, i.height)!));
console.log(
  `  ours with the pixels copied out:           ${whole.ms.toFixed(1)}  (${meanKiB(whole.out)} KiB)`,
);
const variants: [string, ZlibOptions][] = [
  ...[1, 3, 4, 6, 9].map((level): [string, ZlibOptions] => [`level ${level}`, { level }]),
  ["run-length strategy", { level: 6, strategy: constants.Z_RLE }],
];
for (const [name, deflate] of variants) {
  const ours = timed(() =>
    pixels.out.map((p, i) => encodePng(p, images[i]!.width, images[i]!.height, deflate)!),
  );
  const used = deflate.level === PNG_DEFLATE.level && deflate.strategy === PNG_DEFLATE.strategy;
  console.log(
    `  ours, deflate ${name.padEnd(20)}       ${ours.ms.toFixed(1)}  (${meanKiB(ours.out)} KiB)${used ? "  ← used" : ""}`,
  );
}
