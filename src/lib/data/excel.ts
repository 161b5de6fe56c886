// What a spreadsheet set to Vietnamese does to a file's values when it saves it: a date
// "2024-01-15" comes back as "15/01/2024" (or "15/1/2024 0:00"). Recognised so data:format can
// restore it and data:check can say that Excel did it.
import { isCalendarMoment } from "../calendar.ts";

const EXCEL_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** "15/01/2024", "15/1/2024", "15/01/2024 00:00:00" → "2024-01-15"; undefined for other text. */
export function excelDate(text: string): string | undefined {
  const match = EXCEL_DATE.exec(text.trim());
  if (!match) return undefined;
  const [, d, m, y] = match as unknown as [string, string, string, string];
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return isCalendarMoment(iso) ? iso : undefined;
}
