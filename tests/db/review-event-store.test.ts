// The engine's ReviewEventStore (lib/db/engine/ports.ts), on the engine under test: what a batch of
// events reads comes back whole and typed as Prisma reads it (only the learner's rows, only readable
// cards, dates as Dates, a base as its Json value), and a replay's writes land exactly, all or none.
// Runs on SQLite (npx vitest run) and on PostgreSQL (tests/db/postgresql.vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReplayWrites } from "@/lib/db/engine/ports.ts";
import { createLearner, importDeck, type TestUser } from "../support/learners.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { databaseEngine } = await import("@/lib/db/engine/index.ts");

const at = (iso: string) => new Date(iso);
let learner: TestUser;
let outsider: TestUser;
let mine: string[];
let theirs: string;

const schedule = (due: Date) => ({
  due,
  stability: 3.1415926535897936,
  difficulty: 6.02214076,
  elapsedDays: 2,
  scheduledDays: 4,
  learningSteps: 0,
  reps: 3,
  lapses: 1,
  state: 2,
  lastReview: at("2026-06-01T08:00:00.123Z"),
});

const logValues = (review: Date) => ({
  rating: 3,
  state: 2,
  due: at("2026-06-05T08:00:00.456Z"),
  stability: 1.0000000000000002,
  difficulty: 5.5,
  elapsedDays: 1,
  lastElapsedDays: 1,
  scheduledDays: 4,
  learningSteps: 0,
  review,
  durationMs: 2500,
});

const emptyWrites = (): ReplayWrites => ({ events: [], states: [], removedStates: [], newLogs: [], changedLogs: [], removedLogs: [] });

