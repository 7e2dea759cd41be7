// Cloze deletions in three dialects, normalised to Anki's `{{cN::text}}` / `{{cN::text::hint}}`:
//  - Anki `{{c1::...}}` keeps its numbers (same number = hidden together, one card per number);
//  - Logseq `{{cloze ...}}` hides every cloze of the block at once (one card);
//  - Obsidian SR `==highlight==` makes one card per highlight.
// Each card's front keeps markers only for its own group; the other deletions read as plain text.

import { replaceOutsideCode } from "./code-spans.ts";

// A deletion's text never spans `{{` or `}}`, so an unclosed `{{c1::` stops at the next one
// instead of making every later one rescan the rest of the note.
const INNER = String.raw`((?:[^{}]|\{(?!\{)|\}(?!\}))*?)`;
const ANKI = new RegExp(String.raw`\{\{c(\d+)::${INNER}(?:::([^{}]*))?\}\}`, "g");
const LOGSEQ = new RegExp(String.raw`\{\{cloze:?\s+${INNER}\}\}`, "g");
const HIGHLIGHT = /==(?=\S)([^=\n]*?\S)==/g;

function matchesOutsideCode(text: string, pattern: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  replaceOutsideCode(text, pattern, (m) => {
    found.push(m);
    return m[0];
  });
  return found;
}

export function hasCloze(text: string): boolean {
  if (!text.includes("{{") && !text.includes("==")) return false;
  return (
    matchesOutsideCode(text, ANKI).length > 0 ||
    matchesOutsideCode(text, LOGSEQ).length > 0 ||
    matchesOutsideCode(text, HIGHLIGHT).length > 0
  );
}

export interface ClozeText {
  /** The text with every deletion as `{{cN::...}}`. */
  marked: string;
  groups: number[];
}

export function normaliseCloze(text: string): ClozeText {
  const groups = new Set<number>();
  for (const m of matchesOutsideCode(text, ANKI)) groups.add(Number(m[1]));
  let marked = text;
  if (matchesOutsideCode(marked, LOGSEQ).length > 0) {
    const group = nextFree(groups);
    groups.add(group);
    marked = replaceOutsideCode(marked, LOGSEQ, (m) => `{{c${group}::${m[1]!.trim()}}}`);
  }
  marked = replaceOutsideCode(marked, HIGHLIGHT, (m) => {
    const n = nextFree(groups);
    groups.add(n);
    return `{{c${n}::${m[1]}}}`;
  });
  return { marked, groups: [...groups].sort((a, b) => a - b) };
}

function nextFree(groups: Set<number>): number {
  let n = 1;
  while (groups.has(n)) n += 1;
  return n;
}

/** The front for one group: that group's deletions stay marked, the others are revealed. */
export function frontForGroup(marked: string, group: number): string {
  return replaceOutsideCode(marked, ANKI, (m) => (Number(m[1]) === group ? m[0] : m[2]!));
}

/** The text with all deletions revealed and markers removed. */
export function revealAll(marked: string): string {
  return replaceOutsideCode(marked, ANKI, (m) => m[2]!);
}
