// Where a publication may write: content/news/<slug>.mdx (slug rule of article:new) and
// data/<id>.csv for a known dataset; nothing else, refused in Vietnamese.
import { isDatasetId } from "../../lib/data/datasets.ts";
import { SLUG_PATTERN } from "../../lib/slug.ts";
import type { PublicationFile } from "./publication.ts";

const ARTICLE = /^content\/news\/([^/]+)\.mdx$/;
const DATASET = /^data\/([^/]+)\.csv$/;
/** More than this many files is no one editor's publication. */
const MAX_FILES = 20;
/** 5 MB: the upload limit, with room for an article's text. */
const MAX_TEXT_CHARS = 6 * 1024 * 1024;

/** Why `path` may not be written, or undefined when it may. */
export function pathProblem(path: string): string | undefined {
  const article = ARTICLE.exec(path);
  if (article && SLUG_PATTERN.test(article[1]!)) return undefined;
  const dataset = DATASET.exec(path);
  if (dataset && isDatasetId(dataset[1]!)) return undefined;
  const shown = path.slice(0, 120);
  return `Không được ghi «${shown}»: chỉ ghi bài ở content/news/<tên-bài>.mdx (chữ thường không dấu, số, dấu gạch nối) và số liệu ở data/<mã bộ dữ liệu>.csv của một bộ đã có; không có gì thay đổi.`;
}

/** Why these files cannot make a publication, or undefined when they can. */
export function filesProblem(files: readonly PublicationFile[]): string | undefined {
  if (files.length === 0) return "Không có tệp nào để đăng; không có gì thay đổi.";
  if (files.length > MAX_FILES) return `Quá nhiều tệp trong một lần đăng (tối đa ${MAX_FILES}).`;
  const seen = new Set<string>();
  for (const file of files) {
    const problem = pathProblem(file.path);
    if (problem) return problem;
    if (seen.has(file.path)) return `Tệp «${file.path}» có hai lần trong một lần đăng.`;
    seen.add(file.path);
    if (file.text !== null && file.text.length > MAX_TEXT_CHARS) {
      return `Tệp «${file.path}» quá lớn để đăng; không có gì thay đổi.`;
    }
  }
  return undefined;
}