beforeAll(async () => {
  learner = await createLearner("store@example.com");
  outsider = await createLearner("store-outsider@example.com");
  mine = await importDeck(learner.id, "Mine", ["a", "b", "c", "d"]);
  theirs = (await importDeck(outsider.id, "Theirs", ["x"]))[0]!;
  const [a, b] = mine as [string, string];
  await prisma.reviewEvent.createMany({
    data: [
      {
        id: "base:a",
        userId: learner.id,
        cardId: a,
        kind: "base",
        at: at("2026-06-01T00:00:00Z"),
        deviceId: "server",
        base: { suspended: false, schedule: null, buriedUntil: null },
      },
      {
        id: "grade-a",
        userId: learner.id,
        cardId: a,
        kind: "grade",
        rating: 3,
        at: at("2026-06-01T08:00:00.123Z"),
        durationMs: 1200,
        deviceId: "device-1",
      },
      {
        id: "grade-b",
        userId: learner.id,
        cardId: b,
        kind: "grade",
        rating: 4,
        at: at("2026-06-02T08:00:00Z"),
        durationMs: 900,
        deviceId: "device-1",
      },
      // Another learner's event of the same id as one asked for: never theirs to see.
      {
        id: "grade-b",
        userId: outsider.id,
        cardId: theirs,
        kind: "grade",
        rating: 1,
        at: at("2026-06-02T08:00:00Z"),
        durationMs: 1,
        deviceId: "device-2",
      },
    ],
  });
  await prisma.cardState.create({
    data: {
      userId: learner.id,
      cardId: a,
      ...schedule(at("2026-06-05T08:00:00.456Z")),
      buriedUntil: at("2026-06-03T00:00:00Z"),
      suspended: false,
      version: 2,
    },
  });
  await prisma.cardState.create({ data: { userId: outsider.id, cardId: theirs, ...schedule(at("2026-06-05T08:00:00Z")), version: 1 } });
  await prisma.reviewLog.createMany({
    data: [
      { id: "log-a", userId: learner.id, cardId: a, clientReviewId: "grade-a", ...logValues(at("2026-06-01T08:00:00.123Z")) },
      // From before events: no clientReviewId, so not the replay's to read.
      { id: "log-a-old", userId: learner.id, cardId: a, clientReviewId: null, ...logValues(at("2026-05-01T08:00:00Z")) },
    ],
  });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

const store = () => databaseEngine().reviewEvents;

describe("readForEvents", () => {
  it("reads the learner's rows of the named readable cards and the named events, typed as Prisma reads them", async () => {
    const [a, , c] = mine as [string, string, string];
    const rows = await prisma.$transaction((tx) =>
      store().readForEvents(tx, {
        userId: learner.id,
        cardIds: [a, c, theirs],
        scopes: [learner.id, "starter"],
        eventIds: ["grade-b", "no-such-event"],
      }),
    );
    const mineCard = await prisma.card.findUniqueOrThrow({ where: { id: a }, select: { deckId: true } });
    expect(rows.cards.sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [
        { id: a, deckId: mineCard.deckId },
        { id: c, deckId: mineCard.deckId },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect(rows.events.sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      {
        id: "base:a",
        cardId: a,
        kind: "base",
        rating: null,
        at: at("2026-06-01T00:00:00Z"),
        durationMs: null,
        undoes: null,
        base: { suspended: false, schedule: null, buriedUntil: null },
      },
      {
        id: "grade-a",
        cardId: a,
        kind: "grade",
        rating: 3,
        at: at("2026-06-01T08:00:00.123Z"),
        durationMs: 1200,
        undoes: null,
        base: null,
      },
      {
        id: "grade-b",
        cardId: mine[1],
        kind: "grade",
        rating: 4,
        at: at("2026-06-02T08:00:00Z"),
        durationMs: 900,
        undoes: null,
        base: null,
      },
    ]);
    expect(rows.states).toHaveLength(1);
    expect(rows.states[0]).toMatchObject({
      cardId: a,
      ...schedule(at("2026-06-05T08:00:00.456Z")),
      buriedUntil: at("2026-06-03T00:00:00Z"),
      suspended: false,
      version: 2,
    });
    expect(rows.logs).toEqual([{ id: "log-a", cardId: a, clientReviewId: "grade-a", ...logValues(at("2026-06-01T08:00:00.123Z")) }]);
  });

  it("reads nothing of a card the learner cannot read, even named", async () => {
    const rows = await prisma.$transaction((tx) =>
      store().readForEvents(tx, { userId: learner.id, cardIds: [theirs], scopes: [learner.id, "starter"], eventIds: [] }),
    );
    expect(rows).toEqual({ cards: [], events: [], states: [], logs: [] });
  });
});

describe("writeReplay", () => {
  it("writes events, replaces and removes states, and creates, changes and removes logs, exactly", async () => {
    const [a, b, c] = mine as [string, string, string];
    const now = at("2026-06-10T12:00:00.789Z");
    await prisma.cardState.create({ data: { userId: learner.id, cardId: b, ...schedule(at("2026-06-06T00:00:00Z")), version: 5 } });
    await prisma.reviewLog.create({
      data: { id: "log-b", userId: learner.id, cardId: b, clientReviewId: "grade-b", ...logValues(at("2026-06-02T08:00:00Z")) },
    });
    const writes: ReplayWrites = {
      ...emptyWrites(),
      events: [
        {
          id: "grade-c",
          cardId: c,
          kind: "grade",
          rating: 2,
          at: at("2026-06-10T11:59:00.001Z"),
          durationMs: 4000,
          deviceId: "device-1",
          undoes: null,
          base: null,
        },
        {
          id: "base:c",
          cardId: c,
          kind: "base",
          rating: null,
          at: now,
          durationMs: null,
          deviceId: "server",
          undoes: null,
          base: { schedule: null, buriedUntil: null, suspended: false },
        },
        {
          id: "undo-a",
          cardId: a,
          kind: "undo",
          rating: null,
          at: now,
          durationMs: null,
          deviceId: "device-1",
          undoes: "grade-a",
          base: null,
        },
      ],
      states: [
        { cardId: a, ...schedule(at("2026-07-01T00:00:00.001Z")), buriedUntil: null, suspended: true, version: 3 },
        { cardId: c, ...schedule(at("2026-06-11T00:00:00Z")), state: 1, lastReview: null, buriedUntil: null, suspended: false, version: 1 },
      ],
      removedStates: [b],
      newLogs: [{ id: "log-c", cardId: c, clientReviewId: "grade-c", ...logValues(at("2026-06-10T11:59:00.001Z")), rating: 2 }],
      changedLogs: [
        {
          id: "log-a",
          cardId: a,
          clientReviewId: "grade-a",
          ...logValues(at("2026-06-01T08:00:00.123Z")),
          rating: 1,
          stability: 0.1 + 0.2,
        },
      ],
      removedLogs: ["log-b"],
    };
    await prisma.$transaction((tx) => store().writeReplay(tx, learner.id, writes, now));

    const events = await prisma.reviewEvent.findMany({
      where: { userId: learner.id, id: { in: ["grade-c", "base:c", "undo-a"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map(({ userId, ...e }) => (expect(userId).toBe(learner.id), e))).toEqual([
      {
        id: "base:c",
        cardId: c,
        kind: "base",
        rating: null,
        at: now,
        durationMs: null,
        deviceId: "server",
        undoes: null,
        base: { schedule: null, buriedUntil: null, suspended: false },
        receivedAt: now,
      },
      {
        id: "grade-c",
        cardId: c,
        kind: "grade",
        rating: 2,
        at: at("2026-06-10T11:59:00.001Z"),
        durationMs: 4000,
        deviceId: "device-1",
        undoes: null,
        base: null,
        receivedAt: now,
      },
      {
        id: "undo-a",
        cardId: a,
        kind: "undo",
        rating: null,
        at: now,
        durationMs: null,
        deviceId: "device-1",
        undoes: "grade-a",
        base: null,
        receivedAt: now,
      },
    ]);
    const states = await prisma.cardState.findMany({ where: { userId: learner.id }, orderBy: { version: "desc" } });
    expect(states.map((s) => s.cardId).sort()).toEqual([a, c].sort());
    expect(states.find((s) => s.cardId === a)).toMatchObject({
      ...schedule(at("2026-07-01T00:00:00.001Z")),
      buriedUntil: null,
      suspended: true,
      version: 3,
    });
    expect(states.find((s) => s.cardId === c)).toMatchObject({
      ...schedule(at("2026-06-11T00:00:00Z")),
      state: 1,
      lastReview: null,
      suspended: false,
      version: 1,
    });
    const logs = await prisma.reviewLog.findMany({ where: { userId: learner.id }, orderBy: { id: "asc" } });
    expect(logs.map((l) => l.id)).toEqual(["log-a", "log-a-old", "log-c"]);
    expect(logs[0]).toMatchObject({
      cardId: a,
      clientReviewId: "grade-a",
      ...logValues(at("2026-06-01T08:00:00.123Z")),
      rating: 1,
      stability: 0.1 + 0.2,
    });
    expect(logs[2]).toMatchObject({ cardId: c, clientReviewId: "grade-c", ...logValues(at("2026-06-10T11:59:00.001Z")), rating: 2 });
    // The other learner's rows are untouched.
    expect(await prisma.cardState.count({ where: { userId: outsider.id } })).toBe(1);
    expect(await prisma.reviewEvent.count({ where: { userId: outsider.id } })).toBe(1);
  });

  it("writes nothing when one part fails: an event id stored before is refused with the rest", async () => {
    const [, , , d] = mine as [string, string, string, string];
    const before = await prisma.cardState.count({ where: { userId: learner.id } });
    const writes: ReplayWrites = {
      ...emptyWrites(),
      events: [
        {
          id: "grade-a",
          cardId: mine[0]!,
          kind: "grade",
          rating: 3,
          at: at("2026-06-11T00:00:00Z"),
          durationMs: 1,
          deviceId: "device-1",
          undoes: null,
          base: null,
        },
      ],
      states: [{ cardId: d, ...schedule(at("2026-06-12T00:00:00Z")), buriedUntil: null, suspended: false, version: 1 }],
      newLogs: [{ id: "log-d", cardId: d, clientReviewId: "grade-d", ...logValues(at("2026-06-11T00:00:00Z")) }],
    };
    await expect(prisma.$transaction((tx) => store().writeReplay(tx, learner.id, writes, at("2026-06-11T00:00:00Z")))).rejects.toThrow();
    expect(await prisma.cardState.count({ where: { userId: learner.id } })).toBe(before);
    expect(await prisma.reviewLog.findUnique({ where: { id: "log-d" } })).toBeNull();
  });
});
