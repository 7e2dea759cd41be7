// Grading, undo and burial against a real SQLite file, compared with ts-fsrs called directly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fsrs, createEmptyCard, Rating, GenSeedStrategyWithCardId, StrategyMode, type Grade } from "ts-fsrs";
import { databaseAt } from "../support/database.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { applyCardImport } = await import("@/lib/db/card-import.ts");
const { recordGrade, undoReview, reviewScreenState, applyCardAction, saveSchedulerSettings, todaysQueue } =
  await import("@/lib/db/review/index.ts");
const { DEFAULT_SETTINGS } = await import("@/lib/srs/index.ts");

type User = { id: string; email: string; name: string | null; role: "learner"; timeZone: string };
let learner: User;
let outsider: User;
const cardIds: string[] = [];
const t0 = new Date("2026-11-22T09:00:00Z");

beforeAll(async () => {
  const a = await prisma.user.create({ data: { email: "grader@example.com", timeZone: "Europe/Paris" } });
  const b = await prisma.user.create({ data: { email: "outsider@example.com" } });
  learner = { id: a.id, email: a.email, name: null, role: "learner", timeZone: a.timeZone };
  outsider = { id: b.id, email: b.email, name: null, role: "learner", timeZone: "UTC" };
  const drafts = ["one", "two", "three"].map((w, i) => ({
    key: `k-${w}`,
    kind: "basic" as const,
    deckPath: ["Deck"],
    front: `Front ${w}`,
    back: `Back ${w}`,
    tags: [],
    source: { file: "a.md", line: i + 1 },
    noteKey: `n-${w}`,
  }));
  await applyCardImport({ scope: learner.id, ownerId: learner.id }, drafts, ["a.md"]);
  cardIds.push(...(await prisma.card.findMany({ orderBy: { sourceLine: "asc" }, select: { id: true } })).map((c) => c.id));
  // Fuzz off so the comparison with ts-fsrs below is exact whatever the seed.
  await saveSchedulerSettings(learner.id, { ...DEFAULT_SETTINGS, fuzz: false });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

let reviewCounter = 0;
const grade = (cardId: string, rating: 1 | 2 | 3 | 4, version: number, now: Date, clientReviewId = `review-${++reviewCounter}`) =>
  recordGrade(learner, { cardId, rating, version, clientReviewId, durationMs: 1500 }, now);

describe("grading", () => {
  it("schedules a fixed sequence exactly as ts-fsrs does", async () => {
    const cardId = cardIds[0]!;
    const scheduler = fsrs({ enable_fuzz: false }).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId("card_id"));
    let expected = { ...createEmptyCard(t0), card_id: cardId };
    const sequence: Array<[Grade, number]> = [
      [Rating.Good, 0],
      [Rating.Good, 10],
      [Rating.Again, 60 * 24],
      [Rating.Good, 60 * 25],
      [Rating.Easy, 60 * 24 * 5],
    ];
    let version = 0;
    for (const [rating, minutesLater] of sequence) {
      const now = new Date(t0.getTime() + minutesLater * 60_000);
      const outcome = await grade(cardId, rating as 1 | 2 | 3 | 4, version, now);
      expect(outcome.ok).toBe(true);
      version += 1;
      expected = { ...scheduler.next(expected, now, rating).card, card_id: cardId };
      const row = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId } } });
      expect(row.due.toISOString()).toBe(expected.due.toISOString());
      expect(row.stability).toBeCloseTo(expected.stability, 10);
      expect(row.difficulty).toBeCloseTo(expected.difficulty, 10);
      expect(row.state).toBe(expected.state);
      expect(row.version).toBe(version);
    }
    expect(await prisma.reviewLog.count({ where: { cardId } })).toBe(sequence.length);
  });

  it("counts a grade sent twice once", async () => {
    const cardId = cardIds[1]!;
    const [a, b] = await Promise.all([grade(cardId, 3, 0, t0, "double-tap"), grade(cardId, 3, 0, t0, "double-tap")]);
    expect(a).toEqual(b);
    expect(await prisma.reviewLog.count({ where: { cardId } })).toBe(1);
  });

  it("keeps a grade made from a stale screen: the card is the replay of both grades, in review-time order", async () => {
    const cardId = cardIds[1]!;
    const later = new Date(t0.getTime() + 60_000);
    // Version 0 is what a second tab opened before the first grade still holds.
    const outcome = await grade(cardId, 1, 0, later, "second-tab");
    expect(outcome).toMatchObject({ ok: true, cardId });
    const scheduler = fsrs({ enable_fuzz: false }).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId("card_id"));
    const afterGood = { ...scheduler.next(Object.assign(createEmptyCard(t0), { card_id: cardId }), t0, Rating.Good).card, card_id: cardId };
    const expected = scheduler.next(afterGood, later, Rating.Again).card;
    const after = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId } } });
    expect(after.due.toISOString()).toBe(expected.due.toISOString());
    expect(after.stability).toBeCloseTo(expected.stability, 10);
    expect(after.reps).toBe(2);
    expect(await prisma.reviewLog.count({ where: { cardId } })).toBe(2);
  });

  it("answers not found for a card the learner cannot read", async () => {
    const outcome = await recordGrade(
      outsider,
      { cardId: cardIds[2]!, rating: 3, version: 0, clientReviewId: "outsider-1", durationMs: 0 },
      t0,
    );
    expect(outcome).toMatchObject({ ok: false, code: "not_found" });
    expect(await prisma.reviewLog.count({ where: { userId: outsider.id } })).toBe(0);
  });
});

