// The PostgreSQL engine's counts at their edges, through the ports: a grade on a bound belongs to
// the span it starts, one a millisecond before to the span before, and none outside the first and
// last bound counts; spans without grades are left out; due cards fall in the quarter hour their
// due time starts, to the millisecond. The same answers lib/srs gives on the raw rows (see
// stats-buckets.test.ts, which runs on both engines). Runs on PostgreSQL only (npm run test:db:postgresql).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLearner, importDeck, type TestUser } from "../support/learners.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { databaseEngine } = await import("@/lib/db/engine/index.ts");

const at = (iso: string) => new Date(iso);
const MS = 1;
const bounds = [at("2026-06-10T22:30:00Z"), at("2026-06-11T22:30:00Z"), at("2026-06-12T22:30:00Z"), at("2026-06-13T22:30:00Z")];
let learner: TestUser;
let cardIds: string[];

const log = (review: Date, rating: number, state: number, scheduledDays: number) => ({
  userId: learner.id,
  cardId: cardIds[0]!,
  review,
  rating,
  state,
  scheduledDays,
  due: review,
  stability: 5,
  difficulty: 5,
  elapsedDays: 1,
  lastElapsedDays: 1,
  learningSteps: 0,
});

const state = (cardId: string, due: Date, scheduledDays: number, overrides: { state?: number; suspended?: boolean } = {}) => ({
  userId: learner.id,
  cardId,
  due,
  stability: 5,
  difficulty: 5,
  elapsedDays: 1,
  scheduledDays,
  learningSteps: 0,
  reps: 2,
  lapses: 0,
  state: overrides.state ?? 2,
  suspended: overrides.suspended ?? false,
  lastReview: null,
});

beforeAll(async () => {
  learner = await createLearner("pg-stats@example.com", "Asia/Kolkata");
  cardIds = await importDeck(learner.id, "Edges", ["a", "b", "c", "d", "e"]);
  await prisma.reviewLog.createMany({
    data: [
      log(new Date(bounds[0]!.getTime() - MS), 3, 2, 3), // before the first span: not counted
      log(bounds[0]!, 1, 2, 3), // first span: graded, failed, young
      log(new Date(bounds[1]!.getTime() - MS), 3, 2, 30), // first span: graded, passed, mature
      log(new Date(bounds[1]!.getTime() - MS), 3, 1, 0), // first span: a learning grade, counted as a review only
      // the second span has no grades
      log(bounds[2]!, 2, 2, 20), // third span: passed, young (20 < 21)
      log(new Date(bounds[3]!.getTime() - MS), 4, 2, 21), // third span: passed, mature (21 >= 21)
      log(bounds[3]!, 3, 2, 3), // the last bound ends the spans: not counted
    ],
  });
  await prisma.cardState.createMany({
    data: [
      state(cardIds[0]!, at("2026-06-14T10:14:59.999Z"), 30),
      state(cardIds[1]!, at("2026-06-14T10:00:00.000Z"), 3),
      state(cardIds[2]!, at("2026-06-14T10:15:00.000Z"), 30),
      state(cardIds[3]!, at("2026-06-14T10:20:00.000Z"), 1, { state: 1 }),
      state(cardIds[4]!, at("2026-06-14T10:05:00.000Z"), 30, { suspended: true }),
    ],
  });
});

afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("stats reads on PostgreSQL", () => {
  it("counts grades per span between the caller's bounds, leaving out spans without grades", async () => {
    const buckets = await databaseEngine().statsReads.reviewBuckets(learner.id, bounds, 21);
    expect(buckets).toEqual([
      { start: bounds[0], reviews: 3, graded: 2, passed: 1, youngGraded: 1, youngPassed: 0 },
      { start: bounds[2], reviews: 2, graded: 2, passed: 2, youngGraded: 1, youngPassed: 1 },
    ]);
    expect(await databaseEngine().statsReads.reviewBuckets(learner.id, bounds.slice(0, 1), 21)).toEqual([]);
    expect(await databaseEngine().statsReads.reviewCount(learner.id)).toBe(7);
  });

  it("groups due cards by the quarter hour their due time starts, by state and maturity", async () => {
    const buckets = await databaseEngine().statsReads.dueBuckets(learner.id, [learner.id], at("2026-06-15T00:00:00Z"), 21);
    const sorted = [...buckets].sort((x, y) => x.start.getTime() - y.start.getTime() || Number(x.mature) - Number(y.mature));
    expect(sorted).toEqual([
      { start: at("2026-06-14T10:00:00Z"), state: 2, mature: false, cards: 1 },
      { start: at("2026-06-14T10:00:00Z"), state: 2, mature: true, cards: 1 },
      { start: at("2026-06-14T10:15:00Z"), state: 1, mature: false, cards: 1 },
      { start: at("2026-06-14T10:15:00Z"), state: 2, mature: true, cards: 1 },
    ]);
    // Due exactly at `before` is not due before it.
    expect(await databaseEngine().statsReads.dueBuckets(learner.id, [learner.id], at("2026-06-14T10:00:00Z"), 21)).toEqual([]);
  });

  it("counts the readable cards by the learner's state, the never-studied as null", async () => {
    await importDeck("starter", "Starter", ["s1", "s2"]);
    const buckets = await databaseEngine().statsReads.stateBuckets(learner.id, [learner.id, "starter"]);
    const sorted = [...buckets].sort((x, y) => (x.state ?? -1) - (y.state ?? -1) || Number(x.suspended) - Number(y.suspended));
    expect(sorted).toEqual([
      { state: null, suspended: false, cards: 2 },
      { state: 1, suspended: false, cards: 1 },
      { state: 2, suspended: false, cards: 3 },
      { state: 2, suspended: true, cards: 1 },
    ]);
    const decks = await databaseEngine().statsReads.deckCounts(
      learner.id,
      [learner.id],
      at("2026-06-14T10:15:00Z"),
      at("2026-06-14T09:00:00Z"),
    );
    // Due before 10:15: the review cards at 10:00 and 10:14:59.999; the suspended one is not due.
    expect(decks).toEqual([{ deckId: expect.any(String), cards: 5, unstudied: 0, learning: 0, review: 2 }]);
  });
});
