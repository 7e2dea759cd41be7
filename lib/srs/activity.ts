// What the learner already did today, summarised from today's review log rows for the queue's
// limits and sibling rule.

import { CardStateCode, type DayWindow } from "./types.ts";

export interface DeckActivity {
  /** Grades given today to cards in state New: cards introduced. */
  newIntroduced: number;
  /** Grades given today to cards in state Review. */
  reviewsDone: number;
}

export interface TodayActivity extends DeckActivity {
  byDeck?: Readonly<Record<string, DeckActivity>>;
  /** Notes with a card graded today: their other new and review cards wait for another day. */
  reviewedNoteKeys: ReadonlySet<string> | readonly string[];
}

export interface TodayLogEntry {
  deckId: string;
  noteKey: string;
  /** The card's state when it was graded (ReviewLog.state). */
  state: number;
  review: Date;
}

/** Summarises today's review log rows (others are ignored) into the counts `buildQueue` needs. */
export function activityToday(logs: Iterable<TodayLogEntry>, day: DayWindow): TodayActivity {
  const start = day.start.getTime();
  const end = day.end.getTime();
  const byDeck: Record<string, DeckActivity> = {};
  const reviewedNoteKeys = new Set<string>();
  let newIntroduced = 0;
  let reviewsDone = 0;
  for (const log of logs) {
    const t = log.review.getTime();
    if (t < start || t >= end) continue;
    reviewedNoteKeys.add(log.noteKey);
    const isNew = log.state === CardStateCode.New;
    const isReview = log.state === CardStateCode.Review;
    if (!isNew && !isReview) continue;
    const deck = (byDeck[log.deckId] ??= { newIntroduced: 0, reviewsDone: 0 });
    if (isNew) {
      newIntroduced++;
      deck.newIntroduced++;
    } else {
      reviewsDone++;
      deck.reviewsDone++;
    }
  }
  return { newIntroduced, reviewsDone, byDeck, reviewedNoteKeys };
}
