// BENCHMARKS.md sections written by scripts: one "## " section each, replaced whole on a new run,
// except a hand-written "### Findings" block at its end, which is kept.

export const FINDINGS_HEADING = "### Findings";

/**
 * Replace the section whose first line is `section`'s heading (up to the next `## `), or add it:
 * after the section headed `follows` when there is one, else at the end.
 */
export function upsertNamedSection(doc: string, section: string, follows?: string): string {
  const heading = section.split("\n", 1)[0]!.trimEnd();
  let body = section.endsWith("\n") ? section : `${section}\n`;
  if (doc.trim() === "") return `# Benchmarks\n\n${body}`;
  const lines = doc.split("\n");
  const start = lines.findIndex((l) => l.trimEnd() === heading);
  if (start === -1) return insertAfter(lines, body, follows);
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end === -1) end = lines.length;
  const notes = lines.findIndex((l, i) => i > start && i < end && l.trimEnd() === FINDINGS_HEADING);
  if (notes !== -1) body = `${body.trimEnd()}\n\n${lines.slice(notes, end).join("\n").trimEnd()}\n`;
  const before = lines.slice(0, start).join("\n");
  const after = lines.slice(end).join("\n");
  return `${before}${before ? "\n" : ""}${body}${after ? `\n${after}` : ""}`;
}

/** `body` as a new section after the one headed `after` (or at the end). */
function insertAfter(lines: string[], body: string, after: string | undefined): string {
  const at = after === undefined ? -1 : lines.findIndex((l) => l.trimEnd() === after);
  const next = at === -1 ? -1 : lines.findIndex((l, i) => i > at && /^## /.test(l));
  if (next === -1) return `${lines.join("\n").trimEnd()}\n\n${body}`;
  const before = lines.slice(0, next).join("\n").trimEnd();
  return `${before}\n\n${body}\n${lines.slice(next).join("\n")}`;
}

/** A Markdown table: the first row is the header. */
export function table(rows: string[][]): string {
  const [head, ...body] = rows;
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head!), line(head!.map(() => "---")), ...body.map(line)].join("\n");
}
