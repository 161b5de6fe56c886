// The period of a figure as its sentence gives it, never borrowed from another sentence: a year
// (“năm 2022”), the end of a year, a date, or — for “hiện có”, “hiện nay”, “đến nay” and sentences
// with no time word — “as reported” on the article's publication date (undated article: as_of_undated).

export type PeriodGuess = {
  period: string;
  periodKind: "year" | "end_of_year" | "as_of_date" | "as_reported" | "as_of_undated";
  /** The sentence's own time words, as printed; undefined when it has none. */
  words?: string;
  /** What staff should know about this choice, in Vietnamese. */
  note?: string;
};

const two = (n: string) => n.padStart(2, "0");

/** The match of `pattern` nearest before `at` (else the first after it). */
function nearest(sentence: string, pattern: RegExp, at: number): RegExpExecArray | undefined {
  const all = [
    ...sentence.matchAll(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`)),
  ];
  return (all.filter((m) => m.index <= at).at(-1) ?? all[0]) as RegExpExecArray | undefined;
}

/** The period of the number at `at` in `sentence`; `published` is the article's date (yyyy-mm-dd…). */
export function periodOf(sentence: string, at: number, published: string | undefined): PeriodGuess {
  const date = nearest(
    sentence,
    /(?:tính\s+)?đến\s+(?:hết\s+)?ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/iu,
    at,
  );
  if (date) {
    const [words, d, m, y] = date;
    return { period: `${y}-${two(m!)}-${two(d!)}`, periodKind: "as_of_date", words };
  }
  const endOfYear = nearest(sentence, /(?:tính\s+)?đến\s+(?:hết|cuối)\s+năm\s+(\d{4})/iu, at);
  if (endOfYear) return { period: endOfYear[1]!, periodKind: "end_of_year", words: endOfYear[0] };
  const year = nearest(
    sentence,
    /(?<!nhiệm kỳ\s)(?:trong\s+|cả\s+)?năm\s+(\d{4})(?!\s*[-–]\s*\d{4})/iu,
    at,
  );
  if (year) return { period: year[1]!, periodKind: "year", words: year[0] };
  const day = published?.slice(0, 10);
  const now = /hiện có|hiện nay|hiện tại|hiện đang|đến nay|tới nay|đến thời điểm này/iu.exec(
    sentence,
  )?.[0];
  const relative = /năm qua|năm nay|trong năm|năm trước|năm rồi/iu.exec(sentence)?.[0];
  const said = now ?? relative;
  const note =
    relative && !now
      ? `câu nói “${relative}” mà không ghi năm: không tự điền năm, ghi theo bài đăng`
      : said
        ? undefined
        : "câu không có từ chỉ thời gian (không lấy năm của câu khác)";
  if (day)
    return {
      period: day,
      periodKind: "as_reported",
      ...(said ? { words: said } : {}),
      ...(note ? { note } : {}),
    };
  return {
    period: "",
    periodKind: "as_of_undated",
    ...(said ? { words: said } : {}),
    ...(note ? { note } : {}),
  };
}
