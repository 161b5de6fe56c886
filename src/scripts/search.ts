// <search-page>: results as the reader types (debounced), the URL following the form, filters
// and "more results" without reloading; everything it shows comes from src/lib/search/view.ts.
import {
  prefetch,
  runSearch,
  SearchIndex,
  type FilterCounts,
  type SearchOutcome,
} from "../lib/search/engine.ts";
import {
  type FilterKey,
  parseSearchRequest,
  RESULTS_PER_STEP,
  searchQueryString,
  type SearchRequest,
} from "../lib/search/request.ts";
import { optionLabel, renderResults, SEARCH_PATH } from "../lib/search/view.ts";

/** Milliseconds after the last keystroke before searching. */
const TYPING_PAUSE_MS = 250;

class SearchPage extends HTMLElement {
  #index: SearchIndex | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Only the latest search may write its results. */
  #latest = 0;
  /** The search of the request last typed, run ahead of Enter: by the request, as JSON. */
  #ahead: { key: string; outcome: Promise<SearchOutcome> } | undefined;

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>(".search-form")!;
    const request = parseSearchRequest(new URLSearchParams(location.search));
    this.#fill(form, request);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      // A search still waiting for the typing pause would start over and discard this one.
      clearTimeout(this.#timer);
      this.#search(this.#read(form), "push");
    });
    // The manifest and every page's filter values (20 KB at 10,000 pages) load while the reader
    // is still typing, not after Enter.
    const warm = () =>
      void this.#load()
        .pageValues()
        .catch(() => undefined);
    form.addEventListener("focusin", warm, { once: true });
    form.addEventListener("input", (event) => {
      warm();
      clearTimeout(this.#timer);
      const field = event.target as HTMLInputElement | HTMLSelectElement;
      if (field.name === "q") this.#searchAhead(form);
      const wait = field.tagName === "SELECT" ? 0 : TYPING_PAUSE_MS;
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
    // The Node server answered this URL with its results already (data-server): searching again
    // would only redo its work. A static host sends the empty page: search here.
    const served = this.querySelector(".search-live[data-server]");
    if (request.q && !served) this.#search(request, "none");
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

  #load(): SearchIndex {
    const base = new URL(this.dataset.index!, location.href);
    this.#index ??= new SearchIndex({
      async read(path) {
        const response = await fetch(new URL(path, base));
        if (!response.ok) throw new Error(`${response.status} ${path}`);
        return response.json();
      },
    });
    return this.#index;
  }

  /**
   * Loads the word files of what is typed now and, once they are in, runs its search (ranking,
   * result files, excerpts) if the reader has not typed on: Enter, or the typing pause, then
   * finds the outcome ready or under way. Nothing is shown until then.
   */
  #searchAhead(form: HTMLFormElement): void {
    const request = this.#read(form);
    if (!request.q) return;
    const key = JSON.stringify(request);
    void prefetch(this.#load(), request.q).then(() => {
      if (JSON.stringify(this.#read(form)) === key) this.#outcome(request).catch(() => undefined);
    });
  }

  /** The outcome of a request: the one run ahead when it is the same request, else a new one. */
  #outcome(request: SearchRequest): Promise<SearchOutcome> {
    const key = JSON.stringify(request);
    if (this.#ahead?.key !== key) {
      const outcome = runSearch(this.#load(), request);
      this.#ahead = { key, outcome };
      // A failed search is not kept: the next one reads the index again.
      outcome.catch(() => {
        if (this.#ahead?.outcome === outcome) this.#ahead = undefined;
      });
    }
    return this.#ahead.outcome;
  }

  /** Each filter value with how many results it would leave (plain again without a query). */
  #count(form: HTMLFormElement, counts: FilterCounts | undefined): void {
    for (const select of form.querySelectorAll("select")) {
      const key = select.name;
      const values = counts && Object.hasOwn(counts, key) ? counts[key as FilterKey] : undefined;
      for (const option of select.options) {
        if (option.value) option.textContent = optionLabel(option.value, values);
      }
    }
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
    const form = this.querySelector<HTMLFormElement>(".search-form")!;
    if (!request.q) {
      live.innerHTML = renderResults({ request, total: 0, hits: [] });
      this.#count(form, undefined);
      return;
    }
    let html: string;
    let counts: FilterCounts | undefined;
    try {
      const outcome = await this.#outcome(request).catch(() => {
        // A new build replaced the index since it was first read: start again from its manifest.
        this.#index = undefined;
        return runSearch(this.#load(), request);
      });
      html = renderResults(outcome);
      counts = outcome.counts;
    } catch {
      html = `<p class="search-status" role="status">Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.</p>`;
    }
    if (id !== this.#latest) return;
    this.#count(form, counts);
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
