// Hashtags in block text. `#card` / `#flashcard` mark a block as a card (Logseq, Obsidian SR);
// every other `#tag` or `#[[multi word tag]]` becomes a card tag.

import { mapProse, proseOnly } from "./code-spans.ts";

const CARD_MARKERS = new Set(["card", "cards", "flashcard", "flashcards"]);
const HASHTAG = /(^|[\s(,])#(?:\[\[([^\]\n]+)\]\]|([\p{L}][\p{L}\p{N}_\-/]*))/gu;

function tagName(m: RegExpMatchArray): string {
  return (m[2] ?? m[3] ?? "").replace(/[-/]+$/, "").trim();
}

export function isCardMarker(tag: string): boolean {
  return CARD_MARKERS.has(tag.toLowerCase());
}

export function hasCardMarker(text: string): boolean {
  if (!text.includes("#")) return false;
  for (const m of proseOnly(text).matchAll(HASHTAG)) if (isCardMarker(tagName(m))) return true;
  return false;
}

export function inlineTags(text: string): string[] {
  const tags: string[] = [];
  if (!text.includes("#")) return tags;
  for (const m of proseOnly(text).matchAll(HASHTAG)) {
    const name = tagName(m);
    if (name && !isCardMarker(name)) tags.push(name);
  }
  return tags;
}

const TRAILING_TAG = /(?:^|\s)#(?:\[\[[^\]\n]+\]\]|[\p{L}][\p{L}\p{N}_\-/]*)\s*$/u;

function dropMarkers(prose: string): string {
  return prose.replace(HASHTAG, (whole, lead: string, bracketed: string | undefined, plain: string | undefined) =>
    isCardMarker(bracketed ?? plain ?? "") ? lead : whole,
  );
}

function withoutMarkers(text: string): string {
  return text.includes("#") ? mapProse(text, dropMarkers) : text;
}

/** Removes card markers anywhere and the run of tags that ends the first line. */
export function stripTagMarkup(text: string): string {
  if (!text.includes("#")) return text.trim();
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
