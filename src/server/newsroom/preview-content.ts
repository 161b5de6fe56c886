// `astro:content` as the preview's renderer sees it (preview-render.ts aliases the module here):
// the "news" collection as the glob loader of content.config.ts gives it (the articles of NEWS_DIR,
// frontmatter parsed with the same schema), with the previewed article added or put in place of
// its published version. Astro's own content layer would write its store into the project. The
// previewed entry carries its body rendered as the loader renders it (lib/content/article-body.ts),
// so the page is the published one and no MDX is compiled.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseFrontmatter } from "astro/markdown";
import { renderedBody } from "../../lib/content/article-body.ts";
import { articleSchema, type ArticleData } from "../../lib/content/article-schema.ts";
import { contentDir } from "../../lib/data/paths.ts";

export type PreviewEntry = {
  id: string;
  collection: "news";
  data: ArticleData;
  body: string;
  filePath: string;
  /** The body as the article page renders it (the previewed entry only: others are never shown). */
  rendered?: ReturnType<typeof renderedBody>;
};

const parsed = new Map<string, { stamp: string; entry: PreviewEntry | undefined }>();
let previewed: PreviewEntry | undefined;

/**
 * An article file as the collection holds it; undefined when it would not pass the build. With
 * `render`, its body too (throws the renderer's ArticleBodyError).
 */
export function readEntry(
  id: string,
  text: string,
  filePath: string,
  render = false,
): PreviewEntry | undefined {
  const { frontmatter, content } = parseFrontmatter(text, { frontmatter: "empty-with-spaces" });
  const data = articleSchema.safeParse(frontmatter);
  if (!data.success) return undefined;
  const entry: PreviewEntry = {
    id,
    collection: "news",
    data: data.data,
    body: content.trim(),
    filePath,
  };
  return render ? { ...entry, rendered: renderedBody(content, filePath) } : entry;
}

/** Published articles, each parsed again only when its file changed. */
function publishedEntries(): PreviewEntry[] {
  const dir = contentDir();
  const names = readdirSync(dir).filter((n) => n.endsWith(".mdx"));
  return names.flatMap((name) => {
    const path = join(dir, name);
    const { mtimeMs, size } = statSync(path);
    const stamp = `${mtimeMs}:${size}`;
    let known = parsed.get(path);
    if (known?.stamp !== stamp) {
      known = {
        stamp,
        entry: readEntry(name.slice(0, -".mdx".length), readFileSync(path, "utf8"), path),
      };
      parsed.set(path, known);
    }
    return known.entry ? [known.entry] : [];
  });
}

/** The article being previewed, until the next one. */
export function setPreviewed(entry: PreviewEntry | undefined): void {
  previewed = entry;
}

export async function getCollection(collection: string): Promise<PreviewEntry[]> {
  if (collection !== "news") return [];
  const entries = publishedEntries().filter((e) => e.id !== previewed?.id);
  return previewed ? [...entries, previewed] : entries;
}

export async function getEntry(collection: string, id: string): Promise<PreviewEntry | undefined> {
  return (await getCollection(collection)).find((e) => e.id === id);
}
