// True retention, the way Anki's statistics count it: among grades given to cards that were in
// Review state (the card had been learned and its interval had elapsed), the share answered
// Hard, Good or Easy rather than Again. Learning and relearning steps are left out because they
// measure short-term memory, not whether the scheduled interval worked.

import { addDays, daysBetweenDates, learnerCalendar } from "../calendar.ts";
import { CardStateCode } from "../types.ts";
import { MATURE_INTERVAL_DAYS } from "./forecast.ts";

export interface RetentionLog {
  review: Date;
  rating: number;
  /** The card's state when graded (ReviewLog.state). */
  state: number;
  /** The interval the card had when graded (ReviewLog.scheduledDays); splits young and mature. */
  scheduledDays?: number;
  /** How many grades this entry stands for (a database's count of alike rows); 1 when absent. */
  count?: number;
}

export interface PassCount {
  reviews: number;
  passed: number;
  /** passed / reviews, null when there were no reviews. */
  retention: number | null;
}

export interface RetentionPeriod extends PassCount {
  /** First local date of the period ("YYYY-MM-DD"; weeks start on Monday). */
  start: string;
  /** "2026-W19"-style week label or "2026-05" month label. */
  label: string;
  young: PassCount;
  mature: PassCount;
}

export interface TrueRetention {
  weeks: RetentionPeriod[];
  months: RetentionPeriod[];
}

interface Tally {
  reviews: number;
  passed: number;
  youngReviews: number;
  youngPassed: number;
}

function passCount(reviews: number, passed: number): PassCount {
  return { reviews, passed, retention: reviews === 0 ? null : passed / reviews };
}

function period(start: string, label: string, t: Tally): RetentionPeriod {
  return {
    start,
    label,
    ...passCount(t.reviews, t.passed),
    young: passCount(t.youngReviews, t.youngPassed),
    mature: passCount(t.reviews - t.youngReviews, t.passed - t.youngPassed),
  };
}

/** Monday (ISO weekday 1) on or before `date`. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** ISO 8601 week label, e.g. "2026-W19". */
function isoWeekLabel(monday: string): string {
  const thursday = addDays(monday, 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetweenDates(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function monthsBefore(month: string, count: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** True retention for the last `weeks` weeks and `months` months, oldest first, ending with the current ones. */
export function trueRetention(
  logs: Iterable<RetentionLog>,
  now: Date,
  timeZone: string,
  { weeks = 12, months = 12 }: { weeks?: number; months?: number } = {},
): TrueRetention {
  // Find today's date, then the first day either series needs.
  const todayCalendar = learnerCalendar(now, now, timeZone);
  const today = todayCalendar.dates[0]!;
  const firstMonday = addDays(mondayOf(today), -7 * (weeks - 1));
  const firstMonth = monthsBefore(today.slice(0, 7), months - 1);
  const firstDate = firstMonday < `${firstMonth}-01` ? firstMonday : `${firstMonth}-01`;
  const spanDays = daysBetweenDates(firstDate, today) + 2;
  const calendar = learnerCalendar(new Date(now.getTime() - spanDays * 86_400_000), now, timeZone);

  const perDay: Tally[] = Array.from({ length: calendar.days }, () => ({ reviews: 0, passed: 0, youngReviews: 0, youngPassed: 0 }));
  for (const log of logs) {
    if (log.state !== CardStateCode.Review || log.rating < 1 || log.rating > 4) continue;
    const tally = perDay[calendar.indexOf(log.review.getTime())];
    if (!tally) continue;
    const n = log.count ?? 1;
    const passed = log.rating > 1 ? n : 0;
    tally.reviews += n;
    tally.passed += passed;
    if ((log.scheduledDays ?? 0) < MATURE_INTERVAL_DAYS) {
      tally.youngReviews += n;
      tally.youngPassed += passed;
    }
  }

  const weekTallies = new Map<string, Tally>();
  const monthTallies = new Map<string, Tally>();
  const add = (map: Map<string, Tally>, key: string, t: Tally) => {
    const into = map.get(key);
    if (!into) return;
    into.reviews += t.reviews;
    into.passed += t.passed;
    into.youngReviews += t.youngReviews;
    into.youngPassed += t.youngPassed;
  };
  const empty = (): Tally => ({ reviews: 0, passed: 0, youngReviews: 0, youngPassed: 0 });
  for (let w = 0; w < weeks; w++) weekTallies.set(addDays(firstMonday, 7 * w), empty());
  for (let m = months - 1; m >= 0; m--) monthTallies.set(monthsBefore(today.slice(0, 7), m), empty());
  calendar.dates.forEach((date, i) => {
    const t = perDay[i]!;
    if (t.reviews === 0) return;
    add(weekTallies, mondayOf(date), t);
    add(monthTallies, date.slice(0, 7), t);
  });

  return {
    weeks: [...weekTallies].map(([monday, t]) => period(monday, isoWeekLabel(monday), t)),
    months: [...monthTallies].map(([month, t]) => period(`${month}-01`, month, t)),
  };
}
