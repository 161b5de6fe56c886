// The coverage report as `npm run data:coverage` prints it, in Vietnamese: per article, a
// ready-to-paste CSV row per proposal with its period, qualifier and what to check. Pure.
import type { ArticleReport, ExistingRow, ProposalReport } from "./coverage-report.ts";

const q = (text: string) => `“${text}”`;
const rowRef = (r: ExistingRow) =>
  `data/${r.dataset}.csv:${r.line} ${r.id} (${r.periodKind}${r.period ? ` ${r.period}` : ""})`;

/** How the period was chosen, in words staff can check against the sentence. */
function periodText(p: ProposalReport): string {
  const words = p.periodWords ? `câu ghi ${q(p.periodWords)}` : "câu không có từ chỉ thời gian";
  if (p.periodKind === "as_reported")
    return `as_reported ${p.period} (${words}; theo bài đăng ngày này, không phải ngày đo)`;
  if (p.periodKind === "as_of_undated") return `as_of_undated (${words}; bài không ghi ngày đăng)`;
  return `${p.periodKind} ${p.period} (${words})`;
}

function proposalLines(p: ProposalReport, file: string, n: number): string[] {
  const where = p.numbers.map((x) => `${file}:${x.line}:${x.column} ${q(x.token)}`).join(", ");
  const out = [`  ${n}. ${where}`, `     câu: ${q(p.sentence)}`];
  if (!p.dataset) {
    out.push(...p.notes.map((note) => `     - ${note}`));
    return out;
  }
  out.push(
    `     đề xuất: ${p.file}, kỳ: ${periodText(p)}${p.qualifier ? `, mức: ${q(p.qualifier)}` : ""}`,
  );
  if (p.alreadyIn) out.push(`     đã có trong dữ liệu: ${rowRef(p.alreadyIn)} — không cần thêm`);
  if (p.missingColumns.length > 0) {
    out.push(
      `     tệp chưa có cột ${p.missingColumns.join(", ")}: thay dòng tiêu đề bằng dòng dưới đây rồi chạy npm run data:format (các dòng cũ được thêm ô trống)`,
    );
  }
  out.push(`     ${p.header.join(",")}`, `     ${p.csv}`);
  for (const row of p.sameUnit) {
    out.push(`     đơn vị đã có ${rowRef(row)}: giữ riêng, không sửa dòng cũ`);
  }
  out.push(...p.notes.map((note) => `     - ${note}`));
  return out;
}

/** Lines for one article; `all` adds every number already in the data, left out or explained. */
export function articleLines(article: ArticleReport, all = false): string[] {
  const numbers = article.proposals.reduce((sum, p) => sum + p.numbers.length, 0);
  const out = [
    "",
    `${article.file}: ${article.covered.length} số đã có trong dữ liệu, ${numbers} số chưa có (${article.proposals.length} dòng đề xuất), ${article.accepted.length} số đã ghi lý do trong data/README.md, ${article.excluded.length} số không phải số liệu (bỏ theo quy tắc).`,
  ];
  article.proposals.forEach((p, i) => out.push(...proposalLines(p, article.file, i + 1)));
  if (all) {
    for (const n of article.covered)
      out.push(
        `  ${article.file}:${n.line}:${n.column} ${q(n.token)} đã có: ${n.rows.map(rowRef).join("; ")}`,
      );
    for (const n of article.excluded)
      out.push(`  ${article.file}:${n.line}:${n.column} ${q(n.token)} bỏ qua: ${n.ruleName}`);
    for (const n of article.accepted)
      out.push(`  ${article.file}:${n.line}:${n.column} ${q(n.token)} đã ghi lý do: ${n.why}`);
  }
  return out;
}

export function summaryLine(articles: ArticleReport[]): string {
  const total = articles.reduce((sum, a) => sum + a.proposals.length, 0);
  return total === 0
    ? "\nMọi con số của bài đều đã có trong dữ liệu hoặc đã ghi lý do."
    : `\nCòn ${total} dòng đề xuất. Với mỗi dòng: nếu đúng là số liệu của bài, chép dòng CSV vào tệp đề xuất, điền ô trống theo bài (không tự tính, không đoán) rồi chạy npm run data:check; nếu không phải số liệu, ghi vào danh sách “Số không đưa vào dữ liệu” trong data/README.md kèm lý do.`;
}
