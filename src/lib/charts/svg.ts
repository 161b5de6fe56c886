// Tiny SVG string builders: every text and attribute value passes through escapeHtml.
import { escapeHtml } from "../html.ts";

/** Coordinates rounded to 2 decimals keep the markup small and snapshots stable. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export type Attrs = Record<string, string | number | undefined | false>;

/** ` a="1" b="x"`; undefined and false values are left out, numbers rounded. */
export function attrs(values: Attrs): string {
  let out = "";
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === false) continue;
    const text = typeof value === "number" ? String(round(value)) : escapeHtml(value);
    out += ` ${name}="${text}"`;
  }
  return out;
}

/** An element; `children` is already-built markup (use escapeHtml for text). */
export function el(tag: string, values: Attrs, children?: string): string {
  return children === undefined
    ? `<${tag}${attrs(values)}/>`
    : `<${tag}${attrs(values)}>${children}</${tag}>`;
}
