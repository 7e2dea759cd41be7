// A card's front as one line of plain text, for a list of cards (Anki's browser "Sort Field"):
// Markdown marks, cloze braces and code fences taken out, whitespace folded.

const MAX_CHARS = 160;

export function frontLine(front: string, max = MAX_CHARS): string {
  const text = front
    .replace(/^```.*$/gm, " ")
    .replace(/\{\{c\d+::(.*?)(?:::[^}]*)?\}\}/g, "$1")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)/gm, "")
    .replace(/(\*\*|__|`)/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
