// Reader-visible text of built HTML, without a DOM library: enough for "is this text on the page".

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** Decode the entities Astro writes (&quot; &#39; &#x27; &amp; …). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : +name.slice(1);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const INLINE_TAG =
  /<\/?(a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)\b[^>]*>/gi;

/** Text of an HTML fragment: scripts, styles and tags dropped, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<!--[\s\S]*?-->/g, " ")
      // Inline elements join their neighbours ("(<a>102%</a>"); other tags separate words.
      .replace(INLINE_TAG, "")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/** The `<body>` of a page (so titles and descriptions in `<head>` do not count as page text). */
export function bodyOf(html: string): string {
  return /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? "";
}

/** Inner HTML of every `<tag …>…</tag>` element (not nested in itself), in document order. */
export function elementHtml(html: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "gi");
  return [...html.matchAll(pattern)].map((match) => match[1]!);
}

/** Text of every `<tag …>…</tag>` element (not nested in itself), in document order. */
export function elementTexts(html: string, tag: string): string[] {
  return elementHtml(html, tag).map(textOf);
}
