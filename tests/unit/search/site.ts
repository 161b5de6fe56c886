// A small built site written by a test: article and dataset pages marked as the real layouts mark
// them (data-search-body, data-search-meta, data-search-filter), for the indexer to read.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export type Page = {
  title: string;
  body: string;
  published?: string;
  tinh?: string;
  kind?: string;
  /** A dataset's table rows, each a list of cells. */
  rows?: string[][];
};

export function html({ title, body, published, tinh, kind = "bai-viet", rows }: Page): string {
  const table = rows
    ? `<section data-search-rows><table><thead><tr><th>Đơn vị</th><th>Số</th></tr></thead><tbody>` +
      rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("") +
      `</tbody></table></section>`
    : "";
  return (
    `<!doctype html><html lang="vi"><body><main><article data-search-body><h1>${title}</h1>` +
    `<p>${body}</p></article>${table}<div hidden><span data-search-meta="kind">${kind}</span>` +
    `<span data-search-meta="date">${published ? `Ngày ${published}` : "Không ghi ngày đăng"}</span>` +
    (published ? `<span data-search-meta="published">${published}</span>` : "") +
    (published ? `<span data-search-filter="nam">${published.slice(0, 4)}</span>` : "") +
    (tinh ? `<span data-search-filter="tinh">${tinh}</span>` : "") +
    `</div></main></body></html>`
  );
}

/** Writes each page (or raw HTML) at <dir>/<url>/index.html. */
export function writeSite(dir: string, pages: Record<string, Page | string>): void {
  for (const [url, page] of Object.entries(pages)) {
    const file = join(dir, url, "index.html");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof page === "string" ? page : html(page));
  }
}
