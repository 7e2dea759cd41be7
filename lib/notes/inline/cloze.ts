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
// A highlight may wrap onto the next line (a callout's `>` lines), never across a blank line.
const HIGHLIGHT = /==(?=\S)((?:[^=\n]|\n(?!\s*\n))*?\S)[ \t]*==/g;

function matchesOutsideCode(text: string, pattern: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  replaceOutsideCode(text, pattern, (m) => {
    found.push(m);
    return m[0];
  });
  return found;
}

/**
 * Which Obsidian markups read as deletions. `==highlight==` is a cloze only where the note is
 * written for a flashcard plugin (elsewhere it is emphasis); `**bold**` and `{{curly}}` only
 * where the Spaced Repetition plugin's settings turn them on, as they are off by default.
 */
export interface ClozeStyles {
  highlight?: boolean;
  bold?: boolean;
  curly?: boolean;
  /** The Flashcards plugin's `{text}` and numbered `{2:text}`. */
  single?: boolean;
}

const BOLD = /\*\*(?=\S)([^*\n]*?\S)\*\*/g;
const CURLY = /\{\{(?!c\d+::|cloze[:\s])(?=\S)([^{}\n]*?\S)\}\}/g;

const SINGLE = /(?<![{\\])\{(?!\{)(?:(\d+):)?([^{}\n]*?[^{}\s])\}(?!\})/g;

function extraPatterns(styles: ClozeStyles): RegExp[] {
  return [...(styles.highlight ? [HIGHLIGHT] : []), ...(styles.bold ? [BOLD] : []), ...(styles.curly ? [CURLY] : [])];
}

function allPatterns(styles: ClozeStyles): RegExp[] {
  return [ANKI, LOGSEQ, ...extraPatterns(styles), ...(styles.single ? [SINGLE] : [])];
}

export function hasCloze(text: string, styles: ClozeStyles = {}): boolean {
  // Cheap looks first: most blocks hold none of the markups that could open a deletion.
  const possible =
    text.includes("{") || (styles.highlight === true && text.includes("==")) || (styles.bold === true && text.includes("**"));
  if (!possible) return false;
  return allPatterns(styles).some((pattern) => matchesOutsideCode(text, pattern).length > 0);
}

export interface ClozeText {
  /** The text with every deletion as `{{cN::...}}`. */
  marked: string;
  groups: number[];
}

export function normaliseCloze(text: string, styles: ClozeStyles = {}): ClozeText {
  const groups = new Set<number>();
  let marked = text;
  if (styles.single) {
    // Numbered ones keep their number, as Anki's do; the others take the next free one.
    marked = replaceOutsideCode(marked, SINGLE, (m) => (m[1] ? `{{c${m[1]}::${m[2]}}}` : m[0]));
  }
  for (const m of matchesOutsideCode(marked, ANKI)) groups.add(Number(m[1]));
  if (matchesOutsideCode(marked, LOGSEQ).length > 0) {
    const group = nextFree(groups);
    groups.add(group);
    marked = replaceOutsideCode(marked, LOGSEQ, (m) => `{{c${group}::${m[1]!.trim()}}}`);
  }
  for (const pattern of [...extraPatterns(styles), ...(styles.single ? [SINGLE] : [])]) {
    marked = replaceOutsideCode(marked, pattern, (m) => {
      const n = nextFree(groups);
      groups.add(n);
      return `{{c${n}::${pattern === SINGLE ? m[2] : m[1]}}}`;
    });
  }
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
