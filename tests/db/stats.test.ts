// The stats page's numbers from a real SQLite file: only the learner's own states and log, days
// that start at 4 a.m. in the learner's zone, cards of readable decks only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { createLearner, importDeck, type TestUser } from "../support/learners.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { learnerStats } = await import("@/lib/db/stats.ts");

// Noon in New York (UTC-4 in June).
const now = new Date("2026-06-15T16:00:00Z");
const DAY = 86_400_000;

let learner: TestUser;
let outsider: TestUser;

type StateInput = { state: number; due: Date; scheduledDays?: number; suspended?: boolean };
const stateRow = (userId: string, cardId: string, s: StateInput) => ({
  userId,
  cardId,
  due: s.due,
  stability: 5,
  difficulty: 5,
  elapsedDays: 1,
  scheduledDays: s.scheduledDays ?? 0,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  state: s.state,
  lastReview: new Date(now.getTime() - DAY),
  suspended: s.suspended ?? false,
});
const logRow = (userId: string, cardId: string, iso: string, rating: number, state: number, scheduledDays = 0) => ({
  userId,
  cardId,
  rating,
  state,
  due: new Date(iso),
  stability: 5,
  difficulty: 5,
  elapsedDays: 1,
  lastElapsedDays: 1,
  scheduledDays,
  learningSteps: 0,
  review: new Date(iso),
  durationMs: 3000,
});

beforeAll(async () => {
  learner = await createLearner("stats@example.com", "America/New_York");
  outsider = await createLearner("stats-outsider@example.com", "UTC");
  const [a, b, c] = await importDeck(learner.id, "Mine", ["a", "b", "c", "d"]);
  const [s1, s2, s3] = await importDeck("starter", "Starter", ["s1", "s2", "s3"]);
  const theirs = await importDeck(outsider.id, "Theirs", ["t1", "t2", "t3"]);
  // A starter card whose note was removed: suspended for everyone, counted nowhere.
  await prisma.card.update({ where: { id: s3! }, data: { suspended: true } });

  await prisma.cardState.createMany({
    data: [
      stateRow(learner.id, a!, { state: 2, due: new Date(now.getTime() - 2 * DAY), scheduledDays: 30 }), // overdue, mature
      stateRow(learner.id, b!, { state: 2, due: new Date("2026-06-16T14:00:00Z"), scheduledDays: 5 }), // tomorrow, young
      stateRow(learner.id, c!, { state: 1, due: new Date(now.getTime() + 10 * 60_000) }), // learning step today
      stateRow(learner.id, s1!, { state: 3, due: new Date("2026-06-17T14:00:00Z") }), // relearning, in two days
      stateRow(learner.id, s2!, { state: 2, due: new Date("2026-06-16T14:00:00Z"), scheduledDays: 40, suspended: true }),
      stateRow(learner.id, s3!, { state: 2, due: new Date("2026-06-16T14:00:00Z"), scheduledDays: 40 }),
      // The outsider's own states: none of them may reach the learner's charts.
      stateRow(outsider.id, s1!, { state: 2, due: now, scheduledDays: 50 }),
      ...theirs.map((id) => stateRow(outsider.id, id, { state: 1, due: now })),
    ],
  });
  await prisma.reviewLog.createMany({
    data: [
      logRow(learner.id, a!, "2026-06-15T12:00:00Z", 3, 2, 30), // 08:00 today
      logRow(learner.id, b!, "2026-06-15T07:30:00Z", 1, 2, 5), // 03:30: still the 14th's learner day
      logRow(learner.id, c!, "2026-06-14T15:00:00Z", 3, 1), // a learning step: not in true retention
      logRow(learner.id, b!, "2026-03-10T15:00:00Z", 2, 2, 10),
      logRow(learner.id, b!, "2025-01-01T15:00:00Z", 3, 2, 3), // more than a year ago
      ...Array.from({ length: 5 }, () => logRow(outsider.id, theirs[0]!, "2026-06-15T12:00:00Z", 1, 2, 40)),
    ],
  });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("learnerStats", () => {
  it("counts cards by state over the decks the learner can read, never-studied cards as new", async () => {
    const stats = await learnerStats(learner, now);
    // Four own cards and two active starter cards; the removed starter card and the outsider's deck are left out.
    expect(stats.states).toEqual({ new: 1, learning: 1, review: 2, relearning: 1, suspended: 1, total: 6 });
  });

  it("forecasts due cards per learner day, overdue ones today, suspended ones never", async () => {
    const { forecast } = await learnerStats(learner, now);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ date: "2026-06-15", learning: 1, young: 0, mature: 1, total: 2 });
    expect(forecast[1]).toEqual({ date: "2026-06-16", learning: 0, young: 1, mature: 0, total: 1 });
    expect(forecast[2]).toEqual({ date: "2026-06-17", learning: 1, young: 0, mature: 0, total: 1 });
    expect(forecast.slice(3).every((d) => d.total === 0)).toBe(true);
    expect(forecast[29]!.date).toBe("2026-07-14");
  });

  it("puts reviews into the learner's days (4 a.m. in New York) over the past year", async () => {
    const { reviewsPerDay, totalReviews } = await learnerStats(learner, now);
    expect(reviewsPerDay).toHaveLength(365);
    expect(reviewsPerDay.at(-1)).toEqual({ date: "2026-06-15", count: 1 });
    expect(reviewsPerDay.at(-2)).toEqual({ date: "2026-06-14", count: 2 });
    expect(reviewsPerDay.find((d) => d.date === "2026-03-10")?.count).toBe(1);
    expect(reviewsPerDay.reduce((sum, d) => sum + d.count, 0)).toBe(4);
    expect(totalReviews).toBe(5);
  });

  it("computes true retention by week and month from review-state grades only", async () => {
    const { retention } = await learnerStats(learner, now);
    expect(retention.weeks).toHaveLength(12);
    expect(retention.months).toHaveLength(12);
    expect(retention.weeks.at(-1)).toMatchObject({ start: "2026-06-15", reviews: 1, passed: 1, retention: 1 });
    // Sunday the 14th (the 03:30 Again) belongs to the week of Monday the 8th.
    expect(retention.weeks.at(-2)).toMatchObject({ start: "2026-06-08", reviews: 1, passed: 0, retention: 0 });
    expect(retention.months.at(-1)).toMatchObject({ label: "2026-06", reviews: 2, passed: 1, retention: 0.5 });
    expect(retention.months.find((m) => m.label === "2026-03")).toMatchObject({ reviews: 1, passed: 1 });
    expect(retention.months.find((m) => m.label === "2026-05")).toMatchObject({ reviews: 0, retention: null });
  });

  it("shows another learner only their own numbers", async () => {
    const stats = await learnerStats(outsider, now);
    expect(stats.totalReviews).toBe(5);
    expect(stats.reviewsPerDay.at(-1)).toEqual({ date: "2026-06-15", count: 5 });
    // Their three cards and the two active starter cards; s1 is in review for them.
    expect(stats.states).toEqual({ new: 1, learning: 3, review: 1, relearning: 0, suspended: 0, total: 5 });
    expect(stats.desiredRetention).toBe(0.9);
  });
});
