// The inputs of one figure in the article form, each with its Vietnamese label; names from
// figureField (figure.<n>.<name>), ids so-lieu-<n>-<name>. Every value and label escaped.
import { columnMeta } from "../../lib/data/columns.ts";
import { DATASETS, type DatasetId } from "../../lib/data/datasets.ts";
import { escapeHtml } from "../../lib/html.ts";
import { cellColumns, type FigureDecisionKind } from "../../lib/newsroom/figure-rows.ts";
import type { FigureProposal } from "../../lib/newsroom/figures.ts";
import { FIGURE_FIELD_LABELS, figureField } from "./figure-decisions.ts";

const e = escapeHtml;
const idOf = (n: number, name: string) => `so-lieu-${n}-${name.replace(/[^a-z0-9_-]/gi, "-")}`;

const DECISION_LABELS: Record<FigureDecisionKind, string> = {
  confirm: "Xác nhận",
  change: "Sửa",
  skip: "Bỏ qua",
};

const LABELS: Record<string, string> = { ...FIGURE_FIELD_LABELS, period_kind: "Loại kỳ" };

export function decisionRadios(n: number, chosen: FigureDecisionKind): string {
  const name = e(figureField(n, "decision"));
  const radios = (Object.keys(DECISION_LABELS) as FigureDecisionKind[]).map((value) => {
    const id = idOf(n, `decision-${value}`);
    const checked = value === chosen ? " checked" : "";
    return `<label for="${id}"><input type="radio" id="${id}" name="${name}" value="${value}"${checked}> ${DECISION_LABELS[value]}</label>`;
  });
  return `<fieldset class="figure-decision"><legend>Số liệu ${n + 1}: quyết định</legend>${radios.join(" ")}</fieldset>`;
}

export function textInput(n: number, name: string, value: string, hint?: string, label?: string) {
  const id = idOf(n, name);
  const help = hint ? ` <small>${e(hint)}</small>` : "";
  return (
    `<p><label for="${id}">${e(label ?? LABELS[name] ?? name)}</label>${help}<br>` +
    `<input type="text" id="${id}" name="${e(figureField(n, name))}" value="${e(value)}"></p>`
  );
}

/** A choice; `empty`: the label of a blank first option (nothing chosen yet). */
export function select(
  n: number,
  name: string,
  options: Readonly<Record<string, string>>,
  chosen: string,
  empty?: string,
  label?: string,
): string {
  const id = idOf(n, name);
  const all: [string, string][] = [
    ...(empty === undefined ? [] : [["", empty] as [string, string]]),
    ...Object.entries(options),
  ];
  const items = all.map(
    ([value, text]) =>
      `<option value="${e(value)}"${value === chosen ? " selected" : ""}>${e(text)}</option>`,
  );
  return `<p><label for="${id}">${e(label ?? LABELS[name] ?? name)}</label><br><select id="${id}" name="${e(figureField(n, name))}">${items.join("")}</select></p>`;
}

/** The dataset's other columns (figure.<n>.cell.<column>); blanks the text leaves are marked. */
export function cellInputs(
  p: FigureProposal,
  dataset: DatasetId,
  cells: Readonly<Record<string, string>>,
): string {
  const shape = DATASETS[dataset].schema.shape as Record<string, Parameters<typeof columnMeta>[0]>;
  const unknown = new Set(p.unknown.map((u) => u.column));
  return cellColumns(dataset)
    .map((column) => {
      const meta = columnMeta(shape[column]!);
      const value = Object.hasOwn(cells, column) ? cells[column]! : (p.row[column] ?? "");
      const label = `${meta.title}${unknown.has(column) ? " — bài không nêu, cần điền" : ""}`;
      const name = `cell.${column}`;
      return meta.labels
        ? select(p.n, name, meta.labels, value, "(để trống)", label)
        : textInput(p.n, name, value, undefined, label);
    })
    .join("");
}
