// Review history a note carries for its cards, read into ReviewHistory (lib/notes/types.ts);
// lib/srs turns it into an FSRS state (docs/scheduling.md).
//  - Logseq writes `card-*` properties on a card block after each review
//    (https://github.com/logseq/logseq, src/main/frontend/extensions/srs.cljs);
//  - Obsidian's Spaced Repetition plugin writes `<!--SR:!due,interval,ease-->` after the card,
//    one `!due,interval,ease` per card of the block
//    (https://github.com/st3v3nmw/obsidian-spaced-repetition, docs/en/flashcards.md "Reviewing").

import { findProperty } from "../parse/properties.ts";
import type { Property } from "../tree.ts";
import type { ReviewHistory } from "../types.ts";

/** The properties Logseq's flashcards write; they are scheduling data, never card text. */
export const LOGSEQ_SRS_PROPERTIES = [
  "card-last-interval",
  "card-repeats",
  "card-ease-factor",
  "card-next-schedule",
  "card-last-reviewed",
  "card-last-score",
];

export function logseqHistory(properties: readonly Property[]): ReviewHistory | undefined {
  const value = (key: string) => findProperty(properties, key)?.value.trim() || undefined;
  const number = (key: string) => {
    const raw = value(key);
    const n = raw === undefined ? NaN : Number(raw);
    return Number.isFinite(n) ? n : undefined;
  };
  const history: ReviewHistory = { source: "logseq" };
  const interval = number("card-last-interval");
  const repeats = number("card-repeats");
  const ease = number("card-ease-factor");
  const due = value("card-next-schedule");
  const lastReviewed = value("card-last-reviewed");
  const lastScore = number("card-last-score");
  if (interval !== undefined) history.interval = interval;
  if (repeats !== undefined) history.repeats = repeats;
  if (ease !== undefined) history.ease = ease;
  if (due) history.due = due;
  if (lastReviewed) history.lastReviewed = lastReviewed;
  if (lastScore !== undefined) history.lastScore = lastScore;
  return Object.keys(history).length > 1 ? history : undefined;
}

export function srHistory(entry: { due: string; interval: number; ease: number }): ReviewHistory {
  return { source: "obsidian-sr", due: entry.due, interval: entry.interval, ease: entry.ease };
}
