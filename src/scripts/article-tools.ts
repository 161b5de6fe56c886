// "Trở về trang trước", "In bài", "Lưu bài" on the article page (progressive enhancement).
export {}; // a module, not a global script

/** Styles for the saved copy: the page's own rules, minus web fonts (they would not load from a file). */
function pageCss(): string {
  const parts: string[] = [];
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) {
        if (!(rule instanceof CSSFontFaceRule)) parts.push(rule.cssText);
      }
    } catch {
      // A sheet we may not read: the copy is still readable without it.
    }
  }
  return parts.join("\n");
}

/** A standalone HTML file of the article, with absolute links and its address. */
function articleFile(article: HTMLElement): string {
  const copy = article.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll("[data-no-save], script, button")) el.remove();
  // Absolute links, so the saved file still points at the site.
  for (const a of copy.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    a.setAttribute("href", a.href);
  }
  const escape = (s: string) =>
    s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  const url = escape(location.href);
  return `<!doctype html>
<html lang="vi" data-font-size="${escape(document.documentElement.dataset.fontSize ?? "0")}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.title)}</title><link rel="canonical" href="${url}">
<style>${pageCss().replace(/<\/style/gi, "<\\/style")}</style></head>
<body><div class="container page">${copy.outerHTML}
<p class="meta">Lưu từ <a href="${url}">${url}</a></p></div></body></html>`;
}

function download(name: string, text: string): void {
  const blob = new Blob([text], { type: "text/html;charset=utf-8" });
  const href = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** True when the reader came from another page of this site, so "back" returns there. */
function cameFromThisSite(): boolean {
  try {
    return document.referrer !== "" && new URL(document.referrer).origin === location.origin;
  } catch {
    return false;
  }
}

class ArticleTools extends HTMLElement {
  connectedCallback(): void {
    const article = this.closest("article") ?? document.querySelector("article");
    for (const button of this.querySelectorAll<HTMLButtonElement>("button[data-tool]")) {
      button.addEventListener("click", () => {
        if (button.dataset.tool === "print") window.print();
        if (button.dataset.tool === "save" && article) {
          download(`${this.dataset.slug ?? "bai-viet"}.html`, articleFile(article));
        }
      });
    }
    const back = this.querySelector<HTMLAnchorElement>("a[data-back]");
    back?.addEventListener("click", (event) => {
      if (cameFromThisSite() && history.length > 1) {
        event.preventDefault();
        history.back();
      }
    });
  }
}

if (!customElements.get("article-tools")) customElements.define("article-tools", ArticleTools);
