// The shapes the review screen and the review endpoint exchange.
export type { ReviewScreenState, ReviewCardView } from "@/lib/db/review/index.ts";

export { RATINGS, RATING_NAMES, type Rating } from "@/lib/srs/index.ts";

export interface ReviewError {
  error: string;
  /** "database_busy": nothing was saved; the same grade (same clientReviewId) can be sent again. */
  code?: "stale" | "not_found" | "invalid" | "unauthenticated" | "database_busy" | "cross_origin" | "unsupported_media_type";
}
