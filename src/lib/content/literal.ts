// The value of a JSX attribute expression written in an article (`level={2}`, `show={["a", "b"]}`):
// numbers, strings, booleans, null, and arrays and objects of them. Anything else is code, which an
// article may not run: the caller reports it.

export class NotALiteral extends Error {}

/** Evaluates `code` as a literal, or throws NotALiteral. */
export function evaluateLiteral(code: string): unknown {
  const reader = { text: code, at: 0 };
  const value = readValue(reader);
  skipSpace(reader);
  if (reader.at !== code.length) throw new NotALiteral(code);
  return value;
}

type Reader = { text: string; at: number };

function skipSpace(r: Reader): void {
  while (r.at < r.text.length && /\s/.test(r.text[r.at]!)) r.at++;
}

function readValue(r: Reader): unknown {
  skipSpace(r);
  const c = r.text[r.at];
  if (c === '"' || c === "'") return readString(r, c);
  if (c === "[") return readArray(r);
  if (c === "{") return readObject(r);
  const word = /^(?:true|false|null|-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?![\w$])/.exec(
    r.text.slice(r.at),
  )?.[0];
  if (word === undefined) throw new NotALiteral(r.text);
  r.at += word.length;
  return word === "true" ? true : word === "false" ? false : word === "null" ? null : Number(word);
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'" };

function readString(r: Reader, quote: string): string {
  let out = "";
  for (r.at++; r.at < r.text.length; r.at++) {
    const c = r.text[r.at]!;
    if (c === quote) {
      r.at++;
      return out;
    }
    if (c === "\n") break;
    if (c === "\\") {
      const escaped = ESCAPES[r.text[++r.at] ?? ""];
      if (escaped === undefined) break;
      out += escaped;
    } else out += c;
  }
  throw new NotALiteral(r.text);
}

function readList<T>(r: Reader, close: string, item: () => T): T[] {
  const items: T[] = [];
  r.at++;
  for (;;) {
    skipSpace(r);
    if (r.text[r.at] === close) {
      r.at++;
      return items;
    }
    items.push(item());
    skipSpace(r);
    if (r.text[r.at] === ",") r.at++;
    else if (r.text[r.at] !== close) throw new NotALiteral(r.text);
  }
}

function readArray(r: Reader): unknown[] {
  return readList(r, "]", () => readValue(r));
}

function readObject(r: Reader): Record<string, unknown> {
  const entries = readList(r, "}", () => {
    const c = r.text[r.at];
    let key: string;
    if (c === '"' || c === "'") key = readString(r, c);
    else {
      const name = /^[A-Za-z_$][\w$]*/.exec(r.text.slice(r.at))?.[0];
      if (!name) throw new NotALiteral(r.text);
      key = name;
      r.at += name.length;
    }
    skipSpace(r);
    if (r.text[r.at++] !== ":") throw new NotALiteral(r.text);
    return [key, readValue(r)] as const;
  });
  // Own data properties only: a "__proto__" key stays a plain key.
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}
