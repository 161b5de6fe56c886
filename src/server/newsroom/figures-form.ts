// The article form's figures fieldset (/quan-tri/bai-viet/moi/): beside the article, each number
// its text states with the proposed row to confirm, change or skip, and what data:check says of a
// confirmed row; figures the data already holds are shown as such, without a decision. Plain HTML
// that works without script; every text escaped. Field names: figure-decisions.ts.
import { columnMeta, PERIOD_KINDS } from "../../lib/data/columns.ts";
import { DATASET_IDS, DATASETS, isDatasetId, type DatasetId } from "../../lib/data/datasets.ts";
import { periodText } from "../../lib/data/period.ts";
import { QUALIFIERS } from "../../lib/data/qualifiers.ts";
import { escapeHtml } from "../../lib/html.ts";
import type { FigureRowCheck } from "../../lib/newsroom/figure-check.ts";
import type { FigureDecision } from "../../lib/newsroom/figure-rows.ts";
import { qualifierColumn, valueColumn } from "../../lib/newsroom/figure-rows.ts";
import type { ArticleFigures, CitedFigure, FigureProposal } from "../../lib/newsroom/figures.ts";
import { cellInputs, decisionRadios, select, textInput } from "./figure-inputs.ts";
import { figureField, figureKey, type FigureDecisionProblem } from "./figure-decisions.ts";

export {
  readFigureDecisions,
  figureField,
  figureKey,
  type FigureDecisions,
} from "./figure-decisions.ts";

export type FiguresFormState = {
  /** The decisions posted last (fields keep what the editor chose). */
  decisions?: readonly FigureDecision[];
  /** data:check's word on each confirmed row, shown beside it. */
  checks?: readonly FigureRowCheck[];
  /** Decisions that could not be read. */
  problems?: readonly FigureDecisionProblem[];
};

const e = escapeHtml;
const quoted = (text: string) => `“${e(text)}”`;

/** What the proposal says of when: its period, and the sentence's own time words. */
function periodLine(p: FigureProposal): string {
  const period = periodText({
    period: p.period === "" ? undefined : p.period,
    period_kind: p.periodKind,
  });
  const words = p.periodWords
    ? `bài viết ${quoted(p.periodWords)}`
    : "câu không có từ chỉ thời gian";
  return `Kỳ: ${e(period)} (${words})`;
}

function summary(p: FigureProposal): string {
  const numbers = p.numbers.map((n) => `<strong>${e(n.token)}</strong>`).join(", ");
  const where = ` · đoạn ${p.paragraph} của bài`;
  const dataset =
    p.dataset && isDatasetId(p.dataset)
      ? `${e(DATASETS[p.dataset].title)} (<code>${e(p.file ?? "")}</code>)`
      : "chưa rõ bộ dữ liệu";
  const level = p.qualifier
    ? `Mức: ${quoted(p.qualifier)}`
    : "Mức: số đúng (câu trích không có chữ chỉ mức)";
  const unknown =
    p.unknown.length > 0
      ? `<p class="figure-unknown">Bài không nêu: ${p.unknown.map((u) => e(u.title)).join(", ")} — điền nếu bài nói rõ, không tự suy; không chắc thì bỏ qua.</p>`
      : "";
  const notes =
    p.notes.length > 0
      ? `<ul class="figure-notes">${p.notes.map((note) => `<li>${e(note)}</li>`).join("")}</ul>`
      : "";
  return (
    `<p class="figure-numbers">Số ${numbers}${where}</p>` +
    `<blockquote class="figure-quote">${quoted(p.quote)}</blockquote>` +
    `<p class="figure-meta">Đề xuất: ${dataset} · ${periodLine(p)} · ${level}</p>${unknown}${notes}`
  );
}

/** “Con số (Số đảng viên)”: which column the value goes in. */
function valueLabel(dataset: DatasetId | null): string {
  if (!dataset) return "Con số";
  const shape = DATASETS[dataset].schema.shape as Record<string, Parameters<typeof columnMeta>[0]>;
  return `Con số (${columnMeta(shape[valueColumn(dataset)]!).title})`;
}

/**
 * The editable fields, filled from the posted change or else from the proposal; folded away (still
 * posted) unless the editor changes the row, the text leaves a required cell blank, or it failed.
 */
