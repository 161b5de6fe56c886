// Numbers in an article that are not statistics, by rule (documented in data/README.md, “Số chưa có
// trong dữ liệu”). Each rule looks at the number token and the text around it.

export type ExclusionRule =
  | "date"
  | "year"
  | "document-number"
  | "congress-term"
  | "ordinal"
  | "anniversary"
  | "duration"
  | "time"
  | "day-of-month"
  | "distance"
  | "meeting";

/** Vietnamese name of each rule, as data:coverage prints it. */
export const RULE_NAMES: Record<ExclusionRule, string> = {
  date: "ngày tháng",
  year: "năm",
  "document-number": "số hiệu văn bản",
  "congress-term": "số đại hội, hội nghị, khóa",
  ordinal: "số thứ tự",
  anniversary: "số năm kỷ niệm",
  duration: "khoảng thời gian thực hiện",
  time: "giờ phút",
  "day-of-month": "ngày trong tháng, tháng",
  distance: "chiều dài, diện tích",
  meeting: "số cuộc họp, hội nghị (chưa bộ dữ liệu nào ghi)",
};

const DOCUMENT = String.raw`(?:Nghị quyết|Kế hoạch|Chỉ thị|Kết luận|Quyết định|Đề án|Quy định|Hướng dẫn|Thông tri|Chương trình|Công văn|Thông báo|Nghị định|Thông tư|Luật)`;

/**
 * The rule that makes the number at [start, end) of `text` not a statistic, or undefined.
 * `text` is one paragraph as readers see it.
 */
export function exclusionRule(text: string, start: number, end: number): ExclusionRule | undefined {
  const token = text.slice(start, end);
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 60);
  // 19/5/1890, 27/9/1954 (the whole d/m/yyyy, whichever part this token is), ngày 16/6.
  if (isDate(text, start, end)) return "date";
  if (/ngày\s*$/i.test(before) && /^\/\d{1,2}/.test(after)) return "date";
  if (/^\d{1,2}:\d{2}/.test(text.slice(start)) || /\d:$/.test(before)) return "time";
  // ngày mùng 3, mồng 5, ngày 15 tháng 3, ngày 15/3 (no year), tháng 3 năm 2024.
  if (/(?:ngày\s+)?(?:mùng|mồng)\s*$/iu.test(before)) return "day-of-month";
  if (/ngày\s*$/iu.test(before) && /^\s*(?:tháng|\/)/u.test(after)) return "day-of-month";
  if (/(?:ngày|mùng|mồng)\s*\d{1,2}\s*\/$/iu.test(before)) return "day-of-month";
  if (/(?:^|[^\p{L}])tháng\s*$/iu.test(before) && /^\s*(?:năm|\/|,|\.|$)/u.test(after))
    return "day-of-month";
  // 12 km đường, 300 m kênh, 2 ha: lengths and areas are works, not party statistics.
  if (/^\s*(?:km|ki-lô-mét|kilômét|cây số|m|mét|m2|m²|ha|héc-ta)(?![\p{L}\d])/iu.test(after))
    return "distance";
  // 3 cuộc họp, 2 hội nghị, 4 kỳ họp: no dataset counts meetings (buổi tuyên truyền, lớp are kept).
  if (
    /^\s*(?:cuộc họp|phiên họp|kỳ họp|lần họp|buổi họp|cuộc làm việc|buổi làm việc|hội nghị)(?![\p{L}])/iu.test(
      after,
    )
  )
    return "meeting";
  if (/^\d{4}$/.test(token) && Number(token) >= 1900 && Number(token) <= 2100) return "year";
  // 21-NQ/TW, 02-ĐA/HU.
  if (/^-\p{Lu}/u.test(after)) return "document-number";
  // Nghị quyết Trung ương 4, khóa 9, Đại hội lần thứ 3.
  if (/(Trung ương|khóa|khoá|Đại hội|lần thứ)\s*$/iu.test(before)) return "congress-term";
  // Chỉ thị 05, Kết luận số 01, Điều 30 Điều lệ Đảng.
  if (new RegExp(`${DOCUMENT}(?: [\\p{L}]+){0,4}(?: số)?\\s*$`, "u").test(before))
    return "document-number";
  if (/Điều\s*$/u.test(before)) return "document-number";
  if (/\bthứ\s*$/iu.test(before)) return "ordinal";
  // 132 năm Ngày sinh, 74 năm Ngày Chủ tịch …, 60 năm (27/9/1954 – 27/9/2014) ngày thành lập.
  if (/^\s*năm\s*(\([^)]*\)\s*)?(Ngày|ngày)/u.test(after) || /kỷ niệm\s*$/iu.test(before))
    return "anniversary";
  // qua 1 năm thực hiện, sơ kết 3 năm thực hiện.
  if (/^\s*(năm|tháng)\s+thực hiện/u.test(after)) return "duration";
  // 6 tháng đầu năm, 9 tháng cuối năm: the period a figure covers, not a figure.
  if (/^\s*tháng\s+(?:đầu|cuối)\s+năm/u.test(after)) return "duration";
  return undefined;
}

/** Whether the token sits in a d/m/yyyy run ("27/9/1954"); "8/40" (a share) is no date. */
function isDate(text: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a > 0 && /[\d/]/.test(text[a - 1]!)) a--;
  while (b < text.length && /[\d/]/.test(text[b]!)) b++;
  return /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text.slice(a, b));
}
