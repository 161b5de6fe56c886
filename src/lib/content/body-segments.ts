// An article body as the content loader stores it (rendered by article-body.ts) and the article
// page renders it (components/mdx/ArticleBody.astro). Kept apart from the renderer, so the page's
// bundle does not carry the MDX parser.
import type { MdxComponentName } from "./mdx-components.ts";

export type ComponentSegment = {
  component: MdxComponentName;
  props: Record<string, unknown>;
  children: BodySegment[];
};
/** HTML as written, or a component the page renders with its children as its default slot. */
export type BodySegment = string | ComponentSegment;

/** The segments the loader stored on an entry (`rendered.metadata.segments`). */
export function bodySegments(entry: {
  id: string;
  rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
}): BodySegment[] {
  const segments = entry.rendered?.metadata?.segments;
  if (!Array.isArray(segments)) {
    throw new Error(`Bài “${entry.id}” chưa có phần nội dung đã dựng; chạy lại npm run build -- --force.`);
  }
  return segments as BodySegment[];
}
