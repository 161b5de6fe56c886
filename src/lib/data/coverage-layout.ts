// A drafted row (coverage-rows.ts) laid out in its file's columns: id, unit, period, qualifier,
// provenance, the CSV line in the file's header order, and what staff must still decide. Pure.
import { slugify } from "../slug.ts";
import { csvCell } from "./canonical.ts";
import { columnMeta } from "./columns.ts";
import type { ArticleFacts, RowDraft } from "./coverage-rows.ts";
import type { ExistingRow, ProposalReport } from "./coverage-report.ts";
import { DATASETS, type DatasetId } from "./datasets.ts";

/** A row already in the data, with what a proposal is compared on. */
export type DataRow = ExistingRow & { unit: string; values: Record<string, unknown> };

export type LayoutContext = {
  facts: ArticleFacts;
  /** Each dataset file's header as it stands. */
  headers: Partial<Record<DatasetId, string[]>>;
  rows: readonly DataRow[];
  /** Ids already used or proposed, per dataset (filled as rows are laid out). */
  taken: Map<string, Set<string>>;
};

const QUALIFIER_COLUMN: Partial<Record<DatasetId, string>> = {
  "giao-duc-dao-tao": "participants_qualifier",
};

function stem(draft: RowDraft): string {
  const c = draft.cells;
  if (draft.dataset === "dang-vien")
    return c.status === "tong-so" ? "dang-vien" : `dang-vien-${c.status}`;
  if (draft.dataset === "ket-nap") return c.measure ?? "ket-nap";
  if (draft.dataset === "xep-loai")
    return [slugify(c.group ?? "xep-loai"), c.rating].filter(Boolean).join("-");
  if (draft.dataset === "to-chuc-dang") return slugify(c.kind ?? "to-chuc-dang");
  return draft.dataset ?? "so-lieu";
}

