// `node src/cli/previews.ts <folder> [--force] [--nice N]`: the link preview images of every chart
// page, article and dataset page (src/lib/previews/), drawn where the PNG cache lacks them, into
// <folder>/anh-xem-truoc/. The build runs it beside Astro once the data and articles are checked,
// at a lower priority (--nice) so that it takes what Astro leaves of the cores.
import { setPriority } from "node:os";
import { parseArgs } from "node:util";
import { readArticles } from "../lib/content/article-files.ts";
import { formatNumber } from "../lib/format.ts";
import { defaultPngCache } from "../lib/previews/png-cache.ts";
import { buildPreviews } from "../lib/previews/site-images.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: "boolean", default: false }, nice: { type: "string" } },
});
const outDir = positionals[0];
const nice = values.nice === undefined ? 0 : Number(values.nice);
if (!outDir || !(Number.isInteger(nice) && nice >= 0 && nice <= 19)) {
  console.error("Cách dùng: node src/cli/previews.ts <thư-mục> [--force] [--nice 0–19]");
  process.exit(2);
}
// Before any worker starts: threads take their creator's priority.
if (nice > 0) setPriority(nice);
const started = performance.now();
try {
  const cache = { ...defaultPngCache(), force: values.force };
  const s = await buildPreviews({ articles: readArticles(), cache, outDir });
  console.log(
    `Ảnh xem trước: ${formatNumber(s.images)} ảnh, ${formatNumber(s.drawn)} ảnh vẽ mới, ` +
      `${formatNumber(s.reused)} ảnh dùng lại; ${formatNumber((performance.now() - started) / 1000, 1)} giây.`,
  );
} catch (error) {
  console.error(
    `Không tạo được ảnh xem trước: ${(error as Error).message}\nHãy sửa lỗi trên rồi chạy lại npm run build.`,
  );
  process.exit(1);
}
