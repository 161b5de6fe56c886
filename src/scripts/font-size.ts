// "Xem với cỡ chữ: A- A A+": sets <html data-font-size> (-1…2) and remembers it in localStorage.
// The inline script in BaseLayout applies the stored value before first paint; this enhances the buttons.

import { FONT_SIZE_KEY, MAX_LEVEL, MIN_LEVEL, nextLevel, parseLevel } from "./font-size-level.ts";

const PERCENT: Record<string, string> = { "-1": "87,5%", "0": "100%", "1": "125%", "2": "150%" };

function currentLevel(): number {
  return parseLevel(document.documentElement.dataset.fontSize);
}

function store(level: number): void {
  try {
    localStorage.setItem(FONT_SIZE_KEY, String(level));
  } catch {
    // Private mode or storage off: the size still applies to this page.
  }
}

class FontSizeControl extends HTMLElement {
  connectedCallback(): void {
    this.addEventListener("click", (event) => {
      const button = (event.target as Element).closest("button");
      if (!button || button.getAttribute("aria-disabled") === "true") return;
      const level = nextLevel(currentLevel(), button.dataset.action);
      document.documentElement.dataset.fontSize = String(level);
      store(level);
      this.render(true);
    });
    // Another tab changed the size: follow it.
    window.addEventListener("storage", (event) => {
      if (event.key !== FONT_SIZE_KEY) return;
      document.documentElement.dataset.fontSize = String(parseLevel(event.newValue));
      this.render(false);
    });
    this.render(false);
  }

  render(announce: boolean): void {
    const level = currentLevel();
    for (const button of this.querySelectorAll("button")) {
      const action = button.dataset.action;
      // A- and A+ are actions: their highlight is visual only; "A" is a real toggle.
      const active =
        action === "decrease" ? level < 0 : action === "increase" ? level > 0 : level === 0;
      button.toggleAttribute("data-active", active);
      if (action === "reset") button.setAttribute("aria-pressed", String(active));
      const limit =
        (action === "decrease" && level <= MIN_LEVEL) ||
        (action === "increase" && level >= MAX_LEVEL);
      button.setAttribute("aria-disabled", String(limit));
    }
    const status = this.querySelector("[data-status]");
    if (status && announce) status.textContent = `Cỡ chữ ${PERCENT[String(level)]}`;
  }
}

if (!customElements.get("font-size-control")) {
  customElements.define("font-size-control", FontSizeControl);
}
