// Counts this page view (fetch keepalive, never awaited by the page) and shows the live figures.
import { formatNumber } from "../lib/format.ts";
import type { VisitFigures } from "../lib/visits/original.ts";

function render(root: HTMLElement, f: VisitFigures): void {
  for (const key of ["online", "today", "total"] as const) {
    const dd = root.querySelector(`[data-counter-value="${key}"]`);
    if (dd) dd.textContent = formatNumber(f[key]);
  }
  root.querySelector("[data-counter-note]")!.textContent = "Số liệu trực tiếp.";
}

function unavailable(root: HTMLElement): void {
  root.querySelector("[data-counter-note]")!.textContent =
    "Hiện không xem được số liệu trực tiếp; đây là số liệu trên trang cũ.";
}

function count(root: HTMLElement): void {
  // JSON body (not sendBeacon's text/plain): same-origin, so no preflight, and the API answers.
  fetch("/api/visits", {
    method: "POST",
    keepalive: true,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ path: location.pathname }),
  })
    .then((res) => (res.ok ? (res.json() as Promise<VisitFigures>) : Promise.reject()))
    .then((f) => render(root, f))
    .catch(() => unavailable(root));
}

const root = document.querySelector<HTMLElement>("[data-counter]");
if (root) {
  // A prerendered page counts only once the reader actually opens it.
  if ((document as Document & { prerendering?: boolean }).prerendering) {
    document.addEventListener("prerenderingchange", () => count(root), { once: true });
  } else count(root);
}
