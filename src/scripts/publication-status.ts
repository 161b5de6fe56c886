// Enhances a publication's page (/quan-tri/xuat-ban/viec/<id>/): asks its JSON state every two
// seconds and updates the page in place (an aria-live region) until it is published or failed.
// Self-contained: the server strips its types and serves it as a module (no bundler for staff pages).

type StateAnswer = {
  state: "waiting" | "building" | "published" | "failed";
  label: string;
  message?: string;
  /** Once published: the diff page, and where it shows on the site. */
  links?: { diff?: string; page?: string };
};

const EVERY_MS = 2000;

function showState(root: HTMLElement, s: StateAnswer): void {
  root.dataset.state = s.state;
  root.querySelector<HTMLElement>("[data-publication-label]")!.textContent = s.label;
  const message = root.querySelector<HTMLElement>("[data-publication-message]");
  if (message) {
    message.hidden = !s.message;
    message.textContent = s.message ?? "";
  }
  for (const el of root.querySelectorAll<HTMLElement>("[data-when]")) {
    el.hidden = el.dataset.when !== s.state;
  }
  for (const a of root.querySelectorAll<HTMLAnchorElement>("a[data-link]")) {
    const href = s.links?.[a.dataset.link as "diff" | "page"];
    a.hidden = !href;
    if (href) a.href = href;
  }
}

async function pollState(root: HTMLElement, url: string): Promise<void> {
  try {
    const res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
    if (res.ok) {
      const answer = (await res.json()) as StateAnswer;
      showState(root, answer);
      if (answer.state === "published" || answer.state === "failed") return;
    }
  } catch {
    // A dropped connection: try again at the next tick; a plain refresh still works.
  }
  setTimeout(() => void pollState(root, url), EVERY_MS);
}

const root = document.querySelector<HTMLElement>("[data-publication]");
const url = root?.dataset.publication;
const unfinished = root && (root.dataset.state === "waiting" || root.dataset.state === "building");
if (root && url && unfinished) setTimeout(() => void pollState(root, url), EVERY_MS);

export {};
