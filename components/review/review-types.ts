// The shapes the review screen and the review endpoints exchange.

export type Rating = 1 | 2 | 3 | 4;

export const RATING_NAMES: Record<Rating, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

export interface ReviewCardView {
  cardId: string;
  /** The learner's state version when this card was shown; a grade from a stale screen is refused. */
  version: number;
  deckPath: string;
  kind: string;
  frontHtml: string;
  backHtml: string;
  /** Next interval for each grade, from the scheduler's preview. */
  intervals: Record<Rating, string>;
  isNew: boolean;
}

export interface QueueCounts {
  learning: number;
  review: number;
  new: number;
}

export interface ReviewStep {
  card: ReviewCardView | null;
  counts: QueueCounts;
  /** Present after a grade: what undo would take back. */
  undo: { reviewLogId: string; cardId: string } | null;
  /** When the next learning card comes due, if the queue is empty only for now. */
  nextLearningAt: string | null;
}

export interface ReviewError {
  error: string;
  code?: "stale" | "not_found" | "invalid" | "unauthenticated";
}
