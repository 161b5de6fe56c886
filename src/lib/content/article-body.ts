// An article's MDX body as HTML, with the components it uses (<Chart>, <DataFigure>,
// <PhotoCaption>) left as slots the article page fills: the content loader stores this, so no
// article is compiled into a module of its own and the bundle does not grow with the articles.
// Parsed by the parser Astro's MDX uses (Sätteri, with the features of mdx-features.ts, which
// astro.config.mjs gives MDX too) and written the way Astro's JSX runtime writes a compiled MDX
// body (its own escaping and attribute functions), so the page is the same, byte for byte.
import Slugger from "github-slugger";
import { mdxToHast, type HastNode } from "satteri";
import { addAttribute, escapeHTML } from "astro/runtime/server/index.js";
import {
  codePropMessage,
  esmMessage,
  isComponentImport,
  mdxCharacterMessage,
  mdxSyntaxMessage,
  unknownComponentMessage,
} from "./body-messages.ts";
import { evaluateLiteral, NotALiteral } from "./literal.ts";
import type { BodySegment } from "./body-segments.ts";
import { MDX_COMPONENT_NAMES, type MdxComponentName } from "./mdx-components.ts";
import { MDX_FEATURES } from "./mdx-features.ts";


export type BodyIssue = { line: number; column: number; message: string };

/** A body the build cannot render; `message` names the file, line and column of each issue. */
export class ArticleBodyError extends Error {
  readonly file: string;
  readonly issues: BodyIssue[];
  constructor(file: string, issues: BodyIssue[]) {
    super(issues.map((i) => `${file}:${i.line}:${i.column} ${i.message}`).join("\n"));
    this.name = "ArticleBodyError";
    this.file = file;
    this.issues = issues;
  }
}

type Node = HastNode & {
  type: string;
  value?: unknown;
  tagName?: string;
  name?: string | null;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number; column: number } };
};

const VOID = /^(area|base|br|col|command|embed|hr|img|input|keygen|link|meta|param|source|track|wbr)$/i;
const COMPONENTS = new Set<string>(MDX_COMPONENT_NAMES);

type Context = { issues: BodyIssue[]; slugger: Slugger };

/** A hast property name as the compiled MDX writes it on an HTML element. */
function attributeName(property: string): string {
  if (property === "className") return "class";
  if (property === "htmlFor") return "for";
  if (/^aria[A-Z]/.test(property)) return `aria-${property.slice(4).toLowerCase()}`;
  if (/^data[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

/** "text-align: left" as the compiled MDX passes it (an object), which Astro writes "text-align:left". */
function styleText(style: string): string {
  return style
    .split(";")
    .map((rule) => rule.split(":").map((part) => part.trim()))
    .filter(([name, value]) => name && value)
    .map(([name, value]) => `${name}:${value}`)
    .join(";");
}

function attributes(properties: Record<string, unknown> | undefined): string {
  let out = "";
  for (const [key, value] of Object.entries(properties ?? {})) {
    const written = Array.isArray(value)
      ? value.join(" ")
      : key === "style" && typeof value === "string"
        ? styleText(value)
        : value;
    out += String(addAttribute(written, attributeName(key)));
  }
  return out;
}

function textOf(node: Node): string {
  if (node.type === "text") return String(node.value);
  return (node.children ?? []).map(textOf).join("");
}

function issue(ctx: Context, node: Node, message: string): void {
  const start = node.position?.start ?? { line: 1, column: 1 };
  ctx.issues.push({ line: start.line, column: start.column, message });
}

/** The props of a JSX tag: strings as written, `{…}` only when it is a literal. */
function jsxProps(ctx: Context, node: Node): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== "mdxJsxAttribute" || !attribute.name) {
      issue(ctx, node, codePropMessage(node.name ?? "", "{…}"));
      continue;
    }
    const value = attribute.value as { type?: string; value?: string } | string | null | undefined;
    let prop: unknown = value ?? true;
    if (value && typeof value === "object") {
      try {
        prop = evaluateLiteral(String(value.value));
      } catch (error) {
        if (!(error instanceof NotALiteral)) throw error;
        issue(ctx, node, codePropMessage(node.name ?? "", attribute.name));
      }
    }
    Object.defineProperty(props, attribute.name, { value: prop, enumerable: true, writable: true, configurable: true });
  }
  return props;
}

