// `node src/cli/compress.ts <folder> [--previous <published folder>] [--threads N]`: writes .br and
// .gz beside every HTML, CSS, JS, SVG, JSON, XML and CSV file over 1 KB in the folder, at the
// levels of src/lib/build/compression-levels.ts, on worker threads; a file whose bytes match the
// published one's keeps the published copies. The build runs it on the staged build, last.
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { compressFolder, type CompressSummary } from "../lib/build/compress-site.ts";
import { formatNumber } from "../lib/format.ts";

export { compressFolder, type CompressSummary };

function report(dir: string, s: CompressSummary, ms: number): string {
  const pct = (n: number) => `${formatNumber((100 * n) / Math.max(1, s.bytes), 1)}%`;
  return (
    `Đã nén trước ${formatNumber(s.files)} tệp (${relative(process.cwd(), dir) || dir}): ` +
    `${formatNumber(s.written)} tệp nén mới, ${formatNumber(s.reused)} tệp không đổi giữ bản nén cũ; ` +
    `Brotli còn ${pct(s.br)}, gzip còn ${pct(s.gzip)} kích thước gốc; ${formatNumber(ms / 1000, 1)} giây.`
  );
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { previous: { type: "string" }, threads: { type: "string" } },
  });
  const dir = positionals[0];
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (!dir || (threads !== undefined && !(Number.isInteger(threads) && threads > 0))) {
    console.error(
      "Cách dùng: node src/cli/compress.ts <thư-mục-bản-dựng> [--previous <thư-mục-đang-đăng>] [--threads N]",
    );
    process.exit(2);
  }
  const started = performance.now();
  try {
    const summary = await compressFolder(dir, { previous: values.previous, threads });
    console.log(report(dir, summary, performance.now() - started));
  } catch (error) {
    console.error(
      `Không nén được bản dựng trong ${dir}: ${(error as Error).message}\nHãy kiểm tra chỗ trống trên đĩa và quyền ghi thư mục, rồi chạy lại npm run build.`,
    );
    process.exit(1);
  }
}
