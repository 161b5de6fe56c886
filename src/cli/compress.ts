// `node src/cli/compress.ts <folder> [--previous <published folder>] [--threads N]`: writes .br and
// .gz beside every HTML, CSS, JS, SVG, JSON, XML and CSV file over 1 KB in the folder, at the
// levels of src/lib/build/compression-levels.ts, on worker threads; a file whose bytes match the
// published one's keeps the published copies. The build calls compressStep on the staged build,
// last, in the build's process: as a process of its own, the step paid a Node start, about a
// tenth of its time on an unchanged tree.
import { relative } from "node:path";
import { parseArgs } from "node:util";
import {
  compressFolder,
  type CompressOptions,
  type CompressSummary,
} from "../lib/build/compress-site.ts";
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

/** The step as the build and this command run it: 0, or 1 after saying what went wrong. */
export async function compressStep(dir: string, options: CompressOptions = {}): Promise<number> {
  const started = performance.now();
  try {
    const summary = await compressFolder(dir, options);
    console.log(report(dir, summary, performance.now() - started));
    return 0;
  } catch (error) {
    console.error(
      `Không nén được bản dựng trong ${dir}: ${(error as Error).message}\nHãy kiểm tra chỗ trống trên đĩa và quyền ghi thư mục, rồi chạy lại npm run build.`,
    );
    return 1;
  }
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
  process.exitCode = await compressStep(dir, { previous: values.previous, threads });
}
