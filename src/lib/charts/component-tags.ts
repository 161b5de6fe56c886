// The props written on each <Chart …> and <DataFigure …> tag of an article, with where each stands,
// checked with the components' own schemas (component-props.ts): the article check names the file,
// line and column of a wrong prop before the build, in the words the component itself would use.
import type { z } from "zod";
import { CHART, DATA_FIGURE, propMessage, type ArticleComponent } from "./component-props.ts";

const COMPONENTS: Readonly<Record<string, ArticleComponent>> = {
  Chart: CHART,
  DataFigure: DATA_FIGURE,
};

/** An opening tag of a checked component; `\<` is text, not a tag. */
const TAG = /(?<!\\)<(Chart|DataFigure)(?=[\s/>])/g;

/** A prop as written: its literal value, or `code` for `{…}` only the build can evaluate. */
type Written = { name: string; value: unknown; code: boolean; index: number };

export type PropProblem = { line: number; column: number; message: string };

const skipSpace = (text: string, i: number) => i + (/^\s*/.exec(text.slice(i))?.[0].length ?? 0);

/** The index of the `}` closing the `{` at `open` (braces inside strings skipped), or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

/** `{2}`, `{"x"}`, `{true}` are values; anything else is code. */
function literal(code: string): { value: unknown; code: boolean } {
  const trimmed = code.trim();
  if (/^(-?\d+(\.\d+)?|"(?:[^"\\]|\\.)*"|true|false)$/.test(trimmed)) {
    return { value: JSON.parse(trimmed), code: false };
  }
  return { value: undefined, code: true };
}

/** The value starting at `i`: a quoted string or a braced expression; undefined if malformed. */
function readValue(text: string, i: number) {
  const quote = text[i];
  if (quote === '"' || quote === "'") {
    const end = text.indexOf(quote, i + 1);
    return end === -1 ? undefined : { value: text.slice(i + 1, end), code: false, end: end + 1 };
  }
  if (quote !== "{") return undefined;
  const end = closingBrace(text, i);
  return end === -1 ? undefined : { ...literal(text.slice(i + 1, end)), end: end + 1 };
}

/** The props of the tag whose name ends at `from`, up to its `>` (a malformed tag is MDX's to report). */
function readProps(text: string, from: number): Written[] {
  const props: Written[] = [];
  let i = skipSpace(text, from);
  while (i < text.length && text[i] !== ">" && !text.startsWith("/>", i)) {
    const name = /^[A-Za-z_$][\w$-]*/.exec(text.slice(i))?.[0];
    if (!name) break;
    const index = i;
    i = skipSpace(text, i + name.length);
    if (text[i] !== "=") {
      props.push({ name, value: true, code: false, index });
      continue;
    }
    const value = readValue(text, skipSpace(text, i + 1));
    if (!value) break;
    props.push({ name, value: value.value, code: value.code, index });
    i = skipSpace(text, value.end);
  }
  return props;
}

/** Issues about code (`{…}`) the build alone can judge are left to the build. */
function judged(issue: z.core.$ZodIssue, code: ReadonlySet<string>): boolean {
  const prop = issue.path[0];
  if (prop === undefined) return issue.code !== "custom" || code.size === 0;
  return !code.has(String(prop));
}

/** Where `index` is in the file: `firstLine` is the body's first line. */
function locator(body: string, firstLine: number) {
  const starts = [0, ...[...body.matchAll(/\n/g)].map((m) => m.index + 1)];
  return (index: number) => {
    const line = starts.findLastIndex((start) => start <= index);
    return { line: firstLine + line, column: index - starts[line]! + 1 };
  };
}

/** Wrong props of every <Chart> and <DataFigure> in an article's body. */
export function propProblems(body: string, firstLine: number): PropProblem[] {
  const at = locator(body, firstLine);
  return [...body.matchAll(TAG)].flatMap((match) => {
    const component = COMPONENTS[match[1]!]!;
    const written = readProps(body, match.index + match[0].length);
    const props = Object.fromEntries(written.map((p) => [p.name, p.value]));
    const result = component.schema.safeParse(props);
    if (result.success) return [];
    const code = new Set(written.filter((p) => p.code).map((p) => p.name));
    return result.error.issues
      .filter((issue) => judged(issue, code))
      .map((issue): PropProblem => {
        const name = issue.code === "unrecognized_keys" ? issue.keys[0] : issue.path[0];
        const prop = written.find((p) => p.name === name);
        return { ...at(prop?.index ?? match.index), message: propMessage(component, props, issue) };
      });
  });
}
