// /du-lieu/thay-doi.xml: an Atom feed of dataset changes, one entry per commit and dataset, from
// the same history as the dataset pages.
import { escapeHtml } from "../html.ts";
import type { ColumnWords, HistoryEvent } from "./history.ts";
import { changeList } from "./view.ts";

export const FEED_ENTRIES = 200;

export type FeedInput = {
  site: URL;
  events: readonly HistoryEvent[];
  titleOf: (dataset: string) => string;
  /** The words of a dataset's columns. */
  columnWords: (dataset: string) => ColumnWords;
};

export function historyFeed({ site, events, titleOf, columnWords }: FeedInput): string {
  const url = (path: string) => escapeHtml(new URL(path, site).href);
  const shown = events.slice(0, FEED_ENTRIES);
  const updated = shown[0]?.date ?? "1970-01-01T00:00:00Z";
  const entries = shown.map((event) => {
    const [entry] = changeList([event], columnWords(event.dataset));
    const page = `/du-lieu/${event.dataset}/`;
    return [
      "<entry>",
      `<id>${url(`${page}#thay-doi-${event.commit.slice(0, 12)}`)}</id>`,
      `<title>${escapeHtml(`${titleOf(event.dataset)}: ${entry!.message ?? entry!.summary}`)}</title>`,
      `<updated>${escapeHtml(new Date(event.date).toISOString())}</updated>`,
      `<link href="${url(page)}"/>`,
      `<content type="text">${escapeHtml(`${entry!.day}: ${entry!.items.join("; ")}`)}</content>`,
      "</entry>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `<id>${url("/du-lieu/thay-doi.xml")}</id>`,
    "<title>Thay đổi dữ liệu — Xây dựng Đảng</title>",
    `<updated>${escapeHtml(new Date(updated).toISOString())}</updated>`,
    `<link rel="self" href="${url("/du-lieu/thay-doi.xml")}"/>`,
    `<link href="${url("/du-lieu/")}"/>`,
    "<author><name>Xây dựng Đảng</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
