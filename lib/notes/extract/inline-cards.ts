// Obsidian spaced-repetition cards written inside text:
//   `front::back` on one line (`:::` also makes the reverse card), and
//   front lines, a line holding only `?`, then back lines.
// `key:: value` with a one-word key is a property, and `::` inside code or an ARN
// (arn:aws:iam::123...) is not a separator: the word right before it must not contain a colon.

import { matchProperty } from "../parse/properties.ts";

export interface InlineCard {
  front: string;
  back: string;
  lineOffset: number;
}

function maskCode(line: string): string {
  return line.replace(/(`{1,8})[^`]*?\1/g, (m) => " ".repeat(m.length));
}

function splitLine(line: string): { front: string; back: string; both: boolean } | undefined {
  if (matchProperty(line, 0)) return undefined;
  const masked = maskCode(line);
  for (const m of masked.matchAll(/(?<!:):{2,3}(?!:)/g)) {
    const before = masked.slice(0, m.index).split(/\s/).pop() ?? "";
    if (before.includes(":")) continue;
    const front = line.slice(0, m.index).trim();
    const back = line.slice(m.index + m[0].length).trim();
    if (!front || !back) continue;
    return { front, back, both: m[0].length === 3 };
  }
  return undefined;
}

export function inlineCards(text: string): InlineCard[] {
  const lines = text.split("\n");
  const ask = lines.findIndex((l) => l.trim() === "?");
  if (ask > 0 && ask < lines.length - 1) {
    return [
      {
        front: lines.slice(0, ask).join("\n").trim(),
        back: lines
          .slice(ask + 1)
          .join("\n")
          .trim(),
        lineOffset: 0,
      },
    ];
  }
  const cards: InlineCard[] = [];
  lines.forEach((line, i) => {
    if (!line.includes("::")) return;
    const split = splitLine(line);
    if (!split) return;
    cards.push({ front: split.front, back: split.back, lineOffset: i });
    if (split.both) cards.push({ front: split.back, back: split.front, lineOffset: i });
  });
  return cards;
}