/** Appends a node's segments to `out`, strings merged. */
function walk(ctx: Context, node: Node, out: BodySegment[]): void {
  const push = (html: string) => {
    if (typeof out[out.length - 1] === "string") out[out.length - 1] += html;
    else out.push(html);
  };
  switch (node.type) {
    case "text":
      return push(escapeHTML(String(node.value)));
    case "element": {
      const tag = node.tagName!;
      const properties = /^h[1-6]$/.test(tag) && typeof node.properties?.id !== "string"
        ? { ...node.properties, id: ctx.slugger.slug(textOf(node)) }
        : node.properties;
      const children = node.children ?? [];
      if (children.length === 0 && VOID.test(tag)) return push(`<${tag}${attributes(properties)}/>`);
      push(`<${tag}${attributes(properties)}>`);
      for (const child of children) walk(ctx, child, out);
      return push(`</${tag}>`);
    }
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      return jsxElement(ctx, node, out, push);
    case "mdxFlowExpression":
    case "mdxTextExpression":
      return issue(ctx, node, mdxCharacterMessage("{"));
    case "mdxjsEsm":
      for (const line of String(node.value).split("\n")) {
        if (line.trim() !== "" && !isComponentImport(line)) issue(ctx, node, esmMessage(line));
      }
      return;
    default:
      for (const child of node.children ?? []) walk(ctx, child, out);
  }
}

function jsxElement(ctx: Context, node: Node, out: BodySegment[], push: (html: string) => void): void {
  const name = node.name ?? "";
  const props = jsxProps(ctx, node);
  const children: BodySegment[] = [];
  for (const child of node.children ?? []) walk(ctx, child, children);
  if (COMPONENTS.has(name)) {
    out.push({ component: name as MdxComponentName, props, children });
    return;
  }
  if (!/^[a-z][a-z0-9]*$/.test(name)) return issue(ctx, node, unknownComponentMessage(name));
  // An HTML tag written as JSX (`<br />`): its attributes as Astro writes them.
  let attrs = "";
  for (const [key, value] of Object.entries(props)) attrs += String(addAttribute(value, key));
  const inner = children.map((c) => (typeof c === "string" ? c : "")).join("");
  if (children.some((c) => typeof c !== "string")) {
    push(`<${name}${attrs}>`);
    for (const c of children) {
      if (typeof c === "string") push(c);
      else out.push(c);
    }
    return push(`</${name}>`);
  }
  push(inner === "" && VOID.test(name) ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`);
}

/** Sätteri's parse error ("3:1: Expected a closing tag for `<PhotoCaption>` …") as an issue. */
function parseIssue(error: unknown): BodyIssue {
  const message = String((error as { message?: unknown }).message ?? error);
  const at = /^(\d+):(\d+)/.exec(message);
  return {
    line: Number(at?.[1] ?? 1),
    column: Number(at?.[2] ?? 1),
    message:
      mdxSyntaxMessage(message) ??
      `MDX không đọc được chỗ này (${message}); kiểm tra dấu { } < và các thẻ <Chart />, <DataFigure>…</DataFigure>, <PhotoCaption>…</PhotoCaption>`,
  };
}

/**
 * The body's segments. `content` is the file with its frontmatter blanked (same lines and
 * columns), so issues point into the file. Throws ArticleBodyError.
 */
export function renderArticleBody(content: string, file: string): BodySegment[] {
  let root: Node;
  try {
    root = mdxToHast(content, { features: { ...MDX_FEATURES } }) as Node;
  } catch (error) {
    throw new ArticleBodyError(file, [parseIssue(error)]);
  }
  const ctx: Context = { issues: [], slugger: new Slugger() };
  const out: BodySegment[] = [];
  const children = root.children ?? [];
  children.forEach((child, i) => {
    // The line break after an import, which MDX drops with the import, and a trailing one.
    const previous = children[i - 1];
    const blank = child.type === "text" && String(child.value).trim() === "";
    if (blank && (i === 0 || i === children.length - 1 || previous?.type === "mdxjsEsm")) return;
    walk(ctx, child, out);
  });
  if (ctx.issues.length > 0) throw new ArticleBodyError(file, ctx.issues);
  return out;
}

/** The body's HTML with each component replaced by its children (to compare with MDX's output). */
export function textHtml(segments: readonly BodySegment[]): string {
  return segments.map((s) => (typeof s === "string" ? s : textHtml(s.children))).join("");
}

/** What the store keeps of a body (`rendered` of a collection entry). */
export function renderedBody(content: string, file: string) {
  const segments = renderArticleBody(content, file);
  // The page renders the segments (ArticleBody.astro): `html` stays empty rather than hold the
  // text a second time in the store, which every build loads and bundles whole.
  return { html: "", metadata: { segments } };
}
