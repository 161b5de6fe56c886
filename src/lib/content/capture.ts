// A captured source page (plain text, as in tests/fixtures/seeds/) -> the parts of an article:
// title, kicker, date line, outlet mark, body blocks, byline; page furniture set aside. Pure.

export type CaptureBlock = { kind: "paragraph" | "caption"; text: string; line: number };

export type CaptureDate = {
  /** The line as printed, e.g. "Cập nhật ngày: 28/02/2023 05:40:48". */
  printed: string;
  /** The label before the date, as printed: "Cập nhật ngày", "Thứ sáu". */
  label: string;
  /** Vietnam local date or date-time: "2023-02-28T05:40:48", "2022-08-12". */
  published: string;
  line: number;
};

export type Capture = {
  title?: { text: string; line: number };
  kicker?: { text: string; line: number };
  date?: CaptureDate;
  /** The outlet's mark opening the lead ("ĐTO - …", "LSO-…"), kept in the text. */
  mark?: string;
  blocks: CaptureBlock[];
  byline?: { name: string; role?: string; line: number };
  /** Lines left out as page furniture, with their line numbers. */
  furniture: { text: string; line: number }[];
};

/** Whitespace runs (no-break spaces, indentation) are layout, not text. */
const tidy = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** Lines that are the page, not the article: reading tools, links, comment and reply forms. */
const FURNITURE = [
  /^Xem với cỡ chữ/i,
  /^< ?Trở về trang trước$/i,
  /^Các tin khác$/i,
  /^Tin (cùng chuyên mục|liên quan|khác)$/i,
  /^Gửi bình luận của bạn$/i,
  /^Phản hồi$/i,
  /^(In bài viết|In trang|Chia sẻ|Gửi email|Lên đầu trang)$/i,
];

/** Once one of these follows the body, the rest of the page is other articles and forms. */
const TAIL = [
  /^< ?Trở về trang trước$/i,
  /^Các tin khác$/i,
  /^Tin (cùng chuyên mục|liên quan|khác)$/i,
  /^Gửi bình luận của bạn$/i,
  /^Phản hồi$/i,
];

/** Page blocks as a start line and an end line (inclusive): the poll and the visit counter. */
const BLOCKS: [start: RegExp, end: RegExp][] = [
  [/^Bình chọn$/i, /người đã tham gia bình chọn$/i],
  [/^Thống kê truy cập$/i, /^•? ?Tổng:? [\d.]+$/i],
];

/** "Cập nhật ngày: 28/02/2023 05:40:48", "Thứ sáu, 12/08/2022", "Ngày đăng 01/02/2020". */
const DATE_LINE =
  /^([\p{L} ]{2,30}?)[:,]? (\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;

const two = (n: string) => n.padStart(2, "0");

export function readDateLine(text: string, line: number): CaptureDate | undefined {
  const match = DATE_LINE.exec(tidy(text));
  if (!match) return undefined;
  const [, label, day, month, year, hour, minute, second] = match;
  const date = `${year}-${two(month!)}-${two(day!)}`;
  const time = hour === undefined ? "" : `T${two(hour)}:${minute}${second ? `:${second}` : ""}`;
  return { printed: tidy(text), label: label!.trim(), published: `${date}${time}`, line };
}

/** Capital letters only (a menu entry such as "ĐẤU THẦU - MUA SẮM CÔNG"). */
const isCapitals = (text: string) => /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);

/** Ends like a sentence: a paragraph, not a caption or a name. */
const endsSentence = (text: string) => /[.!?…:;”"»]$/.test(text);

/** "… (Ảnh: HP)." or "… – Ảnh: BT": a photo credit closes the line. */
const PHOTO_CREDIT = /(\(Ảnh:[^)]*\)\.?|[–-] ?Ảnh: ?[^.]{1,40})$/u;

/** "ĐTO - Trong năm qua…", "LSO-Đảng bộ…": the outlet's mark before the lead. */
const MARK = /^(\p{Lu}{2,6}) ?[-–] ?\S/u;

