// A card's Anki review log replayed through this app's scheduler (ts-fsrs, lib/srs gradeCard), so
// the card's FSRS state here is what its grades say, whatever scheduler Anki used. Each graded
// entry becomes one review-log row. Manual entries (type 4: "set due date", "forget") and
// rescheduling entries (type 5) are no grades and are skipped and counted; a "forget" (manual,
// interval 0) starts the card over, as it did in Anki.
import { gradeCard, isRating, type CardSettings, type Rating, type ReviewLogValues, type SchedulingState } from "../srs/index.ts";
import type { AnkiRevlog } from "./collection.ts";

const MANUAL = 4;
const RESCHEDULED = 5;

export interface ImportedReview {
  /** Anki's revlog id (epoch ms of the review): the row's identity on re-import. */
  revlogId: number;
  rating: Rating;
  durationMs: number;
  log: ReviewLogValues;
}

export interface Replay {
  /** After the last grade; null when nothing was graded (or all was forgotten since). */
  state: SchedulingState | null;
  reviews: ImportedReview[];
  /** Entries that were not grades. */
  skipped: number;
}

/** `entries` are one card's, in any order; `cardId` seeds fuzz when the settings turn it on. */
export function replayRevlog(entries: readonly AnkiRevlog[], settings: CardSettings, cardId: string): Replay {
  const ordered = [...entries].sort((a, b) => a.id - b.id);
  let state: SchedulingState | null = null;
  const reviews: ImportedReview[] = [];
  let skipped = 0;
  for (const entry of ordered) {
    if (entry.type === MANUAL || entry.type === RESCHEDULED || !isRating(entry.ease)) {
      skipped += 1;
      if (entry.type === MANUAL && entry.ivl === 0 && entry.ease === 0) state = null;
      continue;
    }
    const review = new Date(entry.id);
    const result = gradeCard(state, entry.ease, review, settings, cardId);
    state = result.next;
    reviews.push({ revlogId: entry.id, rating: entry.ease, durationMs: clampDuration(entry.time), log: result.log });
  }
  return { state, reviews, skipped };
}

/** Anki caps answer time at its "maximum answer seconds" (60 by default); a stray value is bounded here too. */
function clampDuration(ms: number): number {
  return Number.isFinite(ms) ? Math.min(Math.max(0, Math.round(ms)), 3_600_000) : 0;
}
