// The stats page counts review-log rows per learner day in SQL, with the day boundaries lib/srs
// computes (a year of grades is too many rows to send one by one), and due cards per quarter hour.
// The days must come out exactly as counting the rows themselves: checked in zones at +5:30 and
// +5:45, with grades a minute either side of the 4 a.m. rollover, against lib/srs on the raw rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { createLearner, importDeck } from "../support/learners.ts";
import { CardStateCode, dueForecast, reviewsPerDay, trueRetention } from "@/lib/srs/index.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { learnerStats } = await import("@/lib/db/stats.ts");

const now = new Date("2026-06-15T12:00:00Z");
const { Learning, Review } = CardStateCode;

// 4 a.m. in Kolkata is 22:30 UTC the day before; in Kathmandu, 22:15 UTC.
const TIMES = [
  "2026-06-14T22:29:00Z",
  "2026-06-14T22:30:00Z",
  "2026-06-14T22:14:59Z",
  "2026-06-14T22:15:00Z",
  "2026-06-13T22:44:00Z",
  "2026-06-01T07:07:00Z",
  "2026-05-31T22:29:59Z",
  "2026-03-02T22:30:00Z",
];

const logs = TIMES.flatMap((iso, i) => [
  { review: new Date(iso), rating: 1 + (i % 4), state: Review, scheduledDays: i % 2 ? 30 : 3 },
  { review: new Date(iso), rating: 3, state: Learning, scheduledDays: 0 },
  { review: new Date(iso), rating: 2, state: Review, scheduledDays: 40 },
]);

const users: Array<{ id: string; email: string; name: null; role: "learner"; timeZone: string }> = [];

beforeAll(async () => {
  for (const timeZone of ["Asia/Kolkata", "Asia/Kathmandu"]) {
    const learner = await createLearner(`buckets-${timeZone.replace("/", "-")}@example.com`, timeZone);
    users.push({ ...learner, name: null, role: "learner" });
    const [cardId, dueId] = await importDeck(learner.id, `Deck ${timeZone}`, ["a", "b"]);
    await prisma.reviewLog.createMany({
      data: logs.map((l) => ({
        userId: learner.id,
        cardId: cardId!,
        ...l,
        due: l.review,
        stability: 5,
        difficulty: 5,
        elapsedDays: 1,
        lastElapsedDays: 1,
        learningSteps: 0,
        durationMs: 1000,
      })),
    });
    await prisma.cardState.create({
      data: {
        userId: learner.id,
        cardId: dueId!,
        due: new Date("2026-06-16T22:29:00Z"),
        stability: 5,
        difficulty: 5,
        elapsedDays: 1,
        scheduledDays: 25,
        learningSteps: 0,
        reps: 3,
        lapses: 0,
        state: Review,
        lastReview: now,
      },
    });
  }
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("stats counted in the database", () => {
  it("puts every grade on the same learner day as counting the rows does", async () => {
    for (const user of users) {
      const stats = await learnerStats(user, now);
      expect(stats.reviewsPerDay).toEqual(reviewsPerDay(logs, now, user.timeZone, 365));
      expect(stats.retention).toEqual(trueRetention(logs, now, user.timeZone, { weeks: 12, months: 12 }));
      const due = [{ state: Review, due: new Date("2026-06-16T22:29:00Z"), scheduledDays: 25 }];
      expect(stats.forecast).toEqual(dueForecast(due, now, user.timeZone, 30));
      expect(stats.totalReviews).toBe(logs.length);
      expect(stats.reviewsPerDay.reduce((sum, d) => sum + d.count, 0)).toBe(logs.length);
    }
  });
});
