// node src/cli/search-index.ts <site folder> [--previous <published site>]: builds the search index
// of a built site (npm run build runs it on the staging folder). --previous is accepted and not yet
// used: the index will reuse the published site's work (issue 23).
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSearchIndex } from "../lib/search/build-index.ts";
import { formatNumber } from "../lib/format.ts";

const { positionals } = parseArgs({
  allowPositionals: true,
  options: { previous: { type: "string" } },
});
const site = positionals[0];
if (!site) {
  console.error("Cách dùng: node src/cli/search-index.ts <thư mục trang đã dựng>");
  process.exit(2);
}
const started = performance.now();
try {
  const { pages, files, bytes } = await buildSearchIndex(resolve(site));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Chỉ mục tìm kiếm: ${formatNumber(pages)} trang, ${formatNumber(files)} tệp, ` +
      `${formatNumber(bytes / 1024, 0)} KiB, ${formatNumber(seconds, 1)} giây.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
