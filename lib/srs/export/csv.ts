// The review log as CSV in the columns the FSRS optimizer reads (fsrs-rs, the Python optimizer and
// @open-spaced-repetition/binding's convertCsvToFsrsItems): card_id, review_time (ms since the
// epoch), review_rating (1-4), review_state (0 New, 1 Learning, 2 Review, 3 Relearning: the state
// when graded) and review_duration (ms).

export const REVIEW_CSV_COLUMNS = ["card_id", "review_time", "review_rating", "review_state", "review_duration"] as const;
export const REVIEW_CSV_HEADER = REVIEW_CSV_COLUMNS.join(",");

export interface CsvReview {
  cardId: string;
  review: Date;
  rating: number;
  state: number;
  durationMs: number;
}

// review_duration is read as an unsigned 32-bit integer.
const MAX_DURATION = 4_294_967_295;

/** RFC 4180 quoting: only fields holding a comma, a quote or a line break are quoted. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function integer(value: number, name: string): string {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
  return String(Math.trunc(value));
}

export function reviewCsvRow(r: CsvReview): string {
  const duration = Math.min(MAX_DURATION, Math.max(0, Math.round(Number.isFinite(r.durationMs) ? r.durationMs : 0)));
  return [
    csvField(r.cardId),
    integer(r.review.getTime(), "review_time"),
    integer(r.rating, "review_rating"),
    integer(r.state, "review_state"),
    String(duration),
  ].join(",");
}

/** Header and one line per review, in the order given, each line ending with "\n". */
export function reviewsToCsv(reviews: Iterable<CsvReview>): string {
  const lines = [REVIEW_CSV_HEADER];
  for (const r of reviews) lines.push(reviewCsvRow(r));
  return `${lines.join("\n")}\n`;
}
