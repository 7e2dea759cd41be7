// Review events synced from devices against a real SQLite file: stored once, refused when forged,
// and each card's state compared with ts-fsrs called directly on the events in review-time order.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyCard, fsrs, GenSeedStrategyWithCardId, Rating, StrategyMode, type Card, type Grade } from "ts-fsrs";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { applyCardImport } = await import("@/lib/db/card-import.ts");
const { syncReviewEvents, reviewDay, saveSchedulerSettings } = await import("@/lib/db/review/index.ts");
const { DEFAULT_SETTINGS } = await import("@/lib/srs/index.ts");
const { MAX_CLOCK_SKEW_MS } = await import("@/lib/contracts/index.ts");

type User = { id: string; email: string; name: string | null; role: "learner"; timeZone: string };
let learner: User;
let outsider: User;
const mine: string[] = [];
let theirs = "";
const now = new Date("2026-11-22T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const scheduler = fsrs({ enable_fuzz: false }).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId("card_id"));

const gradeEvent = (cardId: string, rating: number, at: Date, deviceId = "device-aaaa") => ({
  id: randomUUID(),
  kind: "grade",
  cardId,
  rating,
  at: at.toISOString(),
  durationMs: 2000,
  deviceId,
});

async function rowCounts(userId: string) {
  const [events, states, logs] = await Promise.all([
    prisma.reviewEvent.count({ where: { userId } }),
    prisma.cardState.count({ where: { userId } }),
    prisma.reviewLog.count({ where: { userId } }),
  ]);
  return { events, states, logs };
}

/** ts-fsrs directly, grade after grade: what the stored state must equal. */
function expectedAfter(cardId: string, grades: Array<[Grade, Date]>): Card {
  let card = { ...createEmptyCard(grades[0]![1]), card_id: cardId };
  for (const [rating, at] of grades) card = { ...scheduler.next(card, at, rating).card, card_id: cardId };
  return card;
}

async function expectStateEquals(cardId: string, expected: Card) {
  const row = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId } } });
  expect(row.due.toISOString()).toBe(expected.due.toISOString());
  expect(row.stability).toBeCloseTo(expected.stability, 10);
  expect(row.difficulty).toBeCloseTo(expected.difficulty, 10);
  expect(row.state).toBe(expected.state);
  expect(row.reps).toBe(expected.reps);
  expect(row.lapses).toBe(expected.lapses);
}