describe("undo", () => {
  it("restores the state before the grade and removes its log row; any grade can be undone, not only the latest", async () => {
    const cardId = cardIds[2]!;
    const first = await grade(cardId, 3, 0, t0);
    const afterFirst = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId } } });
    const later = new Date(t0.getTime() + 10 * 60_000);
    const second = await grade(cardId, 1, 1, later);
    expect(second.ok && first.ok).toBe(true);
    if (!second.ok || !first.ok) return;

    expect(await undoReview(outsider, second.reviewLogId)).toMatchObject({ ok: false, code: "not_found" });

    expect(await undoReview(learner, second.reviewLogId)).toMatchObject({ ok: true });
    const restored = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId } } });
    for (const field of ["due", "stability", "difficulty", "state", "reps", "lapses", "learningSteps", "scheduledDays"] as const) {
      expect(restored[field]).toEqual(afterFirst[field]);
    }
    expect(await prisma.reviewLog.count({ where: { cardId } })).toBe(1);

    expect(await undoReview(learner, first.reviewLogId)).toMatchObject({ ok: true });
    expect(await prisma.cardState.count({ where: { cardId } })).toBe(0); // new again
    expect(await prisma.reviewLog.count({ where: { cardId } })).toBe(0);
  });
});

describe("the review screen", () => {
  it("shows a due card with an interval on each grade, and hides a buried one until tomorrow", async () => {
    // A minute after the grades above: events at the same instant are replayed in id order.
    const now = new Date(t0.getTime() + 2 * 60_000);
    const step = await reviewScreenState(learner, null, now);
    expect(step.card).not.toBeNull();
    expect(Object.values(step.card!.intervals).every((label) => /^\d/.test(label))).toBe(true);
    const shown = step.card!.cardId;
    expect(await applyCardAction(learner, shown, "bury", step.card!.version, now)).toMatchObject({ ok: true });
    const next = await reviewScreenState(learner, null, now);
    expect(next.card?.cardId).not.toBe(shown);
    const queueToday = await todaysQueue({ user: learner, deckId: null }, DEFAULT_SETTINGS, now);
    expect(queueToday.items.map((i) => i.cardId)).not.toContain(shown);
    const tomorrow = new Date(t0.getTime() + 24 * 60 * 60_000);
    const queueTomorrow = await todaysQueue({ user: learner, deckId: null }, DEFAULT_SETTINGS, tomorrow);
    expect(queueTomorrow.items.map((i) => i.cardId)).toContain(shown);
  });
});

describe("10.7: grading while another connection holds the write lock", () => {
  it("10.7: waits for the lock without stalling the process, then stores the grade once", async () => {
    const cardId = cardIds[2]!;
    const version = (await prisma.cardState.findUnique({ where: { userId_cardId: { userId: learner.id, cardId } } }))?.version ?? 0;
    const handle = databaseAt(database.url).open();
    // The importer's connection: holds the write lock until released.
    const importer = await handle.holdWriteLock();
    const release = async () => {
      await importer.release();
      await handle.close();
    };
    try {
      const started = performance.now();
      const pending = grade(cardId, 3, version, t0, "held-lock-grade");
      // Reads are not blocked by the writer, and the event loop keeps turning while the grade waits.
      const screen = await reviewScreenState(learner, null, t0);
      expect(screen.counts).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(await prisma.reviewLog.count({ where: { clientReviewId: "held-lock-grade" } })).toBe(0);
      await release();
      expect(await pending).toMatchObject({ ok: true, cardId });
    } finally {
      await release();
    }
    expect(await prisma.reviewLog.count({ where: { clientReviewId: "held-lock-grade" } })).toBe(1);
    expect(await grade(cardId, 3, version, t0, "held-lock-grade")).toMatchObject({ ok: true, cardId });
    expect(await prisma.reviewLog.count({ where: { clientReviewId: "held-lock-grade" } })).toBe(1);
  });
});
