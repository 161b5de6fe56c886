// Reader-visible text of an MDX article body, block by block, for comparing with its source.
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
