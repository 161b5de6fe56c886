// A reading problem of csv.ts as a checker issue of a named file.
import type { CsvProblem } from "./csv.ts";
import type { DataIssue } from "./issues.ts";

export function csvProblemIssue(file: string, problem: CsvProblem): DataIssue {
  const { line, column, key, detail } = problem;
  return { file, line, column, key, ...(detail ? { detail } : {}) };
}
