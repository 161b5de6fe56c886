// A canonical CSV as a Vietnamese-locale spreadsheet saves it: BOM, semicolons, CRLF.
import Papa from "papaparse";

export function asExcelVi(canonical: string, options: { sepLine?: boolean } = {}): Buffer {
  const { data } = Papa.parse<string[]>(canonical.trimEnd(), { header: false });
  const cell = (v: string) => (/[";\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = data.map((row) => row.map(cell).join(";"));
  const text = `${options.sepLine ? "sep=;\r\n" : ""}${lines.join("\r\n")}\r\n`;
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}
