"use client";
import { RATING_NAMES, RATINGS } from "@/lib/srs/index.ts";
import type { Rating } from "@/lib/offline-review/index.ts";
import { spokenInterval } from "./spoken.ts";

export function GradeButtons({
  intervals,
  onGrade,
}: {
  intervals: readonly [string, string, string, string];
  /** `at`: the tap's or click's event time, from which the paint of the next card is timed. */
  onGrade: (rating: Rating, at: number) => void;
}) {
  return (
    <div className="grades" role="group" aria-label="How well did you remember?">
      {RATINGS.map((rating) => {
        const interval = intervals[rating - 1]!;
        return (
          <button
            key={rating}
            type="button"
            className={`button grade grade-${rating}`}
            onClick={(event) => onGrade(rating, event.timeStamp)}
            aria-keyshortcuts={String(rating)}
            data-testid={`grade-${rating}`}
          >
            <span className="grade-interval" aria-hidden="true">
              {interval}
            </span>
            <span className="grade-name" aria-hidden="true">
              {RATING_NAMES[rating]}
            </span>
            {/* The name screen readers hear, "Again, 1 minute", from the content (no aria-label, so it contains what is seen). */}
            <span className="visually-hidden">{`${RATING_NAMES[rating]}, ${spokenInterval(interval)}`}</span>
            <kbd className="grade-key" aria-hidden="true">
              {rating}
            </kbd>
          </button>
        );
      })}
    </div>
  );
}
