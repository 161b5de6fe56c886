// BENCHMARKS.md sections written by scripts: one "## " section each, replaced whole on a new run,
// except a hand-written "### Findings" block at its end, which is kept.

export const FINDINGS_HEADING = "### Findings";

/** Replace the section whose first line is `section`'s heading (up to the next `## `), or append it. */
export function upsertNamedSection(doc: string, section: string): string {
  const heading = section.split("\n", 1)[0]!.trimEnd();
  let body = section.endsWith("\n") ? section : `${section}\n`;
  if (doc.trim() === "") return `# Benchmarks\n\n${body}`;
  const lines = doc.split("\n");
  const start = lines.findIndex((l) => l.trimEnd() === heading);
  if (start === -1) return `${doc.trimEnd()}\n\n${body}`;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end === -1) end = lines.length;
  const notes = lines.findIndex((l, i) => i > start && i < end && l.trimEnd() === FINDINGS_HEADING);
  if (notes !== -1) body = `${body.trimEnd()}\n\n${lines.slice(notes, end).join("\n").trimEnd()}\n`;
  const before = lines.slice(0, start).join("\n");
  const after = lines.slice(end).join("\n");
  return `${before}${before ? "\n" : ""}${body}${after ? `\n${after}` : ""}`;
}

/** A Markdown table: the first row is the header. */
export function table(rows: string[][]): string {
  const [head, ...body] = rows;
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head!), line(head!.map(() => "---")), ...body.map(line)].join("\n");
}
