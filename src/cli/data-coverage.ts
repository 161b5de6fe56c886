// `npm run data:coverage [-- <tên-bài> …] [--json] [--all]`: per article, every number in its text
// that no dataset row cites, as a ready-to-paste CSV row per proposal (dataset, period kind,
// qualifier, quote); numbers that are no statistic are left out by rule. --json: the report for
// other tools (shape: coverageReportSchema in src/lib/data/coverage-report.ts).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { coverageReport } from "../lib/data/coverage-load.ts";
import { articleLines, summaryLine } from "../lib/data/coverage-print.ts";
import { articleSlugs, loadAllDatasets } from "../lib/data/index.ts";
import { contentDir } from "../lib/data/paths.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
const all = args.includes("--all") || process.env.COVERAGE_ALL === "1";
const unknown = args.find((a) => a.startsWith("--") && a !== "--json" && a !== "--all");
if (unknown) {
  console.error(
    `Không hiểu tùy chọn “${unknown}”. Cách dùng: npm run data:coverage -- [tên-bài …] [--json] [--all]`,
  );
  process.exit(1);
}
const dir = contentDir();
const named = args
  .filter((a) => !a.startsWith("--"))
  .map((a) => a.replace(/^content\/news\//, "").replace(/\.mdx$/, ""));
for (const slug of named) {
  if (!existsSync(join(dir, `${slug}.mdx`))) {
    console.error(`Không có bài content/news/${slug}.mdx; ghi tên tệp bài, không có đuôi .mdx.`);
    process.exit(1);
  }
}
const { datasets, issues } = loadAllDatasets();
if (issues.length > 0) {
  console.error(
    `Dữ liệu đang có ${issues.length} lỗi; chạy npm run data:check và sửa trước, rồi chạy lại.`,
  );
  process.exit(1);
}
const report = coverageReport(datasets, dir, named.length > 0 ? named : articleSlugs(dir));
if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const article of report.articles) console.log(articleLines(article, all).join("\n"));
  console.log(summaryLine(report.articles));
}
