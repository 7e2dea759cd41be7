import "server-only";
import {
  CardStateCode,
  MATURE_INTERVAL_DAYS,
  cardsByState,
  dueForecast,
  reviewsPerDay,
  trueRetention,
  type DayCount,
  type ForecastCard,
  type RetentionLog,
  type ForecastDay,
  type StateCounts,
  type TrueRetention,
} from "../srs/index.ts";
import { prisma } from "./client.ts";
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

/** Each bucket's rows again, one log apiece at the bucket's start, for the lib/srs counters. */
function* reviewLogsOf(buckets: readonly ReviewBucket[]): Generator<RetentionLog> {
  const { Review, Learning } = CardStateCode;
  for (const b of buckets) {
    const kinds: Array<[number, RetentionLog]> = [
      [b.youngPassed, { review: b.start, rating: 3, state: Review, scheduledDays: 0 }],
      [b.youngGraded - b.youngPassed, { review: b.start, rating: 1, state: Review, scheduledDays: 0 }],
      [b.passed - b.youngPassed, { review: b.start, rating: 3, state: Review, scheduledDays: MATURE_INTERVAL_DAYS }],
      [
        b.graded - b.passed - (b.youngGraded - b.youngPassed),
        { review: b.start, rating: 1, state: Review, scheduledDays: MATURE_INTERVAL_DAYS },
      ],
      // The rest count as reviews done that day and nothing else.
      [b.reviews - b.graded, { review: b.start, rating: 3, state: Learning }],
    ];
    for (const [n, log] of kinds) for (let i = 0; i < n; i++) yield log;
  }
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
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  // The forecast's last day ends within 31 days of now, whatever the time zone.
  const forecastEnd = new Date(now.getTime() + (FORECAST_DAYS + 1) * 86_400_000);
  const reads = databaseEngine().statsReads;
  const [cardCount, stateBuckets, dueBuckets, reviewBuckets, totalReviews, settings] = await Promise.all([
    prisma.card.count({ where: { scope: { in: scopes }, suspended: false } }),
    reads.stateBuckets(user.id, scopes),
    reads.dueBuckets(user.id, scopes, forecastEnd, MATURE_INTERVAL_DAYS),
    reads.reviewBuckets(user.id, since, now, MATURE_INTERVAL_DAYS),
    prisma.reviewLog.count({ where: { userId: user.id } }),
    loadSchedulerSettings(user.id),
  ]);
  // Cards without a row of this learner's were never studied: they count as new.
  const counts = stateBuckets.reduce((sum, b) => {
    const one = cardsByState([{ state: b.state, suspended: b.suspended }]);
    for (const key of Object.keys(sum) as Array<keyof StateCounts>) sum[key] += one[key] * b.cards;
    return sum;
  }, cardsByState([]));
  const unstudied = Math.max(0, cardCount - counts.total);
  return {
    forecast: dueForecast(dueCardsOf(dueBuckets), now, user.timeZone, FORECAST_DAYS),
    reviewsPerDay: reviewsPerDay(reviewLogsOf(reviewBuckets), now, user.timeZone, 365),
    retention: trueRetention(reviewLogsOf(reviewBuckets), now, user.timeZone, { weeks: 12, months: 12 }),
    states: { ...counts, new: counts.new + unstudied, total: counts.total + unstudied },
    desiredRetention: settings.desiredRetention,
    timeZone: user.timeZone,
    totalReviews,
  };
}
