// The shapes the review screen and the review endpoint exchange.
export type { ReviewStep, ReviewCardView } from "@/lib/db/review/index.ts";

export type Rating = 1 | 2 | 3 | 4;

export const RATING_NAMES: Record<Rating, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

export interface ReviewError {
  error: string;
  /** "busy": nothing was saved; the same grade (same clientReviewId) can be sent again. */
  code?: "stale" | "not_found" | "invalid" | "unauthenticated" | "busy";
}
