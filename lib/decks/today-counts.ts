// What each deck offers today once the daily limits are applied, as the review queue applies them
// (lib/srs/queue.ts): reviews first, then new cards, both within what the learner's overall and
// per-deck limits leave after today's grades; (re)learning cards are never limited. And why a deck
// with cards waiting shows none: which limit stopped them.

import type { QueueLimits, TodayActivity } from "../srs/index.ts";

export interface DeckWaiting {
  deckId: string;
  /** Cards the learner has never studied. */
  unstudied: number;
  /** (Re)learning cards due before the day ends. */
  learning: number;
  /** Review cards due before the day ends. */
  review: number;
}

/** Which daily limit held cards back: the deck's own, or the learner's limit for all decks. */
export type LimitHeld = { kind: "new" | "review"; scope: "deck" | "all"; perDay: number; waiting: number };

export interface DeckToday {
  deckId: string;
  new: number;
  learning: number;
  review: number;
  /** Set when cards are due or new but a daily limit leaves fewer (or none) to study today. */
  held: LimitHeld | null;
  /** What waits in the deck before the limits: never-studied cards and reviews due. */
  before: { new: number; review: number };
}

const positive = (n: number) => Math.max(0, n);

export function deckToday(deck: DeckWaiting, limits: QueueLimits, today: TodayActivity): DeckToday {
  const own = limits.decks?.[deck.deckId] ?? {};
  const done = today.byDeck?.[deck.deckId] ?? { newIntroduced: 0, reviewsDone: 0 };
  // As in Anki, a new card introduced counts against the review limit too.
  const allReviewsLeft = positive(limits.reviewsPerDay - today.reviewsDone - today.newIntroduced);
  const deckReviewsLeft = own.reviewsPerDay === undefined ? Infinity : positive(own.reviewsPerDay - done.reviewsDone - done.newIntroduced);
  const review = Math.min(deck.review, allReviewsLeft, deckReviewsLeft);
  const allNewLeft = positive(Math.min(limits.newPerDay - today.newIntroduced, allReviewsLeft - review));
  const deckNewLeft = own.newPerDay === undefined ? Infinity : positive(own.newPerDay - done.newIntroduced);
  const fresh = Math.min(deck.unstudied, allNewLeft, deckNewLeft, deckReviewsLeft - review);

  let held: LimitHeld | null = null;
  if (review < deck.review) {
    const scope = deckReviewsLeft < allReviewsLeft ? "deck" : "all";
    held = { kind: "review", scope, perDay: scope === "deck" ? own.reviewsPerDay! : limits.reviewsPerDay, waiting: deck.review - review };
  } else if (fresh < deck.unstudied) {
    const scope = deckNewLeft < allNewLeft ? "deck" : "all";
    held = { kind: "new", scope, perDay: scope === "deck" ? own.newPerDay! : limits.newPerDay, waiting: deck.unstudied - fresh };
  }
  return { deckId: deck.deckId, new: fresh, learning: deck.learning, review, held, before: { new: deck.unstudied, review: deck.review } };
}

/** Totals over many decks, which still share the learner's overall limits; `held` names those limits only. */
export function totalToday(decks: readonly DeckToday[], limits: QueueLimits, today: TodayActivity) {
  const sum = (pick: (d: DeckToday) => number) => decks.reduce((n, d) => n + pick(d), 0);
  const allReviewsLeft = positive(limits.reviewsPerDay - today.reviewsDone - today.newIntroduced);
  const review = Math.min(
    sum((d) => d.review),
    allReviewsLeft,
  );
  const allNewLeft = positive(Math.min(limits.newPerDay - today.newIntroduced, allReviewsLeft - review));
  const fresh = Math.min(
    sum((d) => d.new),
    allNewLeft,
  );
  const [dueBefore, newBefore] = [sum((d) => d.before.review), sum((d) => d.before.new)];
  let held: LimitHeld | null = null;
  if (review === allReviewsLeft && review < dueBefore) {
    held = { kind: "review", scope: "all", perDay: limits.reviewsPerDay, waiting: dueBefore - review };
  } else if (fresh === allNewLeft && fresh < newBefore) {
    held = { kind: "new", scope: "all", perDay: limits.newPerDay, waiting: newBefore - fresh };
  }
  return { new: fresh, learning: sum((d) => d.learning), review, held };
}
