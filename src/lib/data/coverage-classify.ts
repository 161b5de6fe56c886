// What a number in an article's sentence measures, from the words around it: members, admissions
// (and their percent of target), organisations, ratings, targets… -> the dataset and the columns it
// fills. Rules documented in data/README.md (“Số chưa có trong dữ liệu”). Pure.
import type { DatasetId } from "./datasets.ts";
import { RATINGS } from "./schemas.ts";

/** The role of one number in a row: which column it fills, and how it joins other numbers. */
export type Measure = {
  dataset: DatasetId | undefined;
  /** Column the number goes in (count, percent_of_target, rated…). */
  column: string;
  /** Other cells this number decides (status, rating, group, kind…), as CSV text. */
  cells: Record<string, string>;
  /** The number joins the row of an earlier number of the sentence (a percent, a rated total). */
  joins?: "admission" | "rating" | "ratio" | "badge" | "training";
};

const lower = (text: string) => text.toLocaleLowerCase("vi");
/** The text of the clause before the number: back to the last “;”, “:” or “, ” (not inside “8/40”). */
const clauseBefore = (before: string) =>
  before.slice(
    Math.max(
      ...[";", ": ", ", ", "("].map((m) => {
        const at = before.lastIndexOf(m);
        // Not found: the clause starts with the text (never one character in).
        return at === -1 ? 0 : at + m.length;
      }),
    ),
  );
