// Vietnamese number reading for CSV cells: accept what is unambiguous for the column type, refuse the rest.

export type NumberProblem =
  "not-a-number" | "ambiguous-number" | "negative-count" | "fractional-count";

export type ParsedNumber =
  | {
      ok: true;
      value: number;
      /** Digits after the decimal mark as written: "16,7" -> 1. */ decimals: number;
    }
  | { ok: false; problem: NumberProblem };

const SPACES = /[\s\u00a0\u202f]+/g;

function clean(raw: string): string {
  return raw.trim().replace(SPACES, " ");
}

/** Whole, non-negative counts: "6001", "6.001", "6 001", "01". "6,001" is refused (comma is a decimal mark in Vietnamese). */
export function parseCount(raw: string): ParsedNumber {
  const text = clean(raw);
  if (/^-\s*\d/.test(text)) return { ok: false, problem: "negative-count" };
  if (/^\d+$/.test(text)) return { ok: true, value: Number(text), decimals: 0 };
  if (/^\d{1,3}(\.\d{3})+$/.test(text) || /^\d{1,3}( \d{3})+$/.test(text)) {
    return { ok: true, value: Number(text.replace(/[. ]/g, "")), decimals: 0 };
  }
  if (/^\d{1,3}(,\d{3})+$/.test(text)) return { ok: false, problem: "ambiguous-number" };
  if (/^\d+[.,]\d+$/.test(text)) return { ok: false, problem: "fractional-count" };
  return { ok: false, problem: "not-a-number" };
}

/**
 * Decimals and percentages: "16,7", "16.7", "83,33%", "1.234,5". A comma is always the decimal mark;
 * a dot followed by exactly three digits ("1.234") could be either and is refused.
 */
export function parseDecimal(raw: string, options: { percent?: boolean } = {}): ParsedNumber {
  let text = clean(raw);
  if (options.percent) text = text.replace(/\s?%$/, "");
  if (/^-\s*\d/.test(text)) return { ok: false, problem: "not-a-number" };
  if (/^\d+$/.test(text)) return { ok: true, value: Number(text), decimals: 0 };
  let match = /^(\d+),(\d+)$/.exec(text);
  if (match)
    return { ok: true, value: Number(`${match[1]}.${match[2]}`), decimals: match[2]!.length };
  if (/^\d{1,3}\.\d{3}$/.test(text)) return { ok: false, problem: "ambiguous-number" };
  match = /^(\d+)\.(\d+)$/.exec(text);
  if (match) return { ok: true, value: Number(text), decimals: match[2]!.length };
  match = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(text);
  if (match) {
    const fraction = match[2] ?? "";
    return {
      ok: true,
      value: Number(`${match[1]!.replace(/\./g, "")}.${fraction || "0"}`),
      decimals: fraction.length,
    };
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return { ok: false, problem: "ambiguous-number" };
  return { ok: false, problem: "not-a-number" };
}

/** Every number a Vietnamese text writes, read the Vietnamese way: "6.001" -> 6001, "16,7%" -> 16.7, "01" -> 1. */
export function numbersInText(text: string): number[] {
  return numberSpans(text).flatMap((span) => span.values);
}

/** Each number token in `text`, where it ends, and the value(s) it may mean (see numbersInText). */
export function numberSpans(text: string): { values: number[]; start: number; end: number }[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)*/g)].map((match) => {
    const token = match[0];
    const values = /^\d{1,3}(\.\d{3})+$/.test(token)
      ? [Number(token.replace(/\./g, ""))]
      : /^\d+,\d+$/.test(token)
        ? [Number(token.replace(",", "."))]
        : /^\d+$/.test(token)
          ? [Number(token)]
          : token.split(/[.,]/).map(Number);
    return { values, start: match.index, end: match.index + token.length };
  });
}

/** Thousands grouped with dots, as Vietnamese print them: 6001 -> "6.001". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * The one way the repository writes a count (see data/README.md): "6001", "6 001" -> "6.001";
 * a leading zero the source printed ("01") is kept; text that is not a valid count is left as is.
 */
export function canonicalCount(raw: string): string {
  const text = clean(raw);
  if (/^0\d+$/.test(text)) return text;
  const parsed = parseCount(text);
  return parsed.ok ? groupThousands(String(parsed.value)) : raw;
}

/**
 * The one way the repository writes a decimal or percentage: decimal comma, no "%", the digits
 * after the comma exactly as written ("16.7" -> "16,7", "83,30%" -> "83,30"); invalid text left as is.
 */
export function canonicalDecimal(raw: string, options: { percent?: boolean } = {}): string {
  const parsed = parseDecimal(raw, options);
  if (!parsed.ok) return raw;
  const [whole, fraction] = parsed.value.toFixed(parsed.decimals).split(".");
  return fraction === undefined ? whole! : `${whole},${fraction}`;
}
