// Chart tooltips on hover, tap and keyboard focus, with the hovered series highlighted.
// Marks are built at build time (`.chart-mark[data-tip]`); this only enhances them.

const TOOLTIP_ID = "chart-tooltip";
let tooltip: HTMLDivElement | undefined;
let current: Element | undefined;
let hideTimer: number | undefined;

function tooltipElement(): HTMLDivElement {
  if (!tooltip) {
    tooltip = document.createElement("div");
    tooltip.id = TOOLTIP_ID;
    tooltip.className = "chart-tooltip";
    tooltip.setAttribute("role", "tooltip");
    tooltip.hidden = true;
    document.body.append(tooltip);
  }
  return tooltip;
}

function highlight(mark: Element | undefined): void {
  for (const dimmed of document.querySelectorAll(".chart-mark.is-dim")) {
    dimmed.classList.remove("is-dim");
  }
  const svg = mark?.closest("svg");
  if (!mark || !svg) return;
  const series = mark.getAttribute("data-series");
  for (const other of svg.querySelectorAll(".chart-mark")) {
    if (other.getAttribute("data-series") !== series) other.classList.add("is-dim");
  }
}

function show(mark: Element): void {
  window.clearTimeout(hideTimer);
  if (current === mark) return;
  hide();
  const tip = tooltipElement();
  tip.textContent = mark.getAttribute("data-tip");
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  const width = tip.offsetWidth;
  const left = Math.min(
    Math.max(8, box.left + box.width / 2 - width / 2),
    document.documentElement.clientWidth - width - 8,
  );
  // Below the mark: each bar's label sits above it, and a tap must not hide what was tapped.
  // Above only when the viewport has no room below.
  const below = box.bottom + 8;
  const fitsBelow = below + tip.offsetHeight <= document.documentElement.clientHeight;
  const top = fitsBelow || box.top < tip.offsetHeight + 16 ? below : box.top - tip.offsetHeight - 8;
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${top + window.scrollY}px`;
  mark.setAttribute("aria-describedby", TOOLTIP_ID);
  current = mark;
  highlight(mark);
}

function hide(): void {
  if (!current) return;
  current.removeAttribute("aria-describedby");
  current = undefined;
  tooltipElement().hidden = true;
  highlight(undefined);
}

function markOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest(".chart-mark[data-tip]") : null;
}

const onTooltip = (target: EventTarget | null) =>
  target instanceof Node && !!tooltip?.contains(target);

document.addEventListener("pointerover", (event) => {
  const mark = markOf(event.target);
  if (mark) show(mark);
  else if (onTooltip(event.target)) window.clearTimeout(hideTimer);
});
// The pointer may cross the gap onto the tooltip without losing it (WCAG 1.4.13, hoverable).
document.addEventListener("pointerout", (event) => {
  if (event.pointerType !== "mouse") return;
  const leaving = markOf(event.target) || onTooltip(event.target);
  const entering = markOf(event.relatedTarget) || onTooltip(event.relatedTarget);
  if (leaving && !entering) {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 300);
  }
});
// A tap shows the tooltip; tapping elsewhere closes it.
document.addEventListener("click", (event) => {
  const mark = markOf(event.target);
  if (mark) show(mark);
  else if (!onTooltip(event.target)) hide();
});
document.addEventListener("focusin", (event) => {
  const mark = markOf(event.target);
  if (mark) show(mark);
});
document.addEventListener("focusout", (event) => {
  if (markOf(event.target)) hide();
});
const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") return hide();
  // Roving tabindex: one Tab stop per chart, arrows (and Home/End) move between its marks.
  const mark = markOf(event.target);
  const svg = mark?.closest("svg");
  if (!mark || !svg) return;
  const marks = [...svg.querySelectorAll<SVGElement>(".chart-mark[data-tip]")];
  const at = marks.indexOf(mark as SVGElement);
  const step = STEPS[event.key];
  const next =
    event.key === "Home" ? 0 : event.key === "End" ? marks.length - 1 : step ? at + step : -1;
  const target = marks[next];
  if (!target || next === at) return;
  event.preventDefault();
  mark.setAttribute("tabindex", "-1");
  target.setAttribute("tabindex", "0");
  target.focus();
});
