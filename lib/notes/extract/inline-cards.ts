// Obsidian spaced-repetition cards written inside text: `front::back` on one line (`:::` also
// makes the reverse card). Multi-line `?` cards are found by the parser (parse/flashcards.ts).
// `key:: value` with a one-word key is a property, and `::` inside code or an ARN
// (arn:aws:iam::123...) is not a separator: the word right before it must not contain a colon.

import { matchProperty } from "../parse/properties.ts";

export interface InlineCard {
  front: string;
  back: string;
  lineOffset: number;
  /** For the two cards of `a:::b`, the text both share, so they are siblings. */
  pair?: string;
}

function maskCode(line: string): string {
  return line.replace(/(`{1,8})[^`]*?\1/g, (m) => " ".repeat(m.length));
}

export interface InlineSeparators {
  basic: string;
  reversed: string;
}

const DEFAULT_SEPARATORS: InlineSeparators = { basic: "::", reversed: ":::" };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const patterns = new Map<string, RegExp>();

/** The longer separator first, so `:::` is not read as `::` followed by `:`. */
function separatorPattern(separators: InlineSeparators): RegExp {
  const id = `${separators.basic}\u0000${separators.reversed}`;
  let pattern = patterns.get(id);
  if (!pattern) {
    const [long, short] = [separators.reversed, separators.basic].sort((a, b) => b.length - a.length);
    const edge = (s: string) => escape(s[0]!);
    pattern = new RegExp(`(?<!${edge(short!)})(?:${escape(long!)}|${escape(short!)})(?!${edge(short!)})`, "g");
    patterns.set(id, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

function splitLine(line: string, separators: InlineSeparators): { front: string; back: string; both: boolean } | undefined {
  if (separators.basic === "::" && matchProperty(line, 0)) return undefined;
  const masked = maskCode(line);
  for (const m of masked.matchAll(separatorPattern(separators))) {
    const before = masked.slice(0, m.index).split(/\s/).pop() ?? "";
    if (before.includes(":") && m[0].includes(":")) continue;
    const front = line.slice(0, m.index).trim();
    const back = line.slice(m.index + m[0].length).trim();
    if (!front || !back) continue;
    return { front, back, both: m[0] === separators.reversed };
  }
  return undefined;
}

export function inlineCards(text: string, separators: InlineSeparators = DEFAULT_SEPARATORS): InlineCard[] {
  const cards: InlineCard[] = [];
  if (!text.includes(separators.basic) && !text.includes(separators.reversed)) return cards;
  text.split("\n").forEach((line, i) => {
    if (!line.includes(separators.basic) && !line.includes(separators.reversed)) return;
    const split = splitLine(line, separators);
    if (!split) return;
    if (!split.both) {
      cards.push({ front: split.front, back: split.back, lineOffset: i });
      return;
    }
    cards.push({ front: split.front, back: split.back, lineOffset: i, pair: split.front });
    cards.push({ front: split.back, back: split.front, lineOffset: i, pair: split.front });
  });
  return cards;
}
