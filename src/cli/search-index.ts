// node src/cli/search-index.ts <site folder>: builds the search index of a built site (npm run build runs it on the staging folder).
import { resolve } from "node:path";
import { buildSearchIndex } from "../lib/search/build-index.ts";
import { formatNumber } from "../lib/format.ts";

const site = process.argv[2];
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
