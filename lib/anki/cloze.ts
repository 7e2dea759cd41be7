// Anki's cloze deletions `{{c1::answer::hint}}`. One note makes one card per cloze number; the card
// for number N keeps its own deletions as markers (the review screen hides them on the front and
// reveals them on the back) and shows every other deletion as plain text, as Anki does.

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** The field for the card of cloze `n`: its deletions kept, the others revealed. */
export function clozeForCard(text: string, n: number): string {
  return text.replace(CLOZE, (whole: string, num: string, answer: string) => (Number(num) === n ? whole : answer));
}

/** The cloze numbers a text uses, ascending. */
export function clozeNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const match of text.matchAll(CLOZE)) numbers.add(Number(match[1]));
  return [...numbers].sort((a, b) => a - b);
}
