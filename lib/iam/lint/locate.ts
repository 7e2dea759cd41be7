// From a JSON path (`Statement[1].Condition["s3:prefix"]`) to the line and column of that element
// in the text as typed, with jsonc-parser's syntax tree; a path to an element that is missing points
// at the nearest element that exists (the statement that lacks it).

import { findNodeAtLocation, parseTree, type Node, type ParseError } from "jsonc-parser";

export interface Position {
  line: number;
  column: number;
}

export type PathSegment = string | number;

/** Reads lib/errors' path spelling back into segments: `a.b[0]["odd key"]`. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i]!;
    if (c === ".") {
      i++;
    } else if (c === "[") {
      if (path[i + 1] === '"') {
        // A quoted key: find the closing quote that is not escaped, then let JSON unescape it.
        let j = i + 2;
        while (j < path.length && !(path[j] === '"' && path[j - 1] !== "\\")) j++;
        segments.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        i = j + 2;
      } else {
        const end = path.indexOf("]", i);
        segments.push(Number(path.slice(i + 1, end)));
        i = end + 1;
      }
    } else {
      let j = i;
      while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
      segments.push(path.slice(i, j));
      i = j;
    }
  }
  return segments;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Line and column (both 1-based) of an offset. */
export function positionAt(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

export interface Locator {
  /** Position of the element at `path`, or of its nearest existing ancestor. */
  locate(path: string): Position;
  /** The first syntax error, when the text is not JSON. */
  syntaxError?: { position: Position; message: string };
}

const SYNTAX_MESSAGES: Record<number, string> = {
  1: "a symbol where a value was expected",
  2: "a value is missing",
  3: "a property name (in double quotes) is missing",
  4: "a value is missing",
  5: "a ':' is missing after a property name",
  6: "a ',' is missing between two items",
  7: "a '}' is missing",
  8: "a ']' is missing",
  9: "the text ends too early",
  10: "a comment, which JSON does not allow",
  11: "the text ends too early",
  12: "a string is not closed",
  13: "an unexpected end of the text",
  14: "a number is written wrongly",
  15: "an invalid escape in a string",
  16: "an invalid character",
  17: "an invalid character",
};

export function createLocator(text: string): Locator {
  const starts = lineStarts(text);
  const errors: ParseError[] = [];
  const root: Node | undefined = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const locator: Locator = {
    locate(path) {
      if (!root) return { line: 1, column: 1 };
      const segments = parsePath(path);
      for (let n = segments.length; n >= 0; n--) {
        const node = findNodeAtLocation(root, segments.slice(0, n));
        if (node) {
          // An object or array under a key: point at the key, where a reader looks for the element;
          // a string or number: at the value itself (the action or ARN to fix).
          const container = node.type === "object" || node.type === "array";
          const at = container && node.parent?.type === "property" && n === segments.length ? node.parent.offset : node.offset;
          return positionAt(starts, at);
        }
      }
      return { line: 1, column: 1 };
    },
  };
  const first = errors[0];
  if (first) {
    locator.syntaxError = {
      position: positionAt(starts, first.offset),
      message: SYNTAX_MESSAGES[first.error] ?? "the text is not valid JSON",
    };
  }
  return locator;
}
