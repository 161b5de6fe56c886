// Reader-visible text of an MDX article body, block by block, for comparing with its source.
import { MDX_FEATURES } from "../../src/lib/content/mdx-features.ts";
import { normalize, type Block } from "./seeds.ts";

/**
 * MDX body -> blocks of reader-visible text: imports dropped, JSX tags and Markdown links reduced to
 * their text, escapes undone; blocks with no text of their own (e.g. a `<Chart … />`) are not text.
 */
export function mdxBlocks(content: string): Block[] {
  return content
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== "" && !/^(import|export)\s/.test(chunk))
    .map((chunk): Block => {
      const caption = /^<PhotoCaption>([\s\S]*)<\/PhotoCaption>$/.exec(chunk);
      const text = normalize(
        (caption ? caption[1]! : chunk)
          .replace(/<\/?[A-Za-z][^>]*>/g, "")
          .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
          .replace(/\\([\\{}<>*_[\]`#])/g, "$1"),
      );
      return { kind: caption ? "caption" : "paragraph", text };
    })
    .filter((block) => block.text !== "");
}

/** An MDX tree node as satteri (Astro's MDX compiler) gives it. */
type MdxNode = {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
};

/** The MDX features articles are read with (GFM on, smart punctuation off). */
const ASTRO_FEATURES = { ...MDX_FEATURES };

const textOf = (node: MdxNode): string =>
  node.type === "text" ? (node.value ?? "") : (node.children ?? []).map(textOf).join("");

/** Every node of the tree, depth first. */
const nodesOf = (node: MdxNode): MdxNode[] => [node, ...(node.children ?? []).flatMap(nodesOf)];

export type CompiledBlock = { type: string; name?: string; text: string };

/**
 * An MDX body as Astro's compiler reads it: each top-level block with the text a reader sees, the
 * code it would run (ES module lines, `{…}` expressions, JSX attributes that are expressions) and
 * the components it names. Throws where the compiler would.
 */
export async function compileMdxBody(body: string) {
  const { mdxToJs, mdxToMdast } = await import("satteri");
  await mdxToJs(body, { features: ASTRO_FEATURES });
  const root = (await mdxToMdast(body, { features: ASTRO_FEATURES })) as unknown as MdxNode;
  const nodes = nodesOf(root);
  return {
    blocks: (root.children ?? []).map((b): CompiledBlock => ({
      type: b.type,
      ...(b.name ? { name: b.name } : {}),
      text: textOf(b),
    })),
    code: nodes.filter((n) => /^mdx(js)?(Esm|FlowExpression|TextExpression)$/.test(n.type)),
    expressionProps: nodes.flatMap((n) =>
      (n.attributes ?? []).filter(
        (a) => a.type !== "mdxJsxAttribute" || (typeof a.value === "object" && a.value !== null),
      ),
    ),
    components: nodes.filter((n) => n.type.startsWith("mdxJsx")).map((n) => n.name ?? ""),
  };
}
