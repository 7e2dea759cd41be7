// One editor's text checked as a policy of its kind: JSON syntax first (with line and column), then
// lib/iam's grammar (with the JSON path), and on success the lines each statement spans.

import { parsePolicy, PolicyError, type ParsedPolicy, type PolicyType } from "../iam/index.ts";
import { parseLocated, spanAt, type Span } from "./json-locate.ts";
import { lineStarts, linesOf, positionAt, type LineRange, type Position } from "./lines.ts";
import type { PolicyKind } from "./types.ts";

export const POLICY_TYPE: Record<PolicyKind, PolicyType> = {
  identity: "identity",
  resource: "resource",
  boundary: "permissionsBoundary",
  session: "session",
  scp: "scp",
};

export interface EditorProblem {
  /** "syntax" for malformed JSON, else lib/iam's PolicyError code. */
  code: string;
  message: string;
  /** The JSON path of the offending element; absent for syntax errors. */
  path?: string;
  position: Position;
  /** The lines to mark in the editor. */
  lines: LineRange;
}

export type PolicyCheck = { ok: true; parsed: ParsedPolicy; statementLines: LineRange[] } | { ok: false; problem: EditorProblem };

function statementLines(value: unknown, spans: ReadonlyMap<string, Span>, starts: number[]): LineRange[] {
  const statement = (value as { Statement?: unknown }).Statement;
  if (Array.isArray(statement)) {
    return statement.map((_, i) => {
      const span = spans.get(`Statement[${i}]`);
      return span ? linesOf(starts, span) : { start: 1, end: 1 };
    });
  }
  const span = spans.get("Statement");
  return span ? [linesOf(starts, span)] : [];
}

export function checkPolicy(text: string, kind: PolicyKind, id: string): PolicyCheck {
  const starts = lineStarts(text);
  const located = parseLocated(text);
  if (!located.ok) {
    const position = positionAt(starts, located.error.offset);
    return {
      ok: false,
      problem: { code: "syntax", message: located.error.message, position, lines: { start: position.line, end: position.line } },
    };
  }
  try {
    const parsed = parsePolicy(located.value as Record<string, unknown>, { id, kind: POLICY_TYPE[kind] });
    return { ok: true, parsed, statementLines: statementLines(located.value, located.spans, starts) };
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    const span = spanAt(located.spans, error.path) ?? { start: 0, end: text.length };
    const position = positionAt(starts, span.start);
    return { ok: false, problem: { code: error.code, message: error.message, path: error.path, position, lines: linesOf(starts, span) } };
  }
}

/**
 * Remembers recent checks, so a keystroke in one editor does not re-parse the others. Keyed by the
 * whole input; a handful of entries covers every editor on the page plus the text being typed.
 */
export function memoizedChecker(capacity = 32): (text: string, kind: PolicyKind, id: string) => PolicyCheck {
  const cache = new Map<string, PolicyCheck>();
  return (text, kind, id) => {
    const key = `${kind}\u0000${id}\u0000${text}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const check = checkPolicy(text, kind, id);
    cache.set(key, check);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return check;
  };
}
