// Hashtags in block text. Card markers decide which blocks are cards:
//  - `#card` / `#flashcard` (also `#[[card]]` and a `[[card]]` reference) mark a Logseq block,
//    the way Logseq's own flashcards find blocks that refer to the "card" page;
//  - `#card-reverse` / `#card/reverse` and `#card-spaced` / `#card/spaced` are the Obsidian
//    "Flashcards" plugin's variants (a card both ways; a card to recall without an answer);
//  - `#flashcards` and `#flashcards/a/b` tag a note for Obsidian's Spaced Repetition plugin and
//    name its deck. It marks the note, not a block.
// A marker is a whole tag: `#cards` and `#cardboard` are ordinary tags. As in Logseq, a tag may
// follow text directly (`Term#card`), but never inside a link, a URL or code.
// Every other `#tag` or `#[[multi word tag]]` becomes a card tag.

import { mapProse, proseOnly } from "./code-spans.ts";

export type CardMarker = "card" | "reverse" | "spaced";

const MARKERS = new Map<string, CardMarker>([
  ["card", "card"],
  ["flashcard", "card"],
  ["card-reverse", "reverse"],
  ["card/reverse", "reverse"],
  ["card-spaced", "spaced"],
  ["card/spaced", "spaced"],
]);

const DECK_TAG = /^flashcards(?:\/|$)/i;

// Not after characters that make `#` part of something else: a URL fragment (`page#x`, masked
// below anyway), an entity (`&#123;`), `C#`, a wiki link heading (`[[Page#x]]`, masked).
const HASHTAG = /(?<![/&#:=\\`[\]])#(?:\[\[([^\]\n]+)\]\]|([\p{L}\p{N}][\p{L}\p{N}_\-/]*))/gu;
const PAGE_REF = /\[\[card\]\]/i;
/** A link that is itself the marker (`[[card]]`, `#[[card]]`), kept when links are masked. */
const CARD_PAGE_LINK = /^\[\[#?card\]\]$/i;
// Links and URLs are masked before tags are read: `(notes.md#card)` is an anchor, not a tag.
const LINKISH = /https?:\/\/[^\s)>\]]+|\]\([^)\n]*\)|\[\[[^\]\n]*\]\]/g;

function tagName(m: RegExpMatchArray): string {
  return (m[1] ?? m[2] ?? "").replace(/[-/]+$/, "").trim();
}

function masked(text: string): string {
  return proseOnly(text).replace(LINKISH, (link) => (CARD_PAGE_LINK.test(link) ? link : " ".repeat(link.length)));
}

export function markerOf(tag: string): CardMarker | undefined {
  return MARKERS.get(tag.toLowerCase());
}

export function isCardMarker(tag: string): boolean {
  return markerOf(tag) !== undefined || DECK_TAG.test(tag);
}

/** The strongest card marker in the text (`reverse` and `spaced` over plain `card`). */
export function cardMarkerIn(text: string): CardMarker | undefined {
  if (!text.includes("#") && !text.includes("[[")) return undefined;
  const prose = masked(text);
  let found: CardMarker | undefined = PAGE_REF.test(prose) ? "card" : undefined;
  for (const m of prose.matchAll(HASHTAG)) {
    const marker = markerOf(tagName(m));
    if (marker && (found === undefined || found === "card")) found = marker;
  }
  return found;
}

export function hasCardMarker(text: string): boolean {
  return cardMarkerIn(text) !== undefined;
}

/** Decks named by `#flashcards/a/b` tags (Obsidian SR); `#flashcards` alone names none. */
export function deckTags(text: string): string[][] {
  if (!text.includes("#flashcards")) return [];
  const decks: string[][] = [];
  for (const m of masked(text).matchAll(HASHTAG)) {
    const name = tagName(m);
    if (!DECK_TAG.test(name)) continue;
    decks.push(name.split("/").slice(1).filter(Boolean));
  }
  return decks;
}

export function inlineTags(text: string): string[] {
  const tags: string[] = [];
  if (!text.includes("#")) return tags;
  for (const m of masked(text).matchAll(HASHTAG)) {
    const name = tagName(m);
    if (name && !isCardMarker(name) && /^\p{L}/u.test(name)) tags.push(name);
  }
  return tags;
}

const TRAILING_TAG = /(?:^|\s)#(?:\[\[[^\]\n]+\]\]|[\p{L}][\p{L}\p{N}_\-/]*)\s*$/u;

function dropMarkers(prose: string): string {
  return prose
    .replace(HASHTAG, (whole, bracketed: string | undefined, plain: string | undefined) =>
      isCardMarker((bracketed ?? plain ?? "").replace(/[-/]+$/, "")) ? "" : whole,
    )
    .replace(/(^|[\s(])\[\[card\]\](?=$|[\s),.;:!?])/gi, "$1");
}

/** Drops markers from prose but never from inside a link or URL (`example.com/tags#card` stays whole). */
function dropMarkersOutsideLinks(prose: string): string {
  let out = "";
  let last = 0;
  for (const link of prose.matchAll(LINKISH)) {
    if (CARD_PAGE_LINK.test(link[0])) continue;
    out += dropMarkers(prose.slice(last, link.index)) + link[0];
    last = link.index + link[0].length;
  }
  return out + dropMarkers(prose.slice(last));
}

function withoutMarkers(text: string): string {
  return text.includes("#") || text.includes("[[") ? mapProse(text, dropMarkersOutsideLinks) : text;
}

/** Removes card markers anywhere and the run of tags that ends the first line. */
export function stripTagMarkup(text: string): string {
  if (!text.includes("#") && !text.includes("[[")) return text.trim();
  const [first = "", ...rest] = text.split("\n");
  let head = withoutMarkers(first).trimEnd();
  while (TRAILING_TAG.test(head)) head = head.replace(TRAILING_TAG, "").trimEnd();
  const body = rest.map(withoutMarkers);
  return (head ? [head, ...body] : body).join("\n").trim();
}

/** Merges tag lists, keeping the first spelling of each tag (case-insensitive). */
export function mergeTags(...lists: ReadonlyArray<readonly string[]>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const tag of list) {
      const key = tag.toLowerCase();
      if (!tag || seen.has(key) || isCardMarker(tag)) continue;
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}
