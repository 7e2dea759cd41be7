import "server-only";
import {
  CardStateCode,
  MATURE_INTERVAL_DAYS,
  cardsByState,
  dueForecast,
  learnerCalendar,
  reviewsPerDay,
  trueRetention,
  type DayCount,
  type ForecastCard,
  type RetentionLog,
  type ForecastDay,
  type StateCounts,
  type TrueRetention,
} from "../srs/index.ts";
import { databaseEngine } from "./engine/index.ts";
import type { DueBucket, ReviewBucket } from "./engine/ports.ts";
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
const FORECAST_DAYS = 30;

/** Each day's counts as weighted logs (one entry per kind of grade), for the lib/srs counters. */
function reviewLogsOf(buckets: readonly ReviewBucket[]): RetentionLog[] {
  const { Review, Learning } = CardStateCode;
  return buckets.flatMap((b): RetentionLog[] => {
    const youngFailed = b.youngGraded - b.youngPassed;
    return [
      { review: b.start, rating: 3, state: Review, scheduledDays: 0, count: b.youngPassed },
      { review: b.start, rating: 1, state: Review, scheduledDays: 0, count: youngFailed },
      { review: b.start, rating: 3, state: Review, scheduledDays: MATURE_INTERVAL_DAYS, count: b.passed - b.youngPassed },
      { review: b.start, rating: 1, state: Review, scheduledDays: MATURE_INTERVAL_DAYS, count: b.graded - b.passed - youngFailed },
      // The rest count as reviews done that day and nothing else.
      { review: b.start, rating: 3, state: Learning, count: b.reviews - b.graded },
    ].filter((log) => log.count! > 0);
  });
}

function* dueCardsOf(buckets: readonly DueBucket[]): Generator<ForecastCard> {
  for (const b of buckets) {
    const card = { state: b.state, due: b.start, scheduledDays: b.mature ? MATURE_INTERVAL_DAYS : 0 };
    for (let i = 0; i < b.cards; i++) yield card;
  }
}

/** Every statistic the stats page shows, computed over this learner's own states and log only. */
export async function learnerStats(user: SessionUser, now: Date): Promise<LearnerStats> {
  const scopes = readableScopes(user);
  const days = learnerCalendar(new Date(now.getTime() - HISTORY_DAYS * 86_400_000), now, user.timeZone);
  const bounds = Array.from(days.bounds, (ms) => new Date(ms));
  // The forecast's last day ends within 31 days of now, whatever the time zone.
  const forecastEnd = new Date(now.getTime() + (FORECAST_DAYS + 1) * 86_400_000);
  const reads = databaseEngine().statsReads;
  // The longest count first: the engine may run them side by side (SQLite's read threads).
  const [reviewBuckets, stateBuckets, dueBuckets, totalReviews, settings] = await Promise.all([
    reads.reviewBuckets(user.id, bounds, MATURE_INTERVAL_DAYS),
    reads.stateBuckets(user.id, scopes),
    reads.dueBuckets(user.id, scopes, forecastEnd, MATURE_INTERVAL_DAYS),
    reads.reviewCount(user.id),
    loadSchedulerSettings(user.id),
  ]);
  // Cards without a row of this learner's (state null) were never studied: they count as new.
  const states = stateBuckets.reduce((sum, b) => {
    const one = cardsByState([{ state: b.state, suspended: b.suspended }]);
    for (const key of Object.keys(sum) as Array<keyof StateCounts>) sum[key] += one[key] * b.cards;
    return sum;
  }, cardsByState([]));
  const logs = reviewLogsOf(reviewBuckets);
  return {
    forecast: dueForecast(dueCardsOf(dueBuckets), now, user.timeZone, FORECAST_DAYS),
    reviewsPerDay: reviewsPerDay(logs, now, user.timeZone, 365),
    retention: trueRetention(logs, now, user.timeZone, { weeks: 12, months: 12 }),
    states,
    desiredRetention: settings.desiredRetention,
    timeZone: user.timeZone,
    totalReviews,
  };
}
