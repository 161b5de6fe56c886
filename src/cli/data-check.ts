// `npm run data:check`: validate every data/*.csv (or DATA_DIR); print each problem, exit 1 on any.
// Files not in the canonical form only get a warning: they are read the same, git just shows more.
// --no-coverage leaves out the count of article numbers not yet in the data: it reads every
// article (2 s of the build's 3 at 3,000 articles) and stops nothing. `npm run build` runs
// checkData in the build's own process, without that count.
import { relative } from "node:path";
import { nonCanonicalFiles } from "../lib/data/canonical-files.ts";
import {
  articleSlugs,
  formatIssue,
  formatWarning,
  loadAllDatasets,
  type AllDatasets,
} from "../lib/data/index.ts";
import { ISSUE_FIXES, issueFix } from "../lib/data/issue-fixes.ts";
import { contentDir, dataDir, REPO_ROOT } from "../lib/data/paths.ts";

const shown = (path: string) => {
  const rel = relative(REPO_ROOT, path);
  return rel.startsWith("..") ? path : rel;
};

/** The doubts that stop nothing: periods to settle, files not in the canonical form. */
function printWarnings(warnings: ReturnType<typeof loadAllDatasets>["warnings"]): void {
  // A period the source may not support: a doubt for staff, printed with how to settle it.
  for (const warning of warnings) {
    console.log(formatWarning(warning));
    console.log(`    ${ISSUE_FIXES[warning.key]}`);
  }
  for (const path of nonCanonicalFiles(dataDir())) {
    console.log(
      `${shown(path)}:1:1 Cảnh báo: tệp chưa ở dạng chuẩn của kho (UTF-8 không BOM, dấu phẩy, xuống dòng LF, số viết như data/README.md); chạy npm run data:format -- ${shown(path)} để git chỉ hiện những ô thật sự đổi (not-canonical)`,
    );
  }
}

/** The count of article numbers not in the data; its modules load only when asked for. */
async function printCoverage(datasets: AllDatasets): Promise<void> {
  const { coverageOf } = await import("../lib/data/coverage-load.ts");
  const uncovered = coverageOf(datasets, contentDir(), articleSlugs(contentDir())).reduce(
    (n, article) => n + article.uncovered.length,
    0,
  );
  console.log(
    `Số trong bài chưa có trong dữ liệu: ${uncovered}${uncovered > 0 ? " (npm run data:coverage liệt kê từng số, kèm câu và dòng đề xuất)" : ""}.`,
  );
}

/** Checks the data, printing what it finds; the exit status (1: a problem that stops the build). */
export async function checkData({ coverage }: { coverage: boolean }): Promise<number> {
  const { datasets, issues, warnings } = loadAllDatasets();
  if (issues.length > 0) {
    for (const issue of issues) {
      console.error(formatIssue(issue));
      console.error(`    ${issueFix(issue)}`);
    }
    console.error(
      `\nDữ liệu có ${issues.length} lỗi. Sửa từng lỗi theo dòng:cột đã nêu (cách sửa: data/README.md, phần “Thông báo lỗi”), rồi chạy lại npm run data:check.`,
    );
    return 1;
  }
  printWarnings(warnings);
  const all = Object.values(datasets);
  const rows = all.reduce((n, d) => n + d.rows.length, 0);
  const gaps = all.reduce((n, d) => n + d.gaps.length, 0);
  console.log(
    `Dữ liệu: ${all.length} bộ dữ liệu, ${rows} dòng, không có lỗi (${gaps} phần chênh nguồn không nêu, hiện trên trang là “Không rõ”).`,
  );
  if (coverage) await printCoverage(datasets);
  return 0;
}

if (import.meta.main)
  process.exit(await checkData({ coverage: !process.argv.includes("--no-coverage") }));