beforeAll(async () => {
  const a = await prisma.user.create({ data: { email: "sync@example.com", timeZone: "Europe/Paris" } });
  const b = await prisma.user.create({ data: { email: "sync-outsider@example.com" } });
  learner = { id: a.id, email: a.email, name: null, role: "learner", timeZone: a.timeZone };
  outsider = { id: b.id, email: b.email, name: null, role: "learner", timeZone: "UTC" };
  const draft = (w: string, i: number, deckPath: string[]) => ({
    key: `k-${w}`,
    kind: "basic" as const,
    deckPath,
    front: `Front ${w}`,
    back: `Back ${w}`,
    tags: [],
    source: { file: "a.md", line: i + 1 },
    noteKey: `n-${w}`,
  });
  await applyCardImport(
    { scope: learner.id, ownerId: learner.id },
    ["one", "two", "three", "four", "five", "six", "seven"].map((w, i) => draft(w, i, i < 5 ? ["Deck"] : ["Deck", "Sub"])),
    ["a.md"],
  );
  await applyCardImport({ scope: outsider.id, ownerId: outsider.id }, [draft("secret", 0, ["Private"])], ["a.md"]);
  mine.push(
    ...(await prisma.card.findMany({ where: { scope: learner.id }, orderBy: { sourceLine: "asc" }, select: { id: true } })).map(
      (c) => c.id,
    ),
  );
  theirs = (await prisma.card.findFirstOrThrow({ where: { scope: outsider.id } })).id;
  await saveSchedulerSettings(learner.id, { ...DEFAULT_SETTINGS, fuzz: false });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("sync", () => {
  it("stores a batch once: sent again, every event is accepted and nothing is added", async () => {
    const cardId = mine[0]!;
    const batch = [gradeEvent(cardId, 3, minutesAgo(30)), gradeEvent(cardId, 3, minutesAgo(20))];
    const first = await syncReviewEvents(learner, batch, now);
    expect(first.refused).toEqual([]);
    expect(first.accepted).toEqual(batch.map((e) => e.id));
    const counts = await rowCounts(learner.id);
    const again = await syncReviewEvents(learner, batch, now);
    expect(again.accepted).toEqual(first.accepted);
    expect(again.cards).toEqual(first.cards);
    expect(await rowCounts(learner.id)).toEqual(counts);
    expect(await prisma.reviewLog.count({ where: { cardId } })).toBe(2);
    await expectStateEquals(
      cardId,
      expectedAfter(cardId, [
        [Rating.Good, minutesAgo(30)],
        [Rating.Good, minutesAgo(20)],
      ]),
    );
  });

  it("keeps both devices' offline grades of one card, replayed in review-time order whatever order they arrive in", async () => {
    const cardId = mine[1]!;
    const onPhone = gradeEvent(cardId, 3, minutesAgo(50), "phone-1234");
    const onLaptop = gradeEvent(cardId, 1, minutesAgo(10), "laptop-1234");
    // The laptop syncs first, though its grade came second.
    await syncReviewEvents(learner, [onLaptop], now);
    const result = await syncReviewEvents(learner, [onPhone], now);
    const expected = expectedAfter(cardId, [
      [Rating.Good, minutesAgo(50)],
      [Rating.Again, minutesAgo(10)],
    ]);
    await expectStateEquals(cardId, expected);
    expect(result.cards).toEqual([
      expect.objectContaining({ cardId, schedule: expect.objectContaining({ due: expected.due.toISOString() }) }),
    ]);
    const logs = await prisma.reviewLog.findMany({ where: { cardId }, orderBy: { review: "asc" } });
    expect(logs.map((l) => [l.clientReviewId, l.rating, l.state])).toEqual([
      [onPhone.id, 3, 0],
      [onLaptop.id, 1, 1],
    ]);
  });

  it("undoes a synced grade with an undo event: the card is the replay of the rest, and the grade's log row goes", async () => {
    const cardId = mine[2]!;
    const first = gradeEvent(cardId, 4, minutesAgo(40));
    const second = gradeEvent(cardId, 2, minutesAgo(30));
    await syncReviewEvents(learner, [first, second], now);
    const undo = { id: randomUUID(), kind: "undo", cardId, undoes: first.id, at: minutesAgo(5).toISOString(), deviceId: "device-aaaa" };
    const result = await syncReviewEvents(learner, [undo], now);
    expect(result.refused).toEqual([]);
    await expectStateEquals(cardId, expectedAfter(cardId, [[Rating.Hard, minutesAgo(30)]]));
    expect((await prisma.reviewLog.findMany({ where: { cardId } })).map((l) => l.clientReviewId)).toEqual([second.id]);
    expect(await prisma.reviewEvent.count({ where: { userId: learner.id, cardId, kind: "undo" } })).toBe(1);
  });

  it("refuses forged events with the reason and where, and touches no row", async () => {
    const before = await rowCounts(learner.id);
    const outsiderBefore = await rowCounts(outsider.id);
    const good = gradeEvent(mine[3]!, 3, minutesAgo(1));
    const forged = [
      gradeEvent(theirs, 3, minutesAgo(1)),
      gradeEvent(mine[3]!, 7, minutesAgo(1)),
      gradeEvent(mine[3]!, 3, new Date(now.getTime() + MAX_CLOCK_SKEW_MS + 60_000)),
      { ...gradeEvent(mine[3]!, 3, minutesAgo(1)), id: "not-a-uuid" },
      { id: randomUUID(), kind: "undo", cardId: mine[3]!, undoes: randomUUID(), at: minutesAgo(1).toISOString(), deviceId: "device-aaaa" },
      "not even an object",
    ];
    const result = await syncReviewEvents(learner, forged, now);
    expect(result.accepted).toEqual([]);
    expect(result.cards).toEqual([]);
    expect(result.refused.map((r) => [r.index, r.code])).toEqual([
      [0, "not_found"],
      [1, "invalid"],
      [2, "future"],
      [3, "invalid"],
      [4, "undo_target"],
      [5, "invalid"],
    ]);
    expect(result.refused[0]!.message).toMatch(/^events\[0\]\.cardId: /);
    expect(result.refused[1]!.message).toMatch(/^events\[1\]\.rating: /);
    expect(result.refused[2]!.message).toMatch(/^events\[2\]\.at: .*ahead/);
    expect(result.refused[3]!.message).toMatch(/^events\[3\]\.id: /);
    expect(result.refused[3]!.id).toBe("not-a-uuid");
    expect(result.refused[4]!.message).toMatch(/^events\[4\]\.undoes: /);
    expect(await rowCounts(learner.id)).toEqual(before);
    expect(await rowCounts(outsider.id)).toEqual(outsiderBefore);
    expect(await prisma.cardState.count({ where: { cardId: theirs } })).toBe(0);

    // A good event beside forged ones is stored; the forged ones still are not.
    const mixed = await syncReviewEvents(learner, [forged[0], good, forged[1]], now);
    expect(mixed.accepted).toEqual([good.id]);
    expect(mixed.refused.map((r) => r.index)).toEqual([0, 2]);
    expect(await prisma.reviewEvent.count({ where: { cardId: theirs } })).toBe(0);
  });

  it("refuses an undo of another learner's event or of another card's event", async () => {
    const outsiderEvent = gradeEvent(theirs, 3, minutesAgo(3));
    expect((await syncReviewEvents(outsider, [outsiderEvent], now)).accepted).toEqual([outsiderEvent.id]);
    const cardId = mine[4]!;
    const otherCard = (await prisma.reviewEvent.findFirstOrThrow({ where: { userId: learner.id, cardId: mine[0]!, kind: "grade" } })).id;
    const undo = (undoes: string) => ({
      id: randomUUID(),
      kind: "undo",
      cardId,
      undoes,
      at: minutesAgo(1).toISOString(),
      deviceId: "device-aaaa",
    });
    const result = await syncReviewEvents(learner, [undo(outsiderEvent.id), undo(otherCard)], now);
    expect(result.refused.map((r) => r.code)).toEqual(["undo_target", "undo_target"]);
    expect(result.refused[1]!.message).toContain("another card");
    expect(await prisma.cardState.count({ where: { userId: outsider.id, cardId: theirs } })).toBe(1);
  });

  it("stores an event once when two identical requests race", async () => {
    const cardId = mine[5]!;
    const batch = [gradeEvent(cardId, 3, minutesAgo(15)), gradeEvent(cardId, 4, minutesAgo(12))];
    const [a, b] = await Promise.all([syncReviewEvents(learner, batch, now), syncReviewEvents(learner, batch, now)]);
    expect(a.accepted).toEqual(b.accepted);
    expect(a.cards).toEqual(b.cards);
    expect(await prisma.reviewEvent.count({ where: { userId: learner.id, id: { in: batch.map((e) => e.id) } } })).toBe(2);
    expect(await prisma.reviewLog.count({ where: { cardId } })).toBe(2);
  });

  it("buries until the end of the learner's day of the bury, and suspends until unsuspended", async () => {
    const cardId = mine[3]!;
    // After the grade above (a minute ago): a grade lifts a burial, so the order matters.
    const at = minutesAgo(0.5);
    const bury = { id: randomUUID(), kind: "bury", cardId, at: at.toISOString(), deviceId: "device-aaaa" };
    const suspend = { ...bury, id: randomUUID(), kind: "suspend" };
    const result = await syncReviewEvents(learner, [bury, suspend], now);
    // 12:00 UTC is 13:00 in Paris: the learner's day ends at 4:00 the next morning, Paris time.
    expect(result.cards[0]).toMatchObject({ cardId, buriedUntil: "2026-11-23T03:00:00.000Z", suspended: true });
    const unsuspend = { ...bury, id: randomUUID(), kind: "unsuspend", at: now.toISOString() };
    expect((await syncReviewEvents(learner, [unsuspend], now)).cards[0]).toMatchObject({ suspended: false });
  });
});

describe("the day a device takes", () => {
  it("holds the learner's due and new cards with rendered faces, today's grades, and nothing of another learner", async () => {
    const day = await reviewDay(learner, null, now);
    const ids = day.cards.map((c) => c.cardId);
    expect(ids).not.toContain(theirs);
    // Graded, buried until tomorrow, suspended and unsuspended above: the device gets it with its burial.
    expect(day.cards.find((c) => c.cardId === mine[3])).toMatchObject({ buriedUntil: "2026-11-23T03:00:00.000Z", suspended: false });
    expect(day.cards.find((c) => c.cardId === mine[6])).toMatchObject({ schedule: null, position: expect.any(Number) });
    expect(day.cards.every((c) => c.frontHtml.length > 0 && c.backHtml.length > 0)).toBe(true);
    expect(day.todayLogs.length).toBe(await prisma.reviewLog.count({ where: { userId: learner.id } }));
    expect(day.timeZone).toBe("Europe/Paris");
    expect(day.settings).toMatchObject({ fuzz: false });
  });

  it("cut for a deck, includes its sub-decks", async () => {
    const deck = await prisma.deck.findFirstOrThrow({ where: { scope: learner.id, path: "Deck" } });
    const sub = await prisma.deck.findFirstOrThrow({ where: { scope: learner.id, path: { not: "Deck" } } });
    const day = await reviewDay(learner, deck.id, now);
    expect(day.cards.some((c) => c.deckId === sub.id)).toBe(true);
    const onlySub = await reviewDay(learner, sub.id, now);
    expect(onlySub.cards.every((c) => c.deckId === sub.id)).toBe(true);
    await expect(reviewDay(outsider, deck.id, now)).rejects.toThrow();
  });
});
