// Shared helpers for the notes tests: build notes from inline text and look cards up by content.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractNote, parseNote, type CardDraft, type NoteNode } from "../../lib/notes/index.ts";
import { expect } from "vitest";

export const SEED_FILES = ["000_d52a38a28532b46b.txt", "002_6426e57091a80225.txt", "003_9fbebdb2070a271f.txt"] as const;

export function seedText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/seeds/${name}`, import.meta.url)), "utf8");
}

/** Joins lines so inline notes in tests can show their indentation (tabs as \t). */
export function note(...lines: string[]): string {
  return lines.join("\n");
}

export function cardsOf(text: string, path = "note.md", options: { deck?: string } = {}): CardDraft[] {
  return extractNote(parseNote({ path, text }), options).drafts;
}

export function noticesOf(text: string, path = "note.md") {
  return extractNote(parseNote({ path, text }), {}).notices;
}

export function skippedOf(text: string, path = "note.md") {
  return extractNote(parseNote({ path, text }), {}).skipped;
}

export function fronts(cards: readonly CardDraft[]): string[] {
  return cards.map((c) => c.front);
}

/** A compact outline of a parsed tree: "H1 Title", "  - item", "  ```json", "  P text", "  ---". */
export function outline(nodes: readonly NoteNode[], indent = ""): string[] {
  const lines: string[] = [];
  for (const node of nodes) {
    if (node.type === "heading") {
      lines.push(`${indent}H${node.level} ${node.text}`, ...outline(node.children, `${indent}  `));
    } else if (node.type === "item") {
      const props = node.properties.map((p) => ` {${p.key}=${p.value}}`).join("");
      lines.push(`${indent}${node.heading ? `h${node.heading} ` : ""}- ${node.text.replace(/\n/g, "⏎")}${props}`);
      lines.push(...outline(node.body, `${indent}    `), ...outline(node.children, `${indent}  `));
    } else if (node.type === "paragraph") lines.push(`${indent}P ${node.text.replace(/\n/g, "⏎")}`);
    else if (node.type === "code")
      lines.push(`${indent}\`\`\`${node.lang}${node.closed ? "" : " (unclosed)"} ${node.code.replace(/\n/g, "⏎")}`);
    else lines.push(`${indent}---`);
  }
  return lines;
}

/** What a rule promises about a card: only the fields named are compared. */
export type ExpectedCard = Partial<Pick<CardDraft, "kind" | "front" | "back" | "tags" | "deckPath" | "history">> & { line?: number };

/** One row of a rule table: a note, and the cards it must give, in order. */
export interface RuleCase {
  rule: string;
  text: string;
  path?: string;
  cards: ExpectedCard[];
}

/** The card reduced to the fields the row names, so a row states only what its rule decides. */
export function shapeOf(card: CardDraft, expected: ExpectedCard): ExpectedCard {
  const out: ExpectedCard = {};
  for (const key of Object.keys(expected) as Array<keyof ExpectedCard>) {
    if (key === "line") out.line = card.source.line;
    else (out as Record<string, unknown>)[key] = card[key];
  }
  return out;
}

export function expectCards(text: string, cards: ExpectedCard[], path = "note.md", options: { deck?: string } = {}): void {
  const drafts = cardsOf(text, path, options);
  expect(drafts.map((d, i) => shapeOf(d, cards[i] ?? {}))).toEqual(cards);
}
