import "server-only";
import {
  cardsByState,
  dueForecast,
  reviewsPerDay,
  trueRetention,
  type DayCount,
  type ForecastDay,
  type StateCounts,
  type TrueRetention,
} from "../srs/index.ts";
import { prisma } from "./client.ts";
import { loadSchedulerSettings } from "./review/settings.ts";
import { readableScopes } from "./library-scope.ts";
import type { SessionUser } from "./users.ts";

export interface LearnerStats {
  forecast: ForecastDay[];
  reviewsPerDay: DayCount[];
  retention: TrueRetention;
  states: StateCounts;
  desiredRetention: number;
  timeZone: string;
  totalReviews: number;
}

// A year of days plus the longest stretch the month series reaches back (12 months, from the
// first of the month), with a few spare days for daylight-saving shifts.
const HISTORY_DAYS = 365 + 31 + 3;

/** Every statistic the stats page shows, computed over this learner's own states and log only. */
export async function learnerStats(user: SessionUser, now: Date): Promise<LearnerStats> {
  const activeCards = { scope: { in: readableScopes(user) }, suspended: false };
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const [cardCount, states, logs, totalReviews, settings] = await Promise.all([
    prisma.card.count({ where: activeCards }),
    prisma.cardState.findMany({
      where: { userId: user.id, card: activeCards },
      select: { state: true, due: true, scheduledDays: true, suspended: true },
    }),
    prisma.reviewLog.findMany({
      where: { userId: user.id, review: { gte: since, lte: now } },
      select: { review: true, rating: true, state: true, scheduledDays: true },
    }),
    prisma.reviewLog.count({ where: { userId: user.id } }),
    loadSchedulerSettings(user.id),
  ]);
  // Cards without a row of this learner's were never studied: they count as new.
  const counts = cardsByState(states);
  const unstudied = Math.max(0, cardCount - states.length);
  return {
    forecast: dueForecast(states, now, user.timeZone, 30),
    reviewsPerDay: reviewsPerDay(logs, now, user.timeZone, 365),
    retention: trueRetention(logs, now, user.timeZone, { weeks: 12, months: 12 }),
    states: { ...counts, new: counts.new + unstudied, total: counts.total + unstudied },
    desiredRetention: settings.desiredRetention,
    timeZone: user.timeZone,
    totalReviews,
  };
}
