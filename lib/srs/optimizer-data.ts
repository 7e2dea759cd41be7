// Turns a learner's review log into the per-card histories the FSRS optimizer trains on, following
// what Anki and @open-spaced-repetition/binding's CSV converter do:
//   - reviews are grouped by card and ordered by time;
//   - only the card's last run of learning (the last block of grades given in New/Learning state,
//     i.e. since it was last introduced or reset) and what follows it count; a card with no such
//     run (its start is missing from the log) is left out;
//   - the gap before each review is counted in whole learner days (4 a.m. rollover in the
//     learner's zone), 0 for the first review and for reviews on the same day;
//   - each review on a later day than the previous one is one training item: the optimizer
//     predicts its outcome from the reviews before it. Same-day reviews stay in the history
//     (FSRS-6 models short-term memory) but are not predicted.
// Plain numbers only: no dependency on the native binding, so this part is testable anywhere.

import { learnerCalendar } from "./calendar.ts";
import { DEFAULT_ROLLOVER_HOUR } from "./day.ts";
import { CardStateCode } from "./types.ts";

export interface OptimizerLog {
  cardId: string;
  review: Date;
  rating: number;
  /** The card's state when graded (ReviewLog.state). */
  state: number;
}

export interface TrainingReview {
  rating: number;
  /** Learner days since the previous review of this card. */
  deltaT: number;
}

export interface TrainingHistory {
  cardId: string;
  reviews: TrainingReview[];
  /** Indexes into `reviews` of the reviews to predict (those with deltaT > 0). */
  targets: number[];
}

export interface TrainingData {
  histories: TrainingHistory[];
  /** Number of training items (the optimizer's "FSRS items"): sum of targets. */
  items: number;
  /** Reviews of the cards that contribute at least one item, after filtering. */
  reviewsUsed: number;
}

function isLearningState(state: number): boolean {
  return state === CardStateCode.New || state === CardStateCode.Learning;
}

export function trainingData(
  logs: Iterable<OptimizerLog>,
  { timeZone = "UTC", rolloverHour = DEFAULT_ROLLOVER_HOUR }: { timeZone?: string; rolloverHour?: number } = {},
): TrainingData {
  const byCard = new Map<string, OptimizerLog[]>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const log of logs) {
    if (log.rating < 1 || log.rating > 4) continue;
    const t = log.review.getTime();
    if (!Number.isFinite(t)) continue;
    if (t < first) first = t;
    if (t > last) last = t;
    let list = byCard.get(log.cardId);
    if (!list) byCard.set(log.cardId, (list = []));
    list.push(log);
  }
  if (byCard.size === 0) return { histories: [], items: 0, reviewsUsed: 0 };

  const calendar = learnerCalendar(new Date(first), new Date(last), timeZone, rolloverHour);
  const histories: TrainingHistory[] = [];
  let items = 0;
  let reviewsUsed = 0;

  for (const [cardId, list] of byCard) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.review.getTime() - b.review.getTime());
    let start = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (isLearningState(list[i]!.state)) start = i;
      else if (start >= 0) break;
    }
    if (start < 0 || list.length - start < 2) continue;

    const reviews: TrainingReview[] = [];
    const targets: number[] = [];
    let previousDay = calendar.indexOf(list[start]!.review.getTime());
    for (let i = start; i < list.length; i++) {
      const log = list[i]!;
      const day = calendar.indexOf(log.review.getTime());
      const deltaT = i === start ? 0 : Math.max(0, day - previousDay);
      previousDay = day;
      if (deltaT > 0) targets.push(reviews.length);
      reviews.push({ rating: log.rating, deltaT });
    }
    if (targets.length === 0) continue;
    histories.push({ cardId, reviews, targets });
    items += targets.length;
    reviewsUsed += reviews.length;
  }
  return { histories, items, reviewsUsed };
}
