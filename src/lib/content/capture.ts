// A captured source page (plain text, as in tests/fixtures/seeds/) -> the parts of an article:
// title, kicker, date line, outlet mark and source line, body blocks, byline; page furniture set
// aside wherever it stands (capture-furniture.ts). Pure.
import {
  BLOCKS,
  isBreadcrumb,
  isListHeading,
  isMenuLine,
  isPhotoCredit,
  isTail,
  isTool,
  looksLikeOutlet,
  sourceLineOutlet,
  tidy,
} from "./capture-furniture.ts";


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
  furniture: CaptureLine[];
  /** The outlet a source line names (“Nguồn: Báo Quảng Bình”, “Theo baoquangbinh.vn”). */
  outlet?: { name: string; text: string; line: number };
  /** What staff must check by hand, in Vietnamese: an uncertain byline, an outlet guessed. */
  checks: CaptureLine[];
  /** The furniture line after the title that set aside the lines after it (a list, a block, the tail). */
  stoppedBy?: CaptureLine;
};

export type CaptureLine = { text: string; line: number };

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

type Line = CaptureLine & { written: string };
type Kept = Line & { blankBefore: number };

/** A line that reads as a body paragraph again after a list of links: a sentence of some length. */
const isSentence = (text: string) => endsSentence(text) && text.split(" ").length >= 10;

/** Set page furniture aside wherever it stands; keep the rest (head, body, byline) in order. */
function sortLines(lines: Line[]) {
  const furniture: CaptureLine[] = [];
  const kept: Kept[] = [];
  let outlet: Capture["outlet"];
  let stoppedBy: CaptureLine | undefined;
  // Changed inside setAside too: typed wide so the checks below are not narrowed away.
  let mode = "page" as "page" | "list" | "block" | "tail";
  let blockEnd: RegExp | undefined;
  let blank = 0;
  let seenTitle = false;
  let bodySeen = false;
  const setAside = (entry: Line, switchTo?: typeof mode) => {
    furniture.push({ text: entry.text, line: entry.line });
    if (switchTo) mode = switchTo;
    if (switchTo && seenTitle && !stoppedBy) stoppedBy = { text: entry.text, line: entry.line };
  };
  for (const entry of lines) {
    if (entry.text === "") {
      blank++;
      continue;
    }
    const blankBefore = blank;
    blank = 0;
    const { text } = entry;
    const date = readDateLine(text, entry.line);
    if (mode === "tail") setAside(entry);
    else if (mode === "block") {
      setAside(entry);
      if (blockEnd!.test(text)) mode = "page";
    } else if (sourceLineOutlet(text) !== undefined) {
      outlet ??= { name: sourceLineOutlet(text)!, text, line: entry.line };
      setAside(entry);
    } else if (BLOCKS.some(([start]) => start.test(text))) {
      blockEnd = BLOCKS.find(([start]) => start.test(text))![1];
      setAside(entry, "block");
    } else if (bodySeen && isTail(text)) setAside(entry, "tail");
    else if (isTool(text) || isMenuLine(text) || isPhotoCredit(text) || isTail(text)) {
      setAside(entry, seenTitle && isListHeading(text) ? "list" : undefined);
    } else if (mode === "list" && !date && !isSentence(text)) setAside(entry);
    // Before the title, a line in capitals or a breadcrumb is a menu entry.
    else if (!seenTitle && (isCapitals(text) || isBreadcrumb(text)) && !date) setAside(entry);
    else {
      mode = "page";
      if (seenTitle && !date) bodySeen = true;
      if (!seenTitle && !date && !text.endsWith(":")) seenTitle = true;
      kept.push({ ...entry, blankBefore });
    }
  }
  return { furniture, kept, outlet, stoppedBy };
}

/** Head: date line, kicker (a line ending with ":" just before the title), title. */
function readHead(capture: Capture, kept: Kept[]): Kept[] {
  const head = kept.findIndex((l) => !readDateLine(l.text, l.line) && !l.text.endsWith(":"));
  if (head === -1) return kept;
  for (const l of kept.slice(0, head)) {
    const date = readDateLine(l.text, l.line);
    if (date && !capture.date) capture.date = date;
    else if (l.text.endsWith(":")) capture.kicker = { text: l.text, line: l.line };
  }
  capture.title = { text: kept[head]!.text, line: kept[head]!.line };
  const rest = kept.slice(head + 1);
  const after = rest[0] && readDateLine(rest[0].text, rest[0].line);
  if (after && !capture.date) {
    capture.date = after;
    return rest.slice(1);
  }
  return rest;
}

/** Byline: the last line(s) when they are a name, and a role in parentheses. */
function readByline(capture: Capture, rest: Kept[]): Kept[] {
  const last = rest.at(-1);
  const role = last && /^\((.*)\)$/.exec(last.text);
  const nameLine = role ? rest.at(-2) : last;
  if (!nameLine || rest.length < 2 || !isName(nameLine.text) || PHOTO_CREDIT.test(nameLine.text))
    return rest;
  const at = `dòng ${nameLine.line} “${nameLine.text}”`;
  if (looksLikeOutlet(nameLine.text)) {
    if (capture.outlet) return rest.slice(0, role ? -2 : -1);
    capture.outlet = { name: nameLine.text, text: nameLine.text, line: nameLine.line };
    capture.checks.push({
      line: nameLine.line,
      text: `${at} là tên báo/trang, ghi vào source.outlet, không phải tác giả; bài không ghi tác giả: kiểm tra lại với bản gốc`,
    });
    return rest.slice(0, role ? -2 : -1);
  }
  const roleText = role?.[1]?.trim();
  capture.byline = {
    name: nameLine.text,
    line: nameLine.line,
    ...(roleText ? { role: roleText } : {}),
  };
  if (!isCapitals(nameLine.text) && !roleText) {
    capture.checks.push({
      line: nameLine.line,
      text: `tác giả đoán từ ${at}: dòng ngắn cuối bài, không viết hoa toàn bộ như tên tác giả thường in; đối chiếu bản gốc, nếu không phải tên tác giả thì bỏ author và đưa dòng này vào lời bài`,
    });
  }
  return rest.slice(0, role ? -2 : -1);
}

export function readCapture(input: string): Capture {
  const raw = input.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n").split("\n");
  // `text` (whitespace tidied) is for recognising lines; `written` keeps the body as printed.
  const lines = raw.map((text, i) => ({ text: tidy(text), written: text.trim(), line: i + 1 }));
  const { furniture, kept, outlet, stoppedBy } = sortLines(lines);
  const capture: Capture = {
    blocks: [],
    furniture,
    checks: [],
    ...(outlet && { outlet }),
    ...(stoppedBy && { stoppedBy }),
  };
  const rest = readByline(capture, readHead(capture, kept));
  if (!capture.byline && capture.outlet && capture.outlet.text !== capture.outlet.name) {
    capture.checks.push({
      line: capture.outlet.line,
      text: `bài không ghi tác giả; dòng ${capture.outlet.line} “${capture.outlet.text}” là nguồn (source.outlet), không phải tác giả: kiểm tra lại với bản gốc`,
    });
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
