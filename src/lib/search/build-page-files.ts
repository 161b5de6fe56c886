// The page files of the index: each holds PAGES_PER_FILE pages' records (result and excerpt text)
// in number order. A file whose pages all come unchanged from the same places of one previous file
// is that file, linked; any other is written, a carried page's record taken from the previous file
// that holds it (a new article, numbered last, rewrites only the last file).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { IndexedPage } from "./build-pages.ts";
import {
  isPageFile,
  pageFileOf,
  pagePath,
  PAGES_PER_FILE,
  type PageRecord,
} from "./index-files.ts";
import { PreviousUnusable, type PreviousIndex } from "./previous-index.ts";

function recordOf(page: IndexedPage): PageRecord {
  const { title, text, rows, meta } = page.read!;
  return {
    url: page.url,
    title,
    kind: page.kind,
    ...(page.kind === "bai-viet" && meta.date ? { date: meta.date } : {}),
    text,
    ...(rows.length ? { rows } : {}),
  };
}

/** The previous index's records by its page numbers, each of its files read once at most. */
function previousRecords(previous: PreviousIndex | undefined): (page: number) => PageRecord {
  const files = new Map<number, PageRecord[]>();
  return (page) => {
    const file = pageFileOf(page);
    let records = files.get(file);
    if (!records) {
      const path = join(previous!.dir, pagePath(file));
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(path, "utf8"));
      } catch (error) {
        throw new PreviousUnusable(`không đọc được tệp trang ${path} (${String(error)})`);
      }
      if (!isPageFile(value)) throw new PreviousUnusable(`tệp trang ${path} của chỉ mục cũ hỏng`);
      files.set(file, (records = value));
    }
    const record = records[page - file * PAGES_PER_FILE];
    if (!record) throw new PreviousUnusable(`tệp trang ${file} của chỉ mục cũ thiếu trang ${page}`);
    return record;
  };
}

/** The previous file these pages are, whole and in place, if they are one. */
function sameFile(members: IndexedPage[], previous: PreviousIndex | undefined): number | undefined {
  const first = members[0]!.previous;
  if (previous === undefined || first === undefined || first % PAGES_PER_FILE !== 0) return;
  const length = Math.min(PAGES_PER_FILE, previous.manifest.pages - first);
  if (length !== members.length || members.some((p, k) => p.previous !== first + k)) return;
  return first / PAGES_PER_FILE;
}

/** Adds every page file to `bodies` (to write) or `links` (a previous file to link). */
export function addPageFiles(
  pages: IndexedPage[],
  previous: PreviousIndex | undefined,
  bodies: Map<string, string>,
  links: Map<string, string>,
): void {
  const carried = previousRecords(previous);
  for (let file = 0; file * PAGES_PER_FILE < pages.length; file++) {
    const members = pages.slice(file * PAGES_PER_FILE, (file + 1) * PAGES_PER_FILE);
    const same = sameFile(members, previous);
    if (same !== undefined) {
      links.set(pagePath(file), join(previous!.dir, pagePath(same)));
      continue;
    }
    const records = members.map((p) => (p.read ? recordOf(p) : carried(p.previous!)));
    bodies.set(pagePath(file), JSON.stringify(records));
  }
}
