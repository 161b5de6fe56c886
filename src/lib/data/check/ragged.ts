// A row with more or fewer cells than the header: where the stray or missing separator likely is.
import { strayDelimiterCells } from "../hints.ts";
import { isProblem, parseCell } from "./cells.ts";
import { quoted, type Column } from "./record.ts";

/** How many cells of a would-be row read as their columns expect (for locating a stray separator). */
export function cellsReadingCorrectly(
  cells: string[],
  header: string[],
  byName: Map<string, Column>,
  delimiter: string,
): number {
  let good = 0;
  header.forEach((name, index) => {
    const column = byName.get(name);
    const text = (cells[index] ?? "").replaceAll("\u0000", delimiter);
    if (!column) return;
    const result = parseCell(column, text);
    if (isProblem(result)) return;
    if (column.schema.safeParse(result).success) good++;
  });
  return good;
}

/** "dòng có 15 ô, tiêu đề có 14 cột; dấu “,” thừa có lẽ nằm trong ô cột “quote” (ô 13) …" */
export function raggedDetail(
  cells: string[],
  header: string[],
  byName: Map<string, Column>,
  delimiter: string,
): { column: number; detail: string } {
  const counts = `dòng có ${cells.length} ô, tiêu đề có ${header.length} cột`;
  if (cells.length < header.length) {
    return {
      column: cells.length + 1,
      detail: `${counts}; thiếu ô từ cột ${quoted(header[cells.length]!)} (ô ${cells.length + 1}): kiểm tra dấu ${quoted(delimiter)} giữa các ô, hoặc một ô có xuống dòng mà không nằm trong ngoặc kép`,
    };
  }
  const starts = strayDelimiterCells(cells, header.length, (row) =>
    cellsReadingCorrectly(row, header, byName, delimiter),
  ).slice(0, 3);
  const where = starts.map((i) => `cột ${quoted(header[i]!)} (ô ${i + 1})`).join(" hoặc ");
  return {
    column: (starts[0] ?? header.length) + 1,
    detail: `${counts}; dấu ${quoted(delimiter)} thừa có lẽ nằm trong ô ${where}: ô có dấu ${quoted(delimiter)} phải đặt trong ngoặc kép, vd. "47 tổ chức cơ sở đảng, 6.001 đảng viên"`,
  };
}