/** The text after the number up to the clause's end. */
const clauseAfter = (after: string) =>
  after.slice(0, /[;,(]|\.(\s|$)/.exec(after)?.index ?? after.length);

const RATING_WORDS: [RegExp, keyof typeof RATINGS][] = [
  [/không hoàn thành nhiệm vụ/u, "khong-hoan-thanh"],
  [/hoàn thành xuất sắc nhiệm vụ/u, "hoan-thanh-xuat-sac"],
  [/hoàn thành tốt nhiệm vụ/u, "hoan-thanh-tot"],
  [/hoàn thành nhiệm vụ/u, "hoan-thanh"],
];

/** Words that put a count of people or bodies in another dataset than members or organisations. */
const OTHER_DATASETS: [RegExp, DatasetId][] = [
  [/huy hiệu|năm tuổi đảng/u, "huy-hieu"],
  [
    /kiểm tra|giám sát|kỷ luật|đơn thư|đơn tố cáo|đơn khiếu nại|^\s*đơn(?!\p{L})|khiển trách|cảnh cáo|khai trừ|kiểm điểm/u,
    "kiem-tra-giam-sat",
  ],
  [/khen thưởng|biểu dương/u, "thi-dua-khen-thuong"],
  [/lớp|buổi|học viên|bồi dưỡng|tuyên truyền|học tập/u, "giao-duc-dao-tao"],
  [/chuyển sinh hoạt|phát thẻ|kiện toàn|đại hội|giao ước|đoàn công tác/u, "cong-tac-to-chuc"],
];

/** Cells the words around a number state outright (never a guess: no match, no cell). */
const STATED: Partial<Record<DatasetId, { column: string; words: [RegExp, string][] }>> = {
  "huy-hieu": {
    column: "action",
    words: [
      [/đề nghị tặng/u, "de-nghi-tang"],
      [/trao tặng/u, "trao-tang"],
    ],
  },
  "thi-dua-khen-thuong": {
    column: "recipient",
    words: [
      [/^\s*tập thể/u, "tap-the"],
      [/^\s*cá nhân/u, "ca-nhan"],
    ],
  },
  "kiem-tra-giam-sat": {
    column: "activity",
    words: [
      [/gợi ý kiểm điểm/u, "goi-y-kiem-diem"],
      [/kỷ luật/u, "ky-luat"],
      [/đơn thư|đơn tố cáo|đơn khiếu nại/u, "don-thu"],
      [/giám sát/u, "giam-sat"],
      [/kiểm tra/u, "kiem-tra"],
    ],
  },
};

/** The cell of `dataset` the clause states: its words before the number, else after it. */
function statedCells(dataset: DatasetId, head: string, tail: string): Record<string, string> {
  const stated = STATED[dataset];
  if (!stated) return {};
  // A recipient is the noun after the number; other cells are said before it, or else after.
  const texts = stated.column === "recipient" ? [tail] : [head, tail];
  for (const text of texts) {
    const value = stated.words.find(([pattern]) => pattern.test(text))?.[1];
    if (value) return { [stated.column]: value };
  }
  return {};
}

/** The dataset named by words of `text`, if any. */
const otherDataset = (text: string) => OTHER_DATASETS.find(([pattern]) => pattern.test(text))?.[1];

const ORGANISATION =
  /^\s*(tổ chức cơ sở đảng|cơ sở đảng|tổ chức đảng|đảng bộ bộ phận|đảng bộ cơ sở|chi bộ cơ sở|đảng bộ|chi bộ|cơ sở)(?:\s+([\p{L}\s]{0,40}))?/u;

function capital(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

function ratingOf(text: string): keyof typeof RATINGS | undefined {
  return RATING_WORDS.find(([pattern]) => pattern.test(lower(text)))?.[1];
}

/** A percent: of an admissions target, of a rating, or a target set for the future. */
function classifyPercent(sentence: string, sentenceBefore: string, after: string): Measure {
  const before = sentenceBefore.slice(-40);
  const near = lower(clauseAfter(after.replace(/^\s*%\s*\)?/, " ")));
  const ofTarget = /^\s*(?:so với\s+)?(chỉ tiêu|kế hoạch)([\p{L}\s]{0,20})/u.exec(near);
  if (/đạt\s*$/u.test(before) && ofTarget && /kết nạp/u.test(lower(sentenceBefore))) {
    const label = `${ofTarget[1]}${ofTarget[2] ?? ""}`.trim();
    return {
      dataset: "ket-nap",
      column: "percent_of_target",
      cells: { target_label: label },
      joins: "admission",
    };
  }
  if (/\(\s*đạt\s*$/u.test(before) && ratingOf(sentenceBefore.slice(-120)))
    return { dataset: "xep-loai", column: "percent", cells: {}, joins: "rating" };
  // A target set for later: “phấn đấu trên 60% …”, anywhere in the sentence.
  if (/phấn đấu|chỉ tiêu|mục tiêu|tiếp tục/u.test(lower(sentence)))
    return { dataset: "chi-tieu", column: "percent", cells: {} };
  return { dataset: undefined, column: "percent", cells: {} };
}

/** “47 tổ chức cơ sở đảng”, “12 chi bộ trực thuộc”: organisations, with their kind and level. */
function organisationMeasure(tail: string): Measure | undefined {
  const organisation = ORGANISATION.exec(tail);
  if (!organisation) return undefined;
  const kind = capital(`${organisation[1]}${organisation[2] ? ` ${organisation[2].trim()}` : ""}`);
  const level = /trực thuộc (?:các )?đảng ủy cơ sở/u.test(tail)
    ? "truc-thuoc-co-so"
    : /cơ sở|trực thuộc (?:huyện ủy|tỉnh ủy|thành ủy|thị ủy|đảng ủy khối)/u.test(tail)
      ? "co-so"
      : "";
  return { dataset: "to-chuc-dang", column: "count", cells: { kind, ...(level ? { level } : {}) } };
}

/**
 * Training has no count column: “213 buổi”, “11 lớp” are its sessions; the people they reached
 * (“cho 337 quần chúng”, “120 học viên”) join the sessions of the sentence. Else staff decide.
 */
function trainingMeasure(head: string, tail: string): Measure {
  const session = /^\s*(buổi|lớp)(?!\p{L})/u.exec(tail)?.[1];
  if (session)
    return { dataset: "giao-duc-dao-tao", column: "sessions", cells: { session_unit: session } };
  const reached = /(?:^|\s)cho(?:\s+(?:trên|hơn|gần|khoảng|xấp xỉ|chưa đến|dưới))?\s*$/u;
  if (reached.test(head) || /^\s*(lượt\s+)?(người|học viên)/u.test(tail))
    return { dataset: "giao-duc-dao-tao", column: "participants", cells: {}, joins: "training" };
  return { dataset: undefined, column: "count", cells: {} };
}

/** A count: admissions, ratings, members, organisations, or another dataset by its words. */
function classifyCount(
  sentenceBefore: string,
  before: string,
  after: string,
  ratio: boolean,
): Measure {
  const head = lower(clauseBefore(before));
  const tail = lower(clauseAfter(after));
  // A rating's group may hold a comma (“5/30 chi bộ, đảng bộ cơ sở hoàn thành…”), never a number.
  const ratingTail = lower(after.replace(/^\s*\/\s*\d+/u, "")).split(/[;(\d]|\.(?:\s|$)/u)[0]!;
  const rating = ratingOf(ratingTail);
  if (rating) {
    const group =
      /^\s*([\p{L}\s,]+?)\s+(?:đạt\s+|được xếp loại\s+|xếp loại\s+)?(?:không\s+)?hoàn thành/u.exec(
        ratingTail,
      )?.[1];
    return {
      dataset: "xep-loai",
      column: "count",
      cells: { rating, ...(group ? { group: capital(group.trim()) } : {}) },
    };
  }
  if (
    /công nhận/u.test(head) ||
    (/kết nạp/u.test(head) === false && /^\s*đảng viên dự bị (?:trở )?thành/u.test(tail))
  )
    return { dataset: "ket-nap", column: "count", cells: { measure: "cong-nhan-chinh-thuc" } };
  if (/kết nạp/u.test(head))
    return { dataset: "ket-nap", column: "count", cells: { measure: "ket-nap" } };
  // “Huy hiệu 40 năm tuổi Đảng cho 19 đồng chí”: 40 is the badge's years, 19 its count.
  if (/^\s*năm tuổi đảng/u.test(tail))
    return { dataset: "huy-hieu", column: "years", cells: statedCells("huy-hieu", head, "") };
  if (/năm tuổi đảng\s+cho\s*$/u.test(head))
    return { dataset: "huy-hieu", column: "count", cells: {}, joins: "badge" };
  // “tiếp nhận 7 đơn thư”, “213 buổi”, “40 năm tuổi Đảng”: the words before, then the noun after.
  const other = otherDataset(head) ?? otherDataset(tail);
  if (other === "giao-duc-dao-tao") return trainingMeasure(head, tail);
  if (other) return { dataset: other, column: "count", cells: statedCells(other, head, tail) };
  if (ratio) return { dataset: "cong-tac-to-chuc", column: "count", cells: {} };
  const member = /^\s*(?:đảng viên|dảng viên)(?:\s+(chính thức|dự bị))?/u.exec(tail);
  if (member || (/đảng viên\s+(?:là\s+)?$/u.test(head) && /^\s*đồng chí/u.test(tail))) {
    const status =
      member?.[1] === "chính thức" ? "chinh-thuc" : member?.[1] === "dự bị" ? "du-bi" : "tong-so";
    return { dataset: "dang-vien", column: "count", cells: { status } };
  }
  const organisation = organisationMeasure(tail);
  if (organisation) return organisation;
  // Last, the words of the sentence so far (“khen thưởng 32 tập thể, 34 cá nhân”).
  const last = otherDataset(lower(sentenceBefore));
  if (last === "giao-duc-dao-tao") return trainingMeasure(head, tail);
  return { dataset: last, column: "count", cells: last ? statedCells(last, head, tail) : {} };
}

/**
 * What the number at [start, end) of `sentence` measures. `start` and `end` index the sentence.
 * The second number of “8/40” is the rated total of a rating (or the total of “213/213”).
 */
export function classify(sentence: string, start: number, end: number): Measure {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  if (/^\s*%/u.test(after)) return classifyPercent(sentence, before, after);
  if (/\d\s*\/\s*$/u.test(before)) {
    const head = before.replace(/\d+\s*\/\s*$/u, "");
    const first = classifyCount(head, head.slice(-60), after, true);
    return first.dataset === "xep-loai"
      ? { dataset: "xep-loai", column: "rated", cells: {}, joins: "ratio" }
      : { dataset: first.dataset, column: "total", cells: {}, joins: "ratio" };
  }
  return classifyCount(before, before.slice(-60), after.slice(0, 80), /^\s*\/\s*\d/u.test(after));
}