function newId(draft: RowDraft, ctx: LayoutContext): string {
  const prefix = ctx.facts.slug.split("-").slice(0, 2).join("-");
  const base = [prefix, stem(draft), draft.period.period || "hien-co"]
    .join("-")
    .replace(/-+/g, "-");
  const used = ctx.taken.get(draft.dataset!) ?? new Set<string>();
  ctx.taken.set(draft.dataset!, used);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** Required columns the row leaves blank (the text does not say them), with their titles. */
export function requiredBlanks(
  dataset: DatasetId,
  row: Record<string, string>,
): { column: string; title: string }[] {
  const shape = DATASETS[dataset].schema.shape as Record<string, Parameters<typeof columnMeta>[0]>;
  return Object.entries(shape)
    .filter(([name, schema]) => columnMeta(schema).required && (row[name] ?? "") === "")
    .map(([column, schema]) => ({ column, title: columnMeta(schema).title }));
}

/** Required columns the row leaves blank, and other things to decide, in Vietnamese. */
function blanks(dataset: DatasetId, row: Record<string, string>): string[] {
  const missing = requiredBlanks(dataset, row).map((b) => `${b.column} (${b.title})`);
  return missing.length === 0
    ? []
    : [
        `cột bắt buộc còn trống: ${missing.join(", ")} — điền theo bài; bài không nêu thì hỏi người phụ trách dữ liệu, không tự tính`,
      ];
}

const numeric = (cell: string) => Number(cell.replace(/\./g, "").replace(",", "."));

/** A row already holding this figure: same period, same kind of figure, same value. */
function sameFigure(row: DataRow, draft: RowDraft): boolean {
  if (row.period !== draft.period.period || row.periodKind !== draft.period.periodKind)
    return false;
  for (const key of ["status", "measure", "rating", "group", "kind"]) {
    if (draft.cells[key] !== undefined && row.values[key] !== draft.cells[key]) return false;
  }
  const main = draft.cells.count ?? draft.cells.percent;
  if (main === undefined) return false;
  const value = numeric(main);
  return [row.values.count, row.values.percent].some(
    (v) => typeof v === "number" && Math.abs(v - value) < 1e-9,
  );
}

const refOf = ({ dataset, id, line, period, periodKind }: DataRow): ExistingRow => ({
  dataset,
  id,
  line,
  period,
  periodKind,
});

/** The cells of the row: where and when from the article, the measure, provenance. */
function cellsOf(draft: RowDraft, ctx: LayoutContext, totalId: string | undefined) {
  const { facts } = ctx;
  const dataset = draft.dataset!;
  return {
    id: newId(draft, ctx),
    unit: facts.unit ?? "",
    province: facts.province ?? "",
    district: facts.district ?? "",
    period: draft.period.period,
    period_kind: draft.period.periodKind,
    ...draft.cells,
    ...(draft.qualifier ? { [QUALIFIER_COLUMN[dataset] ?? "qualifier"]: draft.qualifier } : {}),
    ...(totalId ? { part_of: totalId, split: "tình trạng" } : {}),
    derived: "0",
    source: facts.slug,
    quote: draft.quote,
  } as Record<string, string>;
}

/** The file's header, with the columns the row needs and the file lacks put where the schema has them. */
function headerOf(dataset: DatasetId, ctx: LayoutContext, row: Record<string, string>) {
  const schemaColumns = Object.keys(DATASETS[dataset].schema.shape);
  const fileHeader = ctx.headers[dataset] ?? schemaColumns;
  const missingColumns = schemaColumns.filter(
    (c) => !fileHeader.includes(c) && (row[c] ?? "") !== "",
  );
  const header = schemaColumns.filter((c) => fileHeader.includes(c) || missingColumns.includes(c));
  return { header, missingColumns };
}

const NO_DATASET =
  "không rõ bộ dữ liệu nào ghi con số này: nếu là số liệu, chọn tệp trong “Các cột”; nếu không, ghi vào “Số không đưa vào dữ liệu”";

/** The proposal for one draft; `totalId`: the members total a part points at. */
export function layout(
  draft: RowDraft,
  ctx: LayoutContext,
  totalId: string | undefined,
): ProposalReport {
  const base = {
    period: draft.period.period,
    periodKind: draft.period.periodKind,
    periodWords: draft.period.words ?? null,
    qualifier: draft.qualifier ?? null,
    quote: draft.quote,
    sentence: draft.sentence,
    numbers: draft.numbers.map(({ token, line, column }) => ({ token, line, column })),
  };
  const dataset = draft.dataset;
  if (!dataset) {
    const none = { dataset: null, file: null, header: [], missingColumns: [], row: {}, csv: "" };
    return { ...base, ...none, sameUnit: [], alreadyIn: null, notes: [...draft.notes, NO_DATASET] };
  }
  const row = cellsOf(draft, ctx, totalId);
  const { header, missingColumns } = headerOf(dataset, ctx, row);
  const unit = ctx.facts.unit;
  const mine = ctx.rows.filter((r) => r.dataset === dataset && unit && r.unit === unit);
  const duplicate = mine.find((r) => sameFigure(r, draft));
  const notes = [...draft.notes, ...blanks(dataset, row)];
  if (draft.quote.length > 150)
    notes.push(
      `câu trích dài ${draft.quote.length} ký tự (quá 150): rút ngắn, giữ đúng chữ của bài`,
    );
  return {
    ...base,
    dataset,
    file: `data/${dataset}.csv`,
    header,
    missingColumns,
    row,
    csv: header.map((c) => csvCell(row[c] ?? "")).join(","),
    sameUnit: mine.map(refOf),
    alreadyIn: duplicate ? refOf(duplicate) : null,
    notes,
  };
}

/** Every draft of an article laid out; members' parts point at the total of their sentence. */
export function layoutAll(drafts: RowDraft[], ctx: LayoutContext): ProposalReport[] {
  const totals = new Map<string, string>();
  return drafts.map((draft) => {
    const part = draft.dataset === "dang-vien" && draft.cells.status !== "tong-so";
    const proposal = layout(draft, ctx, part ? totals.get(draft.sentence) : undefined);
    if (draft.dataset === "dang-vien" && draft.cells.status === "tong-so")
      totals.set(draft.sentence, proposal.row.id!);
    return proposal;
  });
}
