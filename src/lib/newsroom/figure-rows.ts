// An editor's decision on a proposed figure (confirm, change or skip) and the dataset row it
// yields. Confirming keeps the proposal as data:coverage wrote it and only fills the cells it left
// blank; changing takes the edited fields. The row's source is always the article itself.
import { z } from "zod";
import { columnMeta, PERIOD_KINDS, type PeriodKind } from "../data/columns.ts";
import { DATASET_IDS, DATASETS, type DatasetId } from "../data/datasets.ts";
import { isQualifierMeta, QUALIFIERS, type Qualifier } from "../data/qualifiers.ts";
import { slugify } from "../slug.ts";
import type { FigureProposal } from "./figures.ts";

export const FIGURE_DECISIONS = ["confirm", "change", "skip"] as const;
export type FigureDecisionKind = (typeof FIGURE_DECISIONS)[number];

/** A form cell: one line, spaces collapsed (a CSV row never spans lines). */
const cell = z
  .string()
  .max(1000, "quá 1.000 ký tự")
  .transform((v) => v.replace(/\s+/g, " ").trim());
const cells = z.record(z.string(), cell);
const n = z.number().int().min(0);

export const figureDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ n, decision: z.literal("skip") }),
  z.object({ n, decision: z.literal("confirm"), cells }),
  z.object({
    n,
    decision: z.literal("change"),
    dataset: z.enum(DATASET_IDS as [DatasetId, ...DatasetId[]], "chọn một bộ dữ liệu có sẵn"),
    unit: cell,
    period: cell,
    periodKind: z.enum(
      Object.keys(PERIOD_KINDS) as [PeriodKind, ...PeriodKind[]],
      "chọn loại kỳ trong danh sách",
    ),
    qualifier: z.union(
      [z.literal(""), z.enum(Object.keys(QUALIFIERS) as [Qualifier, ...Qualifier[]])],
      "chọn mức trong danh sách (hoặc để trống nếu là số đúng)",
    ),
    value: cell,
    quote: cell,
    cells,
  }),
]);

export type FigureDecision = z.infer<typeof figureDecisionSchema>;

/** A row to add to data/<dataset>.csv, cells by column name as CSV text. */
export type FigureRow = { n: number; dataset: DatasetId; cells: Record<string, string> };

/** The column a dataset's qualifier goes in (qualifier, participants_qualifier), if it has one. */
export function qualifierColumn(dataset: DatasetId): string | undefined {
  const shape = DATASETS[dataset].schema.shape as Record<string, z.ZodType>;
  return Object.keys(shape).find((name) => isQualifierMeta(columnMeta(shape[name]!)));
}

const NUMBER_KINDS = new Set(["count", "percent", "decimal"]);

/** The column of the figure the form's “value” edits: the one the qualifier qualifies, else count. */
export function valueColumn(dataset: DatasetId): string {
  const shape = DATASETS[dataset].schema.shape as Record<string, z.ZodType>;
  const kind = (column: string) => columnMeta(shape[column]!).kind;
  const qualifier = qualifierColumn(dataset);
  const meta = qualifier ? columnMeta(shape[qualifier]!) : undefined;
  if (meta && isQualifierMeta(meta) && NUMBER_KINDS.has(kind(meta.qualifies)))
    return meta.qualifies;
  if ("count" in shape) return "count";
  return Object.keys(shape).find((c) => NUMBER_KINDS.has(kind(c)))!;
}

/** Columns with a field of their own in the form, or set by the newsroom itself. */
const NAMED = new Set(["id", "unit", "period", "period_kind", "derived", "source", "quote"]);

/** The other columns of a dataset, edited as figure.<n>.cell.<column>. */
export function cellColumns(dataset: DatasetId): string[] {
  const own = new Set([qualifierColumn(dataset), valueColumn(dataset)]);
  return Object.keys(DATASETS[dataset].schema.shape).filter((c) => !NAMED.has(c) && !own.has(c));
}

/** The row a confirmed or changed figure yields; undefined when skipped. */
export function figureRow(
  proposal: FigureProposal,
  decision: FigureDecision,
  slug: string,
): FigureRow | undefined {
  if (decision.decision === "skip") return undefined;
  if (decision.decision === "confirm") {
    if (proposal.dataset === null) return undefined;
    const filled = { ...proposal.row };
    for (const [column, value] of Object.entries(decision.cells)) {
      if ((filled[column] ?? "") === "" && value !== "") filled[column] = value;
    }
    return { n: proposal.n, dataset: proposal.dataset as DatasetId, cells: filled };
  }
  const { dataset } = decision;
  const columns = Object.keys(DATASETS[dataset].schema.shape);
  const row: Record<string, string> = {};
  for (const column of columns) row[column] = proposal.row[column] ?? "";
  for (const [column, value] of Object.entries(decision.cells))
    if (columns.includes(column)) row[column] = value;
  const qualifier = qualifierColumn(dataset);
  if (qualifier) row[qualifier] = decision.qualifier;
  Object.assign(row, {
    unit: decision.unit,
    period: decision.period,
    period_kind: decision.periodKind,
    [valueColumn(dataset)]: decision.value,
    quote: decision.quote,
    derived: "0",
    source: slug,
  });
  if (row.id === "" || proposal.dataset !== dataset)
    row.id = slugify(`${slug.split("-").slice(0, 2).join("-")}-${dataset}-${decision.period}`);
  return { n: proposal.n, dataset, cells: row };
}

/** The rows the decisions yield, in figure order (skipped figures and unknown numbers left out). */
export function figureRows(
  proposals: readonly FigureProposal[],
  decisions: readonly FigureDecision[],
  slug: string,
): FigureRow[] {
  return decisions.flatMap((decision) => {
    const proposal = proposals.find((p) => p.n === decision.n);
    const row = proposal && !proposal.existing ? figureRow(proposal, decision, slug) : undefined;
    return row ? [row] : [];
  });
}
