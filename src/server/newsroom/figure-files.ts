// The dataset files a publication writes for an article's confirmed figures: data/<id>.csv in
// data:format's canonical form with the rows added, each row's source the article itself.
import { checkFigureRows, type FigureCheckOptions } from "../../lib/newsroom/figure-check.ts";
import { figureTexts } from "../../lib/newsroom/figure-merge.ts";
import type { FigureRow } from "../../lib/newsroom/figure-rows.ts";
import { dataDir } from "../../lib/data/paths.ts";
import type { PublicationFile } from "./publication.ts";

/**
 * The new text of each CSV that gains a row. Rows the files already hold are not added twice.
 * Throws, in Vietnamese, when a row fails data:check (checkFigureRows shows why beside each row).
 */
export function figureFiles(
  confirmed: readonly FigureRow[],
  options: FigureCheckOptions,
): PublicationFile[] {
  const failed = checkFigureRows(confirmed, options).filter((check) => !check.ok);
  if (failed.length > 0) {
    const list = failed.map((check) => `số liệu ${check.n + 1}: ${check.message}`).join("\n");
    throw new Error(`Chưa đăng được số liệu của bài: sửa hoặc bỏ qua các dòng sau.\n${list}`);
  }
  return figureTexts(confirmed, options.dataDir ?? dataDir());
}
