// <search-page>: results as the reader types (debounced), the URL following the form, filters
// and "more results" without reloading; everything it shows comes from src/lib/search/view.ts.
import { oneAtATime, runSearch, type PagefindApi } from "../lib/search/engine.ts";
import {
  parseSearchRequest,
  RESULTS_PER_STEP,
  searchQueryString,
  type SearchRequest,
} from "../lib/search/request.ts";
import { mergeShards, type PagefindModule } from "../lib/search/shards.ts";
import { renderResults, SEARCH_PATH } from "../lib/search/view.ts";

/** Milliseconds after the last keystroke before searching. */
const TYPING_PAUSE_MS = 250;

class SearchPage extends HTMLElement {
  #pagefind: Promise<PagefindApi> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Only the latest search may write its results. */
  #latest = 0;

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>(".search-form")!;
    const request = parseSearchRequest(new URLSearchParams(location.search));
    this.#fill(form, request);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#search(this.#read(form), "push");
    });
    form.addEventListener("input", (event) => {
      clearTimeout(this.#timer);
      const wait = (event.target as HTMLElement).tagName === "SELECT" ? 0 : TYPING_PAUSE_MS;
      this.#timer = setTimeout(() => this.#search(this.#read(form), "replace"), wait);
    });
    this.addEventListener("click", (event) => {
      const more = (event.target as Element).closest<HTMLAnchorElement>("a.search-more");
      if (!more) return;
      event.preventDefault();
      this.#search(parseSearchRequest(new URL(more.href).searchParams), "replace", true);
    });
    addEventListener("popstate", () => {
      const back = parseSearchRequest(new URLSearchParams(location.search));
      this.#fill(form, back);
      this.#search(back, "none");
    });
    if (request.q) this.#search(request, "none");
  }

  #read(form: HTMLFormElement): SearchRequest {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const [key, value] of data) if (typeof value === "string") params.set(key, value);
    return parseSearchRequest(params);
  }

  #fill(form: HTMLFormElement, request: SearchRequest): void {
    for (const key of ["q", "tinh", "chu-de", "nam"] as const) {
      const field = form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
      if (field) field.value = request[key];
    }
  }

  #load(): Promise<PagefindApi> {
    const script = new URL(this.dataset.index!, location.href);
    this.#pagefind ??= import(/* @vite-ignore */ script.href).then(
      async (module: PagefindApi & PagefindModule) => {
        // On the main thread, as on the server: the same code path gives the same results.
        await module.options({ noWorker: true });
        await module.init();
        await mergeShards(module, new URL(".", script).href);
        return oneAtATime(module);
      },
    );
    return this.#pagefind;
  }

  async #search(
    request: SearchRequest,
    history: "push" | "replace" | "none",
    keepPlace = false,
  ): Promise<void> {
    const id = ++this.#latest;
    const live = this.querySelector(".search-live")!;
    const url = `${SEARCH_PATH}${searchQueryString(request)}`;
    if (history === "push") window.history.pushState(null, "", url);
    if (history === "replace") window.history.replaceState(null, "", url);
    if (!request.q) {
      live.innerHTML = renderResults({ request, total: 0, hits: [] });
      return;
    }
    let html: string;
    try {
      const outcome = await runSearch(await this.#load(), request);
      html = renderResults(outcome);
    } catch {
      html = `<p class="search-status" role="status">Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.</p>`;
    }
    if (id !== this.#latest) return;
    // Markup from view.ts: every text in it is escaped there.
    live.innerHTML = html;
    if (keepPlace) {
      const first = live.querySelector<HTMLElement>(
        `#kq-${(request.trang - 1) * RESULTS_PER_STEP + 1} a`,
      );
      first?.focus();
    }
  }
}

customElements.define("search-page", SearchPage);
