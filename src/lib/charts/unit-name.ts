// Short forms of unit names for chart ids and labels.
import { slugify } from "../slug.ts";

/** "Đảng bộ huyện Tuyên Hóa" -> "huyen-tuyen-hoa" (the common "Đảng bộ" prefix dropped). */
export function unitSlug(unit: string): string {
  return slugify(unit).replace(/^dang-bo-/, "");
}
