// `node src/cli/compress.ts <folder>`: writes .br (Brotli, highest quality: done once per build)
// and .gz beside every HTML, CSS, JS, SVG, JSON, XML and CSV file over 1 KB in the folder.
// The build runs it on the staged build, last, so a failure leaves dist/ as it was.
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { isCompressible, MIN_COMPRESS_BYTES } from "../lib/compression.ts";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
/** Two files at a time: the machine has few cores and other work. */
const PARALLEL = 2;

export type CompressSummary = { files: number; bytes: number; br: number; gzip: number };

export async function compressFolder(dir: string): Promise<CompressSummary> {
  const entries = (await readdir(dir, { recursive: true })).map((f) => join(dir, f));
  const targets: string[] = [];
  for (const file of entries) {
    if (!isCompressible(file)) continue;
    const info = await stat(file);
    if (info.isFile() && info.size > MIN_COMPRESS_BYTES) targets.push(file);
  }
  const summary: CompressSummary = { files: 0, bytes: 0, br: 0, gzip: 0 };
  const next = async (): Promise<void> => {
    for (let file = targets.pop(); file !== undefined; file = targets.pop()) {
      const body = await readFile(file);
      const [b, g] = await Promise.all([
        brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
        gz(body, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await writeFile(`${file}.br`, b);
      await writeFile(`${file}.gz`, g);
      summary.files++;
      summary.bytes += body.length;
      summary.br += b.length;
      summary.gzip += g.length;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, next));
  return summary;
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("Thiếu thư mục: node src/cli/compress.ts <thư-mục-bản-dựng>");
    process.exit(2);
  }
  try {
    const s = await compressFolder(dir);
    const pct = (n: number) =>
      `${((100 * n) / Math.max(1, s.bytes)).toFixed(1).replace(".", ",")}%`;
    console.log(
      `Đã nén trước ${s.files} tệp (${relative(process.cwd(), dir) || dir}): Brotli còn ${pct(s.br)}, gzip còn ${pct(s.gzip)} kích thước gốc.`,
    );
  } catch (error) {
    console.error(
      `Không nén được bản dựng trong ${dir}: ${(error as Error).message}\nHãy kiểm tra chỗ trống trên đĩa và quyền ghi thư mục, rồi chạy lại npm run build.`,
    );
    process.exit(1);
  }
}
