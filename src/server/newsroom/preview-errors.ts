// Why a preview failed, in Vietnamese for the editor: where MDX could not read the article (line and
// column of the article, which the preview wrote unchanged but for blanked import lines), or what
// a component said (<DataFigure> and <Chart> throw Vietnamese messages naming the row or chart).
import { mdxSyntaxMessage } from "../../lib/content/body-messages.ts";
import { hasVietnameseLetters } from "../../lib/language.ts";

type Located = {
  message?: unknown;
  loc?: { line?: number; column?: number; file?: string };
  line?: number;
  column?: number;
  place?: { line?: number; column?: number; start?: { line?: number; column?: number } };
  cause?: unknown;
};

/** Where in `file` an error points, from the forms Vite, Astro and MDX give it. */
function location(error: Located, file: string): { line: number; column: number } | undefined {
  const candidates = [error.loc, error.place?.start, error.place, error];
  for (const at of candidates) {
    if (typeof at?.line === "number" && at.line > 0)
      return { line: at.line, column: at.column ?? 1 };
  }
  const text = `${String(error.message ?? "")}\n${String((error as Error).stack ?? "")}`;
  const match = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):(\\d+)`).exec(
    text,
  );
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** The component tag a component's own message is about: the first one carrying a value it quotes. */
function taggedLine(message: string, text: string): { line: number; column: number } | undefined {
  const component = /<(Chart|DataFigure)\b/.exec(message)?.[1];
  if (!component) return undefined;
  const quoted = [...message.matchAll(/"([^"]+)"/g)].map((m) => `"${m[1]}"`);
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) {
    const tag = line.indexOf(`<${component}`);
    if (tag !== -1 && quoted.some((value) => line.includes(value, tag))) {
      return { line: i + 1, column: tag + 1 };
    }
  }
  return undefined;
}

/** The editor's message for an error thrown while compiling or rendering the previewed article. */
export function renderErrorMessage(thrown: unknown, file: string, text: string): string {
  // The body renderer's own issues (lib/content/article-body.ts) are Vietnamese and placed.
  const issue = (thrown as { issues?: { line: number; column: number; message: string }[] })
    ?.issues?.[0];
  if (issue)
    return `Chưa xem trước được. Dòng ${issue.line}, cột ${issue.column}: ${issue.message}.`;
  const error = (thrown ?? {}) as Located;
  const cause = (error.cause ?? {}) as Located;
  const message = String(error.message ?? thrown);
  const at = location(error, file) ?? location(cause, file) ?? taggedLine(message, text);
  const said = mdxSyntaxMessage(message) ?? mdxSyntaxMessage(String(cause.message ?? ""));
  const where = at ? `Dòng ${at.line}, cột ${at.column}: ` : "";
  if (said) return `Chưa xem trước được. ${where}${said}.`;
  // The components' own messages are Vietnamese already; anything else is a fault of the renderer.
  if (hasVietnameseLetters(message)) return `Chưa xem trước được. ${where}${message}`;
  return `Chưa xem trước được: trình dựng bản xem trước gặp lỗi (${message.slice(0, 300)}). Báo người quản trị nếu lỗi lặp lại.`;
}
