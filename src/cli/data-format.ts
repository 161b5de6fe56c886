// `npm run data:format [-- data/x.csv …]`: rewrite dataset CSVs (all, or those named) into the
// canonical form (src/lib/data/canonical.ts). A file that cannot be read is named and left untouched.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { canonicalCsv } from "../lib/data/canonical.ts";
import { csvProblemIssue } from "../lib/data/csv-issue.ts";
import { DATASET_IDS, DATASETS, isDatasetId } from "../lib/data/datasets.ts";
import { formatIssue } from "../lib/data/issues.ts";
import { dataDir, REPO_ROOT } from "../lib/data/paths.ts";

const shown = (path: string) => {
  const rel = relative(REPO_ROOT, path);
  return rel.startsWith("..") ? path : rel;
};

const named = process.argv.slice(2);
const paths =
  named.length > 0
    ? named.map((name) => resolve(name))
    : DATASET_IDS.map((id) => join(dataDir(), `${id}.csv`)).filter((path) => existsSync(path));

let failed = 0;
let changed = 0;
for (const path of paths) {
  const file = shown(path);
  const id = basename(path).replace(/\.csv$/i, "");
  if (!existsSync(path)) {
    console.error(`${file}:1:1 Không có tệp này; kiểm tra lại tên và đường dẫn (missing-file)`);
    failed++;
    continue;
  }
  if (!isDatasetId(id)) {
    console.error(
      `${file}:1:1 Tệp không thuộc bộ dữ liệu nào đã khai báo, nên không biết cột nào là số; tên hợp lệ: ${DATASET_IDS.join(", ")} (unknown-dataset)`,
    );
    failed++;
    continue;
  }
  const bytes = readFileSync(path);
  const result = canonicalCsv(DATASETS[id].schema, bytes);
  if (!result.ok) {
    for (const problem of result.problems)
      console.error(formatIssue(csvProblemIssue(file, problem)));
    console.error(`${file}: không đổi gì; sửa lỗi trên rồi chạy lại.`);
    failed++;
    continue;
  }
  const text = Buffer.from(result.text, "utf8");
  if (text.equals(bytes)) {
    console.log(`${file}: đã ở dạng chuẩn, không đổi.`);
    continue;
  }
  writeFileSync(path, text);
  changed++;
  if (result.padded.length > 0)
    console.log(
      `${file}: thêm ô trống cho cột mới ở cuối tiêu đề, dòng ${result.padded.join(", ")}.`,
    );
  if (result.dates.length > 0)
    console.log(
      `${file}: đổi ngày Excel viết (dd/mm/yyyy) về yyyy-mm-dd, dòng ${result.dates.join(", ")}.`,
    );
  console.log(
    `${file}: đã chuẩn hóa (UTF-8 không BOM, dấu phẩy, xuống dòng LF, số viết thống nhất).`,
  );
}
console.log(
  `\nĐã chuẩn hóa ${changed} tệp${failed > 0 ? `, ${failed} tệp có lỗi không được đổi` : ""}. Chạy npm run data:check để kiểm tra số liệu.`,
);
if (failed > 0) process.exit(1);