function fields(p: FigureProposal, decision: FigureDecision | undefined, failed: boolean): string {
  const change = decision?.decision === "change" ? decision : undefined;
  const dataset = (change?.dataset ?? p.dataset) as DatasetId | null;
  const value = dataset ? (p.row[valueColumn(dataset)] ?? "") : "";
  const qualifier = dataset ? (p.row[qualifierColumn(dataset) ?? ""] ?? "") : "";
  const datasets = Object.fromEntries(
    DATASET_IDS.map((id) => [id, `${DATASETS[id].title} (${id})`]),
  );
  const cells = decision && decision.decision !== "skip" ? decision.cells : {};
  const open = change !== undefined || p.unknown.length > 0 || failed;
  return (
    `<details class="figure-fields"${open ? " open" : ""}><summary>Các ô của dòng dữ liệu</summary>` +
    select(p.n, "dataset", datasets, dataset ?? "", dataset ? undefined : "— chọn bộ dữ liệu —") +
    textInput(p.n, "unit", change?.unit ?? p.row.unit ?? "") +
    textInput(
      p.n,
      "period",
      change?.period ?? p.period,
      "2022, 2023-02-28, hoặc để trống khi bài không ghi",
    ) +
    select(p.n, "period_kind", PERIOD_KINDS, change?.periodKind ?? p.periodKind) +
    select(
      p.n,
      "qualifier",
      { "": "Số đúng (không có mức)", ...QUALIFIERS },
      change?.qualifier ?? qualifier,
    ) +
    textInput(p.n, "value", change?.value ?? value, undefined, valueLabel(dataset)) +
    textInput(p.n, "quote", change?.quote ?? p.quote) +
    (dataset ? cellInputs(p, dataset, cells) : "") +
    `</details>`
  );
}

function checkLine(check: FigureRowCheck | undefined, problem: FigureDecisionProblem | undefined) {
  if (problem)
    return `<p class="figure-check" data-ok="false" role="alert">${e(problem.message)}</p>`;
  if (!check) return "";
  const fixes = check.problems.map((p) => `<li>${e(p.fix)}</li>`).join("");
  return (
    `<p class="figure-check" data-ok="${check.ok}" role="status">${e(check.message)}</p>` +
    (fixes ? `<ul class="figure-fixes">${fixes}</ul>` : "")
  );
}

function proposalItem(p: FigureProposal, state: FiguresFormState): string {
  const open = `<li class="figure" id="so-lieu-${p.n}"><h3>Số liệu ${p.n + 1}</h3>${summary(p)}`;
  if (p.existing) {
    return `${open}<p class="figure-existing">Đã có trong <code>${e(p.existing.place)}</code> (mã ${e(p.existing.id)}): không cần thêm.</p></li>`;
  }
  const decision = state.decisions?.find((d) => d.n === p.n);
  const check = state.checks?.find((c) => c.n === p.n);
  const problem = state.problems?.find((c) => c.n === p.n);
  return (
    `${open}<input type="hidden" name="${e(figureField(p.n, "key"))}" value="${e(figureKey(p))}">` +
    decisionRadios(p.n, decision?.decision ?? "skip") +
    fields(p, decision, problem !== undefined || check?.ok === false) +
    `${checkLine(check, problem)}</li>`
  );
}

function citedList(cited: readonly CitedFigure[]): string {
  if (cited.length === 0) return "";
  const items = cited.map((c) => {
    const places = c.rows.map((r) => `<code>${e(r.place)}</code>`).join(", ");
    return `<li><strong>${e(c.token)}</strong> (đoạn ${c.paragraph} của bài): đã có trong ${places || "dữ liệu"}</li>`;
  });
  return `<h3>Số đã có trong dữ liệu</h3><ul class="figures-cited">${items.join("")}</ul>`;
}

/** The fieldset for the article form: one item per proposal, then the figures already in the data. */
export function figuresFieldset(figures: ArticleFigures, state: FiguresFormState = {}): string {
  const intro =
    figures.proposals.length === 0
      ? "<p>Bài không có con số nào chưa có trong dữ liệu.</p>"
      : "<p>Mỗi con số bài nêu, kèm dòng dữ liệu đề xuất. Chọn Xác nhận (giữ đúng đề xuất, chỉ điền ô bài không nêu), Sửa (dùng các ô bên dưới) hoặc Bỏ qua. Dòng được xác nhận được kiểm tra ngay theo quy tắc của data:check.</p>";
  const items = figures.proposals.map((p) => proposalItem(p, state)).join("");
  return (
    `<fieldset class="figures"><legend>Số liệu của bài</legend>${intro}` +
    (items ? `<ol class="figure-list">${items}</ol>` : "") +
    `${citedList(figures.cited)}</fieldset>`
  );
}
