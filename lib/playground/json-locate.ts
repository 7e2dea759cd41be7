// A JSON parser that remembers where every value sits in the text. JSON.parse says only that the
// text is wrong (its message and position differ between engines); the editor needs the line and
// column of a syntax error, and the span of any element a PolicyError names by JSON path
// (`Statement[1].Condition.StringEquals`), to mark the offending lines.

import { formatJsonPath, joinJsonPath } from "../errors/index.ts";

/** Offsets into the text: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface JsonSyntaxError {
  message: string;
  offset: number;
}

export type LocatedJson = { ok: true; value: unknown; spans: Map<string, Span> } | { ok: false; error: JsonSyntaxError };

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return "the end of the text";
  if (ch === "\n") return "a line break";
  return `'${ch}'`;
}

class Parser {
  private i = 0;
  readonly spans = new Map<string, Span>();
  constructor(private readonly text: string) {}

  parse(): unknown {
    this.skipSpace();
    if (this.i >= this.text.length) throw new SyntaxFailure("The text is empty: a policy is a JSON object, { ... }", 0);
    const value = this.value("");
    this.skipSpace();
    if (this.i < this.text.length)
      throw new SyntaxFailure(`Unexpected ${describeChar(this.text[this.i])} after the end of the JSON value`, this.i);
    return value;
  }

  private skipSpace(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else break;
    }
  }

  private value(path: string): unknown {
    const start = this.i;
    const ch = this.text[this.i];
    let value: unknown;
    if (ch === "{") value = this.object(path);
    else if (ch === "[") value = this.array(path);
    else if (ch === '"') value = this.string();
    else if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) value = this.number();
    else if (this.text.startsWith("true", this.i)) {
      value = true;
      this.i += 4;
    } else if (this.text.startsWith("false", this.i)) {
      value = false;
      this.i += 5;
    } else if (this.text.startsWith("null", this.i)) {
      value = null;
      this.i += 4;
    } else if (ch === "'") throw new SyntaxFailure('Strings use double quotes (") in JSON, not single quotes', this.i);
    else throw new SyntaxFailure(`Expected a value but found ${describeChar(ch)}`, this.i);
    this.spans.set(path, { start, end: this.i });
    return value;
  }

  private object(path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++; // {
    this.skipSpace();
    if (this.text[this.i] === "}") {
      this.i++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      const ch = this.text[this.i];
      if (ch === "}") throw new SyntaxFailure("Trailing comma before '}': JSON does not allow one", this.lastComma());
      if (ch !== '"') {
        throw new SyntaxFailure(
          ch === "'" || (ch !== undefined && /[A-Za-z_$]/.test(ch))
            ? "Property names must be in double quotes"
            : `Expected a property name in double quotes but found ${describeChar(ch)}`,
          this.i,
        );
      }
      const keyStart = this.i;
      const key = this.string();
      this.skipSpace();
      if (this.text[this.i] !== ":") throw new SyntaxFailure(`Expected ':' after the property name "${key}"`, this.i);
      this.i++;
      this.skipSpace();
      const childPath = joinJsonPath(path, formatJsonPath([key]));
      const value = this.value(childPath);
      // As JSON.parse does: "__proto__" is an ordinary key, never the object's prototype.
      if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
      // Mark from the property name, so an error on the element covers `"Key": value`.
      this.spans.set(childPath, { start: keyStart, end: this.i });
      this.skipSpace();
      const next = this.text[this.i];
      if (next === ",") {
        this.i++;
        continue;
      }
      if (next === "}") {
        this.i++;
        return out;
      }
      throw new SyntaxFailure(`Expected ',' or '}' after the value of "${key}" but found ${describeChar(next)}`, this.i);
    }
  }

  private array(path: string): unknown[] {
    const out: unknown[] = [];
    this.i++; // [
    this.skipSpace();
    if (this.text[this.i] === "]") {
      this.i++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] === "]") throw new SyntaxFailure("Trailing comma before ']': JSON does not allow one", this.lastComma());
      out.push(this.value(`${path}[${out.length}]`));
      this.skipSpace();
      const next = this.text[this.i];
      if (next === ",") {
        this.i++;
        continue;
      }
      if (next === "]") {
        this.i++;
        return out;
      }
      throw new SyntaxFailure(`Expected ',' or ']' after an array element but found ${describeChar(next)}`, this.i);
    }
  }

  /** The comma before the current position, where a trailing-comma error belongs. */
  private lastComma(): number {
    const at = this.text.lastIndexOf(",", this.i);
    return at >= 0 ? at : this.i;
  }

  private string(): string {
    const t = this.text;
    const start = this.i;
    this.i++; // opening quote
    let out = "";
    let runStart = this.i;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (this.i >= t.length || c === 10) throw new SyntaxFailure("This string is not closed: a '\"' is missing", start);
      if (c === 34) {
        out += t.slice(runStart, this.i);
        this.i++;
        return out;
      }
      if (c < 32) throw new SyntaxFailure("Control characters (such as a tab) must be escaped inside a string", this.i);
      if (c === 92) {
        out += t.slice(runStart, this.i);
        const e = t[this.i + 1];
        if (e === "u") {
          const hex = t.slice(this.i + 2, this.i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxFailure("\\u must be followed by four hexadecimal digits", this.i);
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 6;
        } else if (e !== undefined && ESCAPES[e] !== undefined) {
          out += ESCAPES[e];
          this.i += 2;
        } else {
          throw new SyntaxFailure(`Unknown escape \\${e ?? ""} in a string`, this.i);
        }
        runStart = this.i;
        continue;
      }
      this.i++;
    }
  }

  private number(): number {
    const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    match.lastIndex = this.i;
    const found = match.exec(this.text);
    if (!found) throw new SyntaxFailure(`Expected a number but found ${describeChar(this.text[this.i])}`, this.i);
    this.i += found[0].length;
    return Number(found[0]);
  }
}

/** Parses JSON text, keeping the span of every value by its JSON path ("" is the whole document). */
export function parseLocated(text: string): LocatedJson {
  const parser = new Parser(text);
  try {
    const value = parser.parse();
    return { ok: true, value, spans: parser.spans };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: { message: error.message, offset: error.offset } };
    throw error;
  }
}

/**
 * The span of the element at `path`, or of its nearest enclosing element when the path names
 * something absent (a missing `Principal` marks its statement).
 */
export function spanAt(spans: ReadonlyMap<string, Span>, path: string): Span | undefined {
  let p = path;
  for (;;) {
    const span = spans.get(p);
    if (span) return span;
    if (p === "") return undefined;
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    p = cut > 0 ? p.slice(0, cut) : "";
  }
}
