// Obsidian Spaced Repetition's multi-line cards: the lines that touch a line holding only `?`
// (or `??`, a card both ways) are the front above it and the back below it, whatever markup they
// hold, lists and code included. Found on the raw lines, before blocks are built, because the
// two sides cut across the block structure (a back is often a list under a sentence).
// https://github.com/st3v3nmw/obsidian-spaced-repetition, docs/en/flashcards.md "Multi-line Basic"

import { isBlank, isFenceClose, matchFenceOpen, matchHeading } from "./lines.ts";

export interface FlashcardScan {
  spans: FlashcardSpan[];
  /** Lines (0-based) holding only a separator with nothing to ask above it or nothing to answer below. */
  orphans: number[];
}

export interface FlashcardSpan {
  /** Indexes into the note's lines (0-based). */
  start: number;
  separator: number;
  end: number;
  reversed: boolean;
}

export interface MultilineSeparators {
  basic: string;
  reversed: string;
  /** The one-line separator (`::`): a line holding it is a card of its own, never part of a front. */
  inline?: string;
}

export function findFlashcardSpans(
  lines: readonly string[],
  from: number,
  separators: MultilineSeparators = { basic: "?", reversed: "??" },
): FlashcardScan {
  const spans: FlashcardSpan[] = [];
  const orphans: number[] = [];
  // Most notes have no separator line at all: one cheap look before the line-by-line scan.
  const onItsOwn = (sep: string) => lines.some((line) => line.length <= sep.length + 8 && line.trim() === sep);
  if (!onItsOwn(separators.basic) && !onItsOwn(separators.reversed)) return { spans, orphans };
  let floor = from;
  let fence: string | undefined;
  for (let i = from; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (fence) {
      if (isFenceClose(line, fence)) fence = undefined;
      continue;
    }
    const open = matchFenceOpen(line);
    if (open) {
      fence = open.fence;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed !== separators.basic && trimmed !== separators.reversed) continue;
    let start = i;
    const inline = separators.inline ?? "::";
    const ownCard = (line: string) => line.includes(inline) && !/^\s*[A-Za-z][\w\-.]*::(?:\s|$)/.test(line);
    while (start - 1 >= floor && !isBlank(lines[start - 1]!) && !matchHeading(lines[start - 1]!) && !ownCard(lines[start - 1]!)) start -= 1;
    const end = backEnd(lines, i);
    if (start === i || end === i) {
      orphans.push(i);
      continue;
    }
    spans.push({ start, separator: i, end, reversed: trimmed === separators.reversed });
    floor = end + 1;
    i = end;
  }
  return { spans, orphans };
}

/** The last line of the back: up to the first blank line outside fenced code. */
function backEnd(lines: readonly string[], separator: number): number {
  let end = separator;
  let fence: string | undefined;
  for (let j = separator + 1; j < lines.length; j += 1) {
    const line = lines[j]!;
    if (fence) {
      end = j;
      if (isFenceClose(line, fence)) fence = undefined;
      continue;
    }
    if (isBlank(line) || matchHeading(line)) break;
    const open = matchFenceOpen(line);
    if (open) fence = open.fence;
    end = j;
  }
  return end;
}
