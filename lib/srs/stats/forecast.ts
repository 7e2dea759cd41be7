// How many cards fall due on each of the coming learner days, for the forecast chart.

import { learnerCalendar } from "../calendar.ts";
import { CardStateCode } from "../types.ts";

export interface ForecastCard {
  /** Card state code, null for a card never studied. */
  state: number | null;
  due: Date;
  /** Interval of a review card; 21 days or more counts as mature, as in Anki. */
  scheduledDays?: number;
  suspended?: boolean | null;
}

export interface ForecastDay {
  /** Local date of the learner day, "YYYY-MM-DD". */
  date: string;
  learning: number;
  young: number;
  mature: number;
  total: number;
}

export const MATURE_INTERVAL_DAYS = 21;

/** Due counts for today and the following days; overdue cards are counted today. */
export function dueForecast(cards: Iterable<ForecastCard>, now: Date, timeZone: string, days = 30): ForecastDay[] {
  const calendar = learnerCalendar(now, new Date(now.getTime() + (days - 1) * 86_400_000), timeZone);
  const span = Math.min(days, calendar.days);
  const out: ForecastDay[] = calendar.dates.slice(0, span).map((date) => ({ date, learning: 0, young: 0, mature: 0, total: 0 }));
  for (const card of cards) {
    if (card.suspended || card.state === null || card.state === CardStateCode.New) continue;
    const index = Math.max(0, calendar.indexOf(card.due.getTime()));
    const day = out[index];
    if (!day) continue;
    if (card.state === CardStateCode.Review) {
      if ((card.scheduledDays ?? 0) >= MATURE_INTERVAL_DAYS) day.mature++;
      else day.young++;
    } else day.learning++;
    day.total++;
  }
  return out;
}
