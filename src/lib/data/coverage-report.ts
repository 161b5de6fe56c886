// The shape of `npm run data:coverage -- --json` (one definition, for the CLI and for other tools
// such as the browser newsroom): per article, the numbers already in the data, those left out by
// rule or explained, and a ready-to-paste CSV row per proposal.
import { z } from "zod";

const position = { token: z.string(), line: z.number().int(), column: z.number().int() };

export const existingRowSchema = z.object({
  dataset: z.string(),
  id: z.string(),
  /** Line of the row in its CSV file. */
  line: z.number().int(),
  period: z.string(),
  periodKind: z.string(),
});

export const proposalSchema = z.object({
  /** Dataset id (file data/<dataset>.csv), or null when no dataset fits and staff decide. */
  dataset: z.string().nullable(),
  file: z.string().nullable(),
  /** The file's header (with `missingColumns` inserted where the schema puts them). */
  header: z.array(z.string()),
  /** Columns the row needs that the file's header does not have yet (add them, then data:format). */
  missingColumns: z.array(z.string()),
  /** Cells by column name, as CSV text; blank where the source does not say. */
  row: z.record(z.string(), z.string()),
  /** The row as one CSV line in `header` order, ready to paste. */
  csv: z.string(),
  period: z.string(),
  periodKind: z.enum(["year", "end_of_year", "as_of_date", "as_reported", "as_of_undated"]),
  /** The sentence's time words as printed (“năm 2022”, “hiện có”), or null when it has none. */
  periodWords: z.string().nullable(),
  qualifier: z.string().nullable(),
  quote: z.string(),
  sentence: z.string(),
  numbers: z.array(z.object(position)),
  /** Rows of the same dataset and unit already in the data (kept apart, never overwritten). */
  sameUnit: z.array(existingRowSchema),
  /** An existing row holding this very figure for the same unit and period, if any. */
  alreadyIn: existingRowSchema.nullable(),
  /** What staff must decide or know, in Vietnamese. */
  notes: z.array(z.string()),
});

export const articleReportSchema = z.object({
  slug: z.string(),
  file: z.string(),
  published: z.string().nullable(),
  proposals: z.array(proposalSchema),
  covered: z.array(z.object({ ...position, rows: z.array(existingRowSchema) })),
  excluded: z.array(z.object({ ...position, rule: z.string(), ruleName: z.string() })),
  accepted: z.array(z.object({ ...position, why: z.string() })),
});

export const coverageReportSchema = z.object({ articles: z.array(articleReportSchema) });

export type ExistingRow = z.infer<typeof existingRowSchema>;
export type ProposalReport = z.infer<typeof proposalSchema>;
export type ArticleReport = z.infer<typeof articleReportSchema>;
export type CoverageReport = z.infer<typeof coverageReportSchema>;
