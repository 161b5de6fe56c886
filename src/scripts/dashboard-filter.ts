// Dashboard filters in place: a click on a province or year link fetches that static filter page
// and swaps its charts in, with no reload; the URL and the back button follow. Without JavaScript
// the links are plain links to the same static pages.
import { showPngButtons } from "./chart-png.ts";

/** The path whose charts are on screen: back and forward between anchors of one page do nothing. */
let shown = location.pathname;

/** Puts the main content of the filter page at `url` in place of this one's. */
async function show(url: string): Promise<boolean> {
  const response = await fetch(url, { headers: { Accept: "text/html" } });
  if (!response.ok) return false;
  const next = new DOMParser().parseFromString(await response.text(), "text/html");
  const here = document.getElementById("main");
  const there = next.getElementById("main");
  if (!here || !there || !there.querySelector("#dashboard-filters")) return false;
  here.replaceChildren(...[...there.childNodes].map((n) => document.adoptNode(n)));
  document.title = next.title;
  shown = new URL(url, location.href).pathname;
  showPngButtons(here);
  return true;
}

async function go(url: string, push: boolean): Promise<void> {
  const main = document.getElementById("main");
  main?.setAttribute("aria-busy", "true");
  try {
    if (!(await show(url))) {
      location.assign(url);
      return;
    }
    if (push) history.pushState({ dashboard: true }, "", url);
    main?.removeAttribute("aria-busy");
    // Screen readers start at the new content; the view stays where the reader was.
    main?.focus({ preventScroll: true });
  } catch {
    // Offline or a network error: the static page is still there.
    location.assign(url);
  }
}

document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link =
    event.target instanceof Element
      ? event.target.closest<HTMLAnchorElement>("#dashboard-filters a[href]")
      : null;
  if (!link || link.origin !== location.origin) return;
  event.preventDefault();
  if (link.pathname !== shown) void go(link.href, true);
});

window.addEventListener("popstate", () => {
  if (location.pathname !== shown && location.pathname.startsWith("/thong-ke/")) {
    void go(location.href, false);
  }
});