/** A byline: a short name, not a sentence; a role may follow in parentheses. */
const isName = (text: string) =>
  text.length <= 60 && !endsSentence(text) && text.split(" ").length <= 6 && !/\d/.test(text);

export function readCapture(input: string): Capture {
  const raw = input.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n").split("\n");
  // `text` (whitespace tidied) is for recognising lines; `written` keeps the body as printed.
  const lines = raw.map((text, i) => ({ text: tidy(text), written: text.trim(), line: i + 1 }));
  const furniture: Capture["furniture"] = [];
  const kept: { text: string; written: string; line: number; blankBefore: number }[] = [];

  let blank = 0;
  let open: RegExp | undefined;
  let seenTitle = false;
  let tail = false;
  for (const entry of lines) {
    if (entry.text === "") {
      blank++;
      continue;
    }
    const blankBefore = blank;
    blank = 0;
    const skip = { text: entry.text, line: entry.line };
    if (tail) {
      furniture.push(skip);
      continue;
    }
    if (open) {
      furniture.push(skip);
      if (open.test(entry.text)) open = undefined;
      continue;
    }
    const block = BLOCKS.find(([start]) => start.test(entry.text));
    if (block) {
      furniture.push(skip);
      open = block[1];
      continue;
    }
    if (seenTitle && TAIL.some((p) => p.test(entry.text))) {
      tail = true;
      furniture.push(skip);
      continue;
    }
    if (FURNITURE.some((p) => p.test(entry.text))) {
      furniture.push(skip);
      continue;
    }
    // Before the title, a line in capitals is a menu entry.
    if (!seenTitle && isCapitals(entry.text) && !readDateLine(entry.text, entry.line)) {
      furniture.push(skip);
      continue;
    }
    if (!seenTitle && !readDateLine(entry.text, entry.line) && !entry.text.endsWith(":")) {
      seenTitle = true;
    }
    kept.push({ ...entry, blankBefore });
  }

  const capture: Capture = { blocks: [], furniture };
  let rest = kept;
  // Head: date line, kicker (a line ending with ":" just before the title), title.
  const head = rest.findIndex((l) => !readDateLine(l.text, l.line) && !l.text.endsWith(":"));
  if (head !== -1) {
    for (const l of rest.slice(0, head)) {
      const date = readDateLine(l.text, l.line);
      if (date && !capture.date) capture.date = date;
      else if (l.text.endsWith(":")) capture.kicker = { text: l.text, line: l.line };
    }
    capture.title = { text: rest[head]!.text, line: rest[head]!.line };
    rest = rest.slice(head + 1);
    const after = rest[0] && readDateLine(rest[0].text, rest[0].line);
    if (after && !capture.date) {
      capture.date = after;
      rest = rest.slice(1);
    }
  }

  // Byline: the last line(s) when they are a name, and a role in parentheses.
  const last = rest.at(-1);
  const role = last && /^\((.*)\)$/.exec(last.text);
  const nameLine = role ? rest.at(-2) : last;
  if (nameLine && rest.length > 1 && isName(nameLine.text) && !PHOTO_CREDIT.test(nameLine.text)) {
    const roleText = role?.[1]?.trim();
    capture.byline = { name: nameLine.text, line: nameLine.line, ...(roleText ? { role: roleText } : {}) };
    rest = rest.slice(0, role ? -2 : -1);
  }

  for (const l of rest) {
    const caption =
      PHOTO_CREDIT.test(l.text) ||
      // Where a photo was, the capture leaves an empty line more; its caption is no sentence.
      (l.blankBefore >= 2 && !endsSentence(l.text));
    const previous = capture.blocks.at(-1);
    // Image alt text and caption are often the same words twice.
    if (caption && previous?.kind === "caption" && tidy(previous.text) === l.text) continue;
    capture.blocks.push({ kind: caption ? "caption" : "paragraph", text: l.written, line: l.line });
  }
  const lead = capture.blocks.find((b) => b.kind === "paragraph");
  const mark = lead && MARK.exec(lead.text);
  if (mark) capture.mark = mark[1]!;
  return capture;
}
