// How many cards are in each state, for the "cards by state" chart.

import { CardStateCode } from "../types.ts";

export interface StateCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  /** Suspended cards are counted here only, whatever their scheduling state. */
  suspended: number;
  total: number;
}

export function cardsByState(cards: Iterable<{ state: number | null; suspended?: boolean | null }>): StateCounts {
  const counts: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, total: 0 };
  for (const card of cards) {
    counts.total++;
    if (card.suspended) counts.suspended++;
    else if (card.state === null || card.state === CardStateCode.New) counts.new++;
    else if (card.state === CardStateCode.Learning) counts.learning++;
    else if (card.state === CardStateCode.Review) counts.review++;
    else if (card.state === CardStateCode.Relearning) counts.relearning++;
    else throw new RangeError(`Unknown card state ${card.state}`);
  }
  return counts;
}
