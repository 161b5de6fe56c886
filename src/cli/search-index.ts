// node src/cli/search-index.ts <site folder> [--previous <published dist>]: builds the search index
// of a built site (npm run build runs it on the staging folder). With --previous, pages whose HTML
// did not change since that build are carried from its index instead of being read again; the
// index is the same either way. A missing or unusable previous index means reading every page.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSearchIndex } from "../lib/search/build-index.ts";
import { formatNumber } from "../lib/format.ts";

const USAGE =
  "Cách dùng: node src/cli/search-index.ts <thư mục trang đã dựng> [--previous <bản đang đăng>]";

let site: string | undefined;
let previous: string | undefined;
try {
  const args = parseArgs({ allowPositionals: true, options: { previous: { type: "string" } } });
  [site] = args.positionals;
  previous = args.values.previous;
  if (args.positionals.length !== 1) site = undefined;
} catch {
  site = undefined;
}
if (!site) {
  console.error(USAGE);
  process.exit(2);
}
const started = performance.now();
try {
  const summary = await buildSearchIndex(resolve(site), {
    ...(previous ? { previous: resolve(previous) } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  if (summary.unused)
    console.log(`Không dùng lại được chỉ mục trước: ${summary.unused}; đọc mọi trang.`);
  const reused = summary.carried
    ? ` (đọc ${formatNumber(summary.read)}, dùng lại ${formatNumber(summary.carried)} từ bản trước)`
    : "";
  console.log(
    `Chỉ mục tìm kiếm: ${formatNumber(summary.pages)} trang${reused}, ${formatNumber(summary.files)} tệp, ` +
      `${formatNumber(summary.bytes / 1024, 0)} KiB, ${formatNumber(seconds, 1)} giây.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
