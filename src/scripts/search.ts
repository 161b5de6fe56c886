// <search-results>: answers ?q= from the built index; without JavaScript the page says so.
import { search, type SearchEntry } from "../lib/search.ts";
import { formatNumber } from "../lib/format.ts";

class SearchResults extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const query = new URLSearchParams(location.search).get("q")?.trim() ?? "";
    const input = document.querySelector<HTMLInputElement>("#search-q");
    if (input) input.value = query;
    const status = this.querySelector(".search-status")!;
    const list = this.querySelector(".search-results")!;
    if (!query) return;
    status.textContent = "Đang tìm…";
    let entries: SearchEntry[];
    try {
      const response = await fetch(this.dataset.index!);
      if (!response.ok) throw new Error(String(response.status));
      entries = (await response.json()) as SearchEntry[];
    } catch {
      status.textContent = "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.";
      return;
    }
    const found = search(entries, query);
    status.textContent = found.length
      ? `Tìm thấy ${formatNumber(found.length)} bài cho “${query}”.`
      : `Không tìm thấy bài nào cho “${query}”.`;
    list.replaceChildren(...found.map(item));
  }
}

function item(entry: SearchEntry): HTMLLIElement {
  const li = document.createElement("li");
  const link = Object.assign(document.createElement("a"), { href: entry.u, textContent: entry.t });
  const heading = document.createElement("h2");
  heading.className = "search-title";
  heading.append(link);
  const meta = Object.assign(document.createElement("p"), {
    className: "meta",
    textContent: entry.d,
  });
  const summary = Object.assign(document.createElement("p"), { textContent: entry.s });
  li.append(heading, meta, summary);
  return li;
}

customElements.define("search-results", SearchResults);
