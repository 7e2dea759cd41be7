// Offsets in an editor's text turned into what the learner sees: 1-based lines and columns.

import type { Span } from "./json-locate.ts";

export interface LineRange {
  /** 1-based, inclusive. */
  start: number;
  end: number;
}

export interface Position {
  line: number;
  column: number;
}

/** The offset at which each line begins; built once per text, searched per lookup. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

export function linesOf(starts: readonly number[], span: Span): LineRange {
  const last = Math.max(span.start, span.end - 1);
  return { start: positionAt(starts, span.start).line, end: positionAt(starts, last).line };
}

export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
