// Reading the editor's figure decisions from the article form (figures-form.ts writes the fields):
// own properties only, each decision validated with figureDecisionSchema; a figure the data already
// holds takes no decision, whatever the form says.
//
// Fields, for figure n (FigureProposal.n):
//   figure.<n>.decision     confirm | change | skip (absent: skip)
//   figure.<n>.key          the figure as shown (figureKey); required to confirm or change, so a
//                           decision never lands on another figure after the text was edited
//   figure.<n>.dataset      dataset id (change)
//   figure.<n>.unit         unit as the source writes it (change)
//   figure.<n>.period       2022, 2023-02-28 or blank (change)
//   figure.<n>.period_kind  year | end_of_year | as_of_date | as_reported | as_of_undated (change)
//   figure.<n>.qualifier    blank or trên, hơn, trở lên, gần, chưa đến, dưới, khoảng, xấp xỉ (change)
//   figure.<n>.value        the figure (count, or the column the qualifier qualifies) (change)
//   figure.<n>.quote        the words of the article around it (change)
//   figure.<n>.cell.<col>   any other column of the dataset (change; confirm only fills blanks)
import { cellColumns, FIGURE_DECISIONS } from "../../lib/newsroom/figure-rows.ts";
import { figureDecisionSchema, type FigureDecision } from "../../lib/newsroom/figure-rows.ts";
import type { FigureProposal } from "../../lib/newsroom/figures.ts";
import { isDatasetId } from "../../lib/data/datasets.ts";
import { one, type FormFields } from "../staff/session.ts";

/** The name of field `name` of figure `n`: figure.<n>.<name>. */
export const figureField = (n: number, name: string): string => `figure.${n}.${name}`;

/** Vietnamese names of the fields, for labels and messages. */
export const FIGURE_FIELD_LABELS: Record<string, string> = {
  decision: "Quyết định",
  dataset: "Bộ dữ liệu",
  unit: "Đơn vị",
  period: "Kỳ",
  periodKind: "Loại kỳ",
  qualifier: "Mức",
  value: "Con số",
  quote: "Câu trích",
  cells: "Cột khác",
};

export type FigureDecisionProblem = { n: number; message: string };
export type FigureDecisions = { decisions: FigureDecision[]; problems: FigureDecisionProblem[] };

/** The figure.<n>.cell.<column> fields the form holds for the columns of these datasets. */
function cellsOf(form: FormFields, n: number, datasets: (string | null)[]): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const dataset of datasets) {
    if (dataset === null || !isDatasetId(dataset)) continue;
    for (const column of cellColumns(dataset)) {
      const name = figureField(n, `cell.${column}`);
      if (Object.hasOwn(form, name)) cells[column] = one(form, name);
    }
  }
  return cells;
}

/** The decision's fields as posted, before validation. */
function rawDecision(form: FormFields, proposal: FigureProposal, decision: string) {
  const { n } = proposal;
  const field = (name: string) => one(form, figureField(n, name));
  if (decision !== "change") return { n, decision, cells: cellsOf(form, n, [proposal.dataset]) };
  const dataset = field("dataset");
  return {
    n,
    decision,
    dataset,
    unit: field("unit"),
    period: field("period"),
    periodKind: field("period_kind"),
    qualifier: field("qualifier"),
    value: field("value"),
    quote: field("quote"),
    cells: cellsOf(form, n, [proposal.dataset, dataset]),
  };
}

/** What identifies a figure between showing the form and reading it: its numbers and quote. */
export const figureKey = (proposal: FigureProposal): string =>
  `${proposal.numbers.map((n) => n.token).join(" ")} · ${proposal.quote}`;

/** One figure's decision, or why it cannot be read, in Vietnamese. */
function readOne(form: FormFields, proposal: FigureProposal): FigureDecision | string {
  const decision = one(form, figureField(proposal.n, "decision")) || "skip";
  if (!(FIGURE_DECISIONS as readonly string[]).includes(decision))
    return `quyết định “${decision}” không hợp lệ: chọn Xác nhận, Sửa hoặc Bỏ qua`;
  if (decision !== "skip" && one(form, figureField(proposal.n, "key")) !== figureKey(proposal))
    return "lời bài đã đổi nên số liệu này không còn là số đã chọn: xem lại đề xuất rồi chọn lại";
  if (decision === "confirm" && proposal.dataset === null)
    return "số này chưa có bộ dữ liệu: chọn “Sửa” rồi chọn bộ dữ liệu, hoặc “Bỏ qua”";
  const parsed = figureDecisionSchema.safeParse(rawDecision(form, proposal, decision));
  if (parsed.success) return parsed.data;
  return parsed.error.issues
    .map((issue) => {
      const key = String(issue.path[0] ?? "");
      const label = Object.hasOwn(FIGURE_FIELD_LABELS, key) ? FIGURE_FIELD_LABELS[key] : key;
      return `${label}: ${issue.message}`;
    })
    .join("; ");
}

/** Every figure's decision as posted; figures the data already holds are left out. */
export function readFigureDecisions(
  form: FormFields,
  proposals: readonly FigureProposal[],
): FigureDecisions {
  const result: FigureDecisions = { decisions: [], problems: [] };
  for (const proposal of proposals) {
    if (proposal.existing) continue;
    const read = readOne(form, proposal);
    if (typeof read === "string")
      result.problems.push({ n: proposal.n, message: `Số liệu ${proposal.n + 1}: ${read}.` });
    else result.decisions.push(read);
  }
  return result;
}
