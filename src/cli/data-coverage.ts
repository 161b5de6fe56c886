// `npm run data:coverage [-- <tên-bài> …]`: per article, every number in its text that no dataset
// row cites, with its sentence and a proposed row; numbers that are no statistic are left out by rule.
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { RULE_NAMES } from "../lib/data/coverage-rules.ts";
import { coverageOf } from "../lib/data/coverage-load.ts";
import { articleSlugs, loadAllDatasets } from "../lib/data/index.ts";
import { contentDir, REPO_ROOT } from "../lib/data/paths.ts";

const q = (text: string) => `“${text}”`;
const dir = contentDir();
const named = process.argv
  .slice(2)
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
const slugs = named.length > 0 ? named : articleSlugs(dir);
let total = 0;
for (const article of coverageOf(datasets, dir, slugs)) {
  const file = relative(REPO_ROOT, join(dir, `${article.slug}.mdx`));
  total += article.uncovered.length;
  console.log(
    `\n${file}: ${article.covered.length} số đã có trong dữ liệu, ${article.uncovered.length} số chưa có, ${article.accepted.length} số đã ghi lý do trong data/README.md, ${article.excluded.length} số không phải số liệu (bỏ theo quy tắc).`,
  );
  for (const n of article.uncovered) {
    const p = n.proposal;
    console.log(
      `  ${file}:${n.line}:${n.column} ${q(n.token)} chưa có dòng dữ liệu nào trích. Câu: ${q(n.sentence)}`,
    );
    console.log(
      `    đề xuất: data/${p.dataset}.csv — số ${n.token}${p.unit ? `, đơn vị tính ${q(p.unit)}` : ""}, kỳ: ${p.period ? q(p.period) : "câu không nêu (xem cả bài; không rõ thì as_of_undated)"}, source = ${article.slug}, quote = ${q(p.quote)}`,
    );
  }
  if (process.env.COVERAGE_ALL === "1") {
    for (const n of article.excluded)
      console.log(`  ${file}:${n.line}:${n.column} ${q(n.token)} bỏ qua: ${RULE_NAMES[n.rule]}`);
    for (const n of article.accepted)
      console.log(`  ${file}:${n.line}:${n.column} ${q(n.token)} đã ghi lý do: ${n.why}`);
  }
}
console.log(
  total === 0
    ? "\nMọi con số của bài đều đã có trong dữ liệu hoặc đã ghi lý do."
    : `\nCòn ${total} số chưa có trong dữ liệu. Với mỗi số: nếu là số liệu của bài, thêm dòng vào tệp đề xuất (chép đúng câu trích); nếu không phải, ghi vào danh sách “Số không đưa vào dữ liệu” trong data/README.md kèm lý do.`,
);
