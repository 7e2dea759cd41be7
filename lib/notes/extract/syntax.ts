// Which card syntaxes a note uses. When it uses any, its author has marked the cards: exactly the
// marked blocks become cards and the guessing rules stay off for that note (docs/importing.md,
// "The author's markers decide"). Hand-written Q&A (`**Ans**`, `Q:`/`A:`, options and answers)
// is not a marker: it is how plain notes are written, and such notes also hold outline facts.

import { hasCloze } from "../inline/cloze.ts";
import { cardMarkerIn, deckTags } from "../inline/tags.ts";
import { findProperty, splitPropertyList } from "../parse/properties.ts";
import type { ItemNode, NoteNode, ParsedNote, Property } from "../tree.ts";
import { inlineCards, type InlineSeparators } from "./inline-cards.ts";

export interface NoteSyntax {
  /** Some block, heading or line carries a card marker of a supported syntax. */
  explicit: boolean;
  /** Written for an Obsidian flashcard plugin: `==highlight==` is a cloze there. */
  obsidian: boolean;
  /** Written for the Obsidian "Flashcards" plugin (`cards-deck:`): `{text}` and `{2:text}` are clozes. */
  flashcardsPlugin: boolean;
  /** Deck named by the note itself: `cards-deck:` front matter, or a `#flashcards/a/b` tag. */
  deck?: string[];
}

export function surveySyntax(note: ParsedNote, separators?: InlineSeparators): NoteSyntax {
  let explicit = false;
  let obsidian = note.schedules.length > 0;
  let deck: string[] | undefined;
  const cardsDeck = findProperty(note.properties, "cards-deck")?.value.trim();
  // Logseq's Anki sync writes `deck:: [[AWS::CCP::Tips]]` on the page.
  const pageDeck = findProperty(note.properties, "deck")
    ?.value.replace(/^\[\[(.*)\]\]$/, "$1")
    .trim();
  if (pageDeck)
    deck = pageDeck
      .split(/::|\//)
      .map((part) => part.trim())
      .filter(Boolean);
  if (cardsDeck) {
    // The note is written for the Flashcards plugin, which makes cards only where they are marked.
    obsidian = explicit = true;
    deck = cardsDeck
      .split(/::|\//)
      .map((part) => part.trim())
      .filter(Boolean);
  }
  const pageTags = note.properties.filter((p) => p.key === "tags" || p.key === "tag").flatMap((p) => splitPropertyList(p.value));
  const noteDeck = (text: string) => {
    for (const path of deckTags(text)) {
      obsidian = true;
      if (!deck && path.length > 0) deck = path;
    }
  };
  for (const tag of pageTags) noteDeck(`#${tag}`);

  const visit = (nodes: readonly NoteNode[]) => {
    for (const node of nodes) {
      if (node.type === "flashcard") {
        explicit = true;
        obsidian = true;
      } else if (node.type === "heading") {
        if (cardMarkerIn(node.text)) explicit = obsidian = true;
        noteDeck(node.text);
        visit(node.children);
      } else if (node.type === "paragraph" || node.type === "item") {
        noteDeck(node.text);
        if (inlineCards(node.text, separators).length > 0) explicit = obsidian = true;
        else if (hasCloze(node.text) || (node.type === "item" ? isMarkedItem(node) : cardMarkerIn(node.text))) explicit = true;
      }
      if (node.type === "item") {
        visit(node.body);
        visit(node.children);
      }
    }
  };
  visit(note.nodes);
  // An Obsidian note tagged for the Spaced Repetition plugin has chosen its cards even when
  // they are only highlights.
  if (obsidian && !explicit) explicit = hasAnyCloze(note.nodes, { highlight: true });
  return { explicit, obsidian, flashcardsPlugin: !!cardsDeck, ...(deck ? { deck } : {}) };
}

/** A Logseq block marked as a card by a tag in its text or by `tags:: card`. */
export function isMarkedItem(item: ItemNode): boolean {
  // Asked several times per block (survey, walk, a parent's back): answered once.
  let marked = markedItems.get(item);
  if (marked === undefined) {
    marked =
      cardMarkerIn(item.text) !== undefined ||
      hasCardTag(item.properties) ||
      // Logseq keeps whitespace-only lines inside a block, so a tag written on the block's last
      // line may sit in a later paragraph of the same block.
      item.body.some((node) => node.type === "paragraph" && cardMarkerIn(node.text) !== undefined);
    markedItems.set(item, marked);
  }
  return marked;
}

const markedItems = new WeakMap<ItemNode, boolean>();

export function hasCardTag(properties: readonly Property[]): boolean {
  const tags = findProperty(properties, "tags")?.value;
  return !!tags && splitPropertyList(tags).some((tag) => /^(?:card|flashcard)$/i.test(tag));
}

function hasAnyCloze(nodes: readonly NoteNode[], styles: { highlight: boolean }): boolean {
  return nodes.some((node) => {
    if (node.type === "paragraph") return hasCloze(node.text, styles);
    if (node.type === "heading") return hasAnyCloze(node.children, styles);
    if (node.type === "item") return hasCloze(node.text, styles) || hasAnyCloze(node.body, styles) || hasAnyCloze(node.children, styles);
    return false;
  });
}
