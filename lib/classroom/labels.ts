// How options and questions are named to people: letters by position (a shuffled paper still reads
// A, B, C from the top), a question by its own sentence rather than the world printed above it.

import type { Choice } from "./types.ts";

/** A, B, ... Z, then AA, AB: the letter of the option at this position on the page. */
export function optionLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${optionLetter(Math.floor(index / 26) - 1)}${letter}`;
}

/**
 * The question itself in Markdown: a scenario's prompt carries the whole world before its
 * `**Question.**` line; a card's prompt is its front, whose first line that is not a heading is used.
 */
export function questionLine(prompt: string, maxLength = 160): string {
  const question = prompt.match(/\*\*Question\.\*\*\s*(.+)/)?.[1];
  const line =
    question ??
    prompt
      .split("\n")
      .map((l) => l.replace(/^#+\s*/, "").trim())
      .find(Boolean) ??
    "";
  if (line.length <= maxLength) return line;
  const cut = line.slice(0, maxLength - 1).trimEnd();
  // A code span or bold run cut in two would show its opening marks raw: close them.
  const odd = (mark: RegExp) => (cut.match(mark)?.length ?? 0) % 2 === 1;
  const code = odd(/`/g) ? "`" : "";
  const bold = odd(/\*\*/g) ? "**" : "";
  return `${cut}${code}${bold}…`;
}

/** Markdown reduced to plain text for a spreadsheet cell: code ticks and emphasis dropped, lines joined. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/`+/g, "")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** The options a choice names, as text (for the CSV and the results tables), joined with " + ". */
export function choiceText(options: readonly Choice[], choice: readonly string[]): string {
  return choice.map((id) => options.find((o) => o.id === id)?.text ?? `(${id})`).join(" + ");
}

/**
 * An explanation without its "Correct option: (b)" line. Papers stored before explanations left it
 * out still carry it, and on a shuffled paper that id is not the letter the learner saw.
 */
export function withoutOptionIds(explanation: string): string {
  return explanation.replace(/^Correct options?: \(.*\n*/m, "");
}
