// Vietnamese query and index text: Pagefind folds tones (combining marks) but treats đ as a letter of its own.

/** A combining stroke: "d" + STROKE folds to "d" like a toned vowel folds to its base. */
const STROKE = "\u0335";

/** Index text with đ/Đ written as d/D plus a combining stroke, so "dang" finds "Đảng". */
export function markStroke(text: string): string {
  return text.replace(/đ/g, `d${STROKE}`).replace(/Đ/g, `D${STROKE}`);
}

/** The reverse of markStroke, for text that comes back out of the index. */
export function unmarkStroke(text: string): string {
  return text.replace(/d\u0335/g, "đ").replace(/D\u0335/g, "Đ");
}

/** Only the text between tags of an HTML page gets markStroke (attributes and tags stay as built). */
export function markStrokeInHtml(html: string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${markStroke(text)}<`);
}

/** Longest query kept, in characters: a search box, not a document. */
export const MAX_QUERY_LENGTH = 200;

/** Most words searched; further words are ignored. */
export const MAX_QUERY_WORDS = 12;

/**
 * The distinct words of a query, lower-cased, as the index holds them:
 * "Kết  nạp, Đảng" -> ["kết", "nạp", "d̵ảng"]; "2.053" stays one word.
 */
export function queryWords(query: string): string[] {
  const words = query
    .slice(0, MAX_QUERY_LENGTH)
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .match(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+/gu);
  return [...new Set((words ?? []).map(markStroke))].slice(0, MAX_QUERY_WORDS);
}
