// Card identity. A key must survive unrelated edits (lines added above, other cards changed), so it
// never uses line numbers: it hashes the file path, the deck path and the card's front with
// formatting and case folded away. A Logseq `id::` is the author's own identity and wins.

import { cyrb53Hex } from "../../random/index.ts";

export function normaliseFront(front: string): string {
  return front
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[*_`~=#>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function derivedKey(path: string, deckPath: readonly string[], front: string): string {
  return cyrb53Hex([path, deckPath.join("\u241f"), normaliseFront(front)].join("\u241e"));
}

export function idKey(id: string): string {
  return `id:${id.trim().toLowerCase()}`;
}

/**
 * Gives repeated keys a `~2`, `~3`… suffix in document order, so two identical fronts in one deck
 * stay two cards and the first keeps its plain key.
 */
export function disambiguate<T extends { key: string; noteKey: string }>(drafts: T[], seen = new Map<string, number>()): T[] {
  for (const draft of drafts) {
    const count = (seen.get(draft.key) ?? 0) + 1;
    seen.set(draft.key, count);
    if (count > 1) {
      const suffix = `~${count}`;
      if (draft.noteKey === draft.key) draft.noteKey += suffix;
      draft.key += suffix;
    }
  }
  return drafts;
}
