// A run of consecutive learner days (4 a.m. to 4 a.m. in the learner's zone), so statistics and
// the optimizer can put hundreds of thousands of timestamps into days with a binary search instead
// of a time-zone conversion each.

import { DEFAULT_ROLLOVER_HOUR, learnerDay } from "./day.ts";

export interface LearnerCalendar {
  /** Number of days covered. */
  readonly days: number;
  /** Day i is [bounds[i], bounds[i + 1]) in ms since the epoch; bounds has days + 1 entries. */
  readonly bounds: Float64Array;
  /** Local calendar date of each day, "YYYY-MM-DD". */
  readonly dates: readonly string[];
  /** Index of the day holding `ms`: -1 before the first day, `days` after the last. */
  indexOf(ms: number): number;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD" of `instant` on the wall calendar of `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  let format = dateFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormatters.set(timeZone, format);
  }
  let year = "";
  let month = "";
  let day = "";
  for (const part of format.formatToParts(instant)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  return `${year.padStart(4, "0")}-${month}-${day}`;
}

const DAY_MS = 86_400_000;
const WEEK = 7;

/** The learner days from the one holding `from` through the one holding `to`. */
export function learnerCalendar(from: Date, to: Date, timeZone: string, rolloverHour = DEFAULT_ROLLOVER_HOUR): LearnerCalendar {
  const first = learnerDay(from, timeZone, rolloverHour);
  const bounds: number[] = [first.start.getTime()];
  const dates: string[] = [localDate(first.start, timeZone)];
  const last = to.getTime();
  let end = first.end.getTime();
  while (end <= last) {
    const start = bounds[bounds.length - 1]!;
    const date = dates[dates.length - 1]!;
    // Time-zone lookups are slow, and most weeks have no daylight-saving change: if a learner
    // day starts exactly 7 x 24 h after this 24-hour day, every day in between is 24 h long.
    const weekLater = start + WEEK * DAY_MS;
    if (
      end === start + DAY_MS &&
      weekLater <= last &&
      learnerDay(new Date(weekLater), timeZone, rolloverHour).start.getTime() === weekLater
    ) {
      for (let k = 1; k < WEEK; k++) {
        bounds.push(start + k * DAY_MS);
        dates.push(addDays(date, k));
      }
      end = weekLater;
      continue;
    }
    const day = learnerDay(new Date(end), timeZone, rolloverHour);
    bounds.push(day.start.getTime());
    // The day starts at the rollover hour of its own date, so that instant names the date.
    dates.push(localDate(day.start, timeZone));
    end = day.end.getTime();
  }
  bounds.push(end);
  const typed = Float64Array.from(bounds);
  const days = dates.length;
  return {
    days,
    bounds: typed,
    dates,
    indexOf(ms: number): number {
      if (ms < typed[0]!) return -1;
      if (ms >= typed[days]!) return days;
      let lo = 0;
      let hi = days - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (typed[mid]! <= ms) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

/** Whole days between two "YYYY-MM-DD" dates (b - a). */
export function daysBetweenDates(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** "YYYY-MM-DD" shifted by `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}
