// Diacritic-free Vietnamese text for URLs and search: "Tuyên Hóa" -> "tuyen-hoa" / "tuyen hoa".

/** Lower case without diacritics (đ -> d), other characters kept: "Đảng bộ" -> "dang bo". */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** An article's file name and address: lower case without diacritics, digits, single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
