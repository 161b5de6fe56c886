// The dashboard's filter form in place: changing the province, level or year fetches the static
// page of that choice (the same page the form reaches without JavaScript) and swaps its content
// in, with no reload; the URL and the back button follow, and focus stays on the control.
import { showPngButtons } from "./chart-png.ts";
import {
  choiceFromQuery,
  dashboardPath,
  FILTER_PARAMS,
  NO_CHOICE,
  type DashboardChoice,
} from "../lib/dashboard/filters.ts";

const FORM = "dashboard-filters";

/** The path whose charts are on screen: back and forward between anchors of one page do nothing. */
let shown = location.pathname;

/** Puts the main content of the filter page at `url` in place of this one's. */
async function show(url: string): Promise<boolean> {
  const response = await fetch(url, { headers: { Accept: "text/html" } });
  if (!response.ok) return false;
  const next = new DOMParser().parseFromString(await response.text(), "text/html");
  const here = document.getElementById("main");
  const there = next.getElementById("main");
  if (!here || !there || !there.querySelector(`#${FORM}`)) return false;
  const focused = document.activeElement?.id;
  here.replaceChildren(...[...there.childNodes].map((n) => document.adoptNode(n)));
  document.title = next.title;
  shown = new URL(url, location.href).pathname;
  showPngButtons(here);
  if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
  const status = here.querySelector("[data-filter-status]");
  const charts = here.querySelectorAll("figure.chart").length;
  if (status) status.textContent = `${next.title.split(" — ")[0]}: ${charts} biểu đồ.`;
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
  } catch {
    // Offline or a network error: the static page is still there.
    location.assign(url);
  }
}

function choiceOf(form: HTMLFormElement): DashboardChoice {
  const data = new FormData(form);
  const choice = { ...NO_CHOICE };
  for (const p of FILTER_PARAMS) choice[p] = String(data.get(p) ?? "");
  return choice;
}

function apply(form: HTMLFormElement): void {
  const path = dashboardPath(choiceOf(form));
  if (path !== shown) void go(path, true);
}

document.addEventListener("change", (event) => {
  const form = (event.target as Element).closest?.<HTMLFormElement>(`form#${FORM}`);
  if (form) apply(form);
});

document.addEventListener("submit", (event) => {
  const form = event.target as HTMLFormElement;
  if (form.id !== FORM) return;
  event.preventDefault();
  apply(form);
});

window.addEventListener("popstate", () => {
  if (location.pathname !== shown && location.pathname.startsWith("/thong-ke/")) {
    void go(location.href, false);
  }
});

// A shared link with the form's query (a static host has no server to redirect it): its page.
const landed = choiceFromQuery(new URLSearchParams(location.search));
if (landed)
  void go(dashboardPath(landed), false).then(() => {
    history.replaceState({ dashboard: true }, "", dashboardPath(landed));
  });
