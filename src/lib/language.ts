// Whether a text is written in Vietnamese, for text shown only when readers or staff can read it.

/** Letters only Vietnamese uses (English and code have none). */
const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/** Any letter only Vietnamese uses: our own messages, which may quote code ("data/dang-vien.csv"). */
export const hasVietnameseLetters = (text: string): boolean => VIETNAMESE_LETTER.test(text);

const WORD = /\p{L}{2,}/gu;
const MARKED = /[^\p{ASCII}]/u;

/**
 * Prose written in Vietnamese. A few accented names ("Lạng Sơn") inside an English sentence do not
 * make it Vietnamese: most Vietnamese words carry a mark, so at least a third of the words must.
 */
export function isVietnamese(text: string): boolean {
  const words = text.match(WORD) ?? [];
  const marked = words.filter((w) => MARKED.test(w)).length;
  return words.length > 0 && marked * 3 >= words.length;
}
