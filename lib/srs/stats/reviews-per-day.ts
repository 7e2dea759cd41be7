// Reviews per learner day over the past year, for the heatmap.

import { learnerCalendar } from "../calendar.ts";

export interface DayCount {
  /** Local date of the learner day, "YYYY-MM-DD". */
  date: string;
  count: number;
}

/** One entry per learner day, oldest first, ending with today. */
export function reviewsPerDay(logs: Iterable<{ review: Date; count?: number }>, now: Date, timeZone: string, days = 365): DayCount[] {
  // A couple of spare days absorb daylight-saving days that are 23 hours long.
  const calendar = learnerCalendar(new Date(now.getTime() - (days + 1) * 86_400_000), now, timeZone);
  const first = Math.max(0, calendar.days - days);
  const counts = new Uint32Array(calendar.days);
  for (const log of logs) {
    const index = calendar.indexOf(log.review.getTime());
    if (index >= first && index < calendar.days) counts[index]! += log.count ?? 1;
  }
  const out: DayCount[] = [];
  for (let i = first; i < calendar.days; i++) out.push({ date: calendar.dates[i]!, count: counts[i]! });
  return out;
}
