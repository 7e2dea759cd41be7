// Small helpers shared by the SVG charts: axis ranges and date labels.

/** A round axis maximum at or above `max` (1, 2, 5 × 10^n), never below 1. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const monthDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const monthName = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const longDate = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

// Learner dates are wall-calendar dates ("YYYY-MM-DD"), so they are formatted as UTC midnights.
const at = (date: string) => new Date(`${date.slice(0, 10)}T00:00:00Z`);

/** "Jun 12" */
export const shortDate = (date: string) => monthDay.format(at(date));
/** "Jun" */
export const shortMonth = (date: string) => monthName.format(at(date));
/** "June 2026" */
export const longMonth = (date: string) => monthYear.format(at(date));
/** "Fri, Jun 12, 2026" */
export const fullDate = (date: string) => longDate.format(at(date));
/** 0 for Monday … 6 for Sunday. */
export const weekdayIndex = (date: string) => (at(date).getUTCDay() + 6) % 7;

export const percent = (value: number | null) => (value === null ? "no reviews" : `${Math.round(value * 100)}%`);
