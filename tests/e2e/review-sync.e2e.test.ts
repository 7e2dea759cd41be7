// The offline review protocol over real HTTP against the production build: the day a device takes,
// then a sync with a forged batch (refused, no row touched) and a good one (stored once, replayed).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createEmptyCard, fsrs, GenSeedStrategyWithCardId, Rating, StrategyMode } from "ts-fsrs";
import { ReviewDaySchema, SyncResultSchema, MAX_CLOCK_SKEW_MS } from "@/lib/contracts/index.ts";
import { countRows, readRow, writeRows } from "./support/database.ts";
import { createAccounts } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");
const LEARNER = "sync-learner@example.com";
const OTHER = "sync-other@example.com";
const PRIVATE_CARD = "sync-e2e-private-card";

let cookie = "";

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${baseUrl}${path}`, { ...init, headers: { cookie, "content-type": "application/json", ...init.headers } });
const rowsOf = (table: string, email: string) =>
  countRows(`SELECT COUNT(*) AS n FROM "${table}" WHERE "userId" = (SELECT id FROM "User" WHERE email = ?)`, email);
const allRows = async () => ({
  events: (await rowsOf("ReviewEvent", LEARNER)) + (await rowsOf("ReviewEvent", OTHER)),
  states: (await rowsOf("CardState", LEARNER)) + (await rowsOf("CardState", OTHER)),
  logs: (await rowsOf("ReviewLog", LEARNER)) + (await rowsOf("ReviewLog", OTHER)),
});

beforeAll(async () => {
  cookie = (await createAccounts(baseUrl, [LEARNER, OTHER]))[0]!;
  // The other learner's own card (a deck of theirs), staged in the database.
  const other = (await readRow<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, OTHER))!;
  const stamp = new Date();
  await writeRows(
    `INSERT INTO "Deck" (id, "ownerId", scope, path, name, "createdAt", "updatedAt") VALUES (?, ?, ?, 'Private', 'Private', ?, ?)`,
    [["sync-e2e-private-deck", other.id, other.id, stamp, stamp]],
  );
  await writeRows(
    `INSERT INTO "Card" (id, "deckId", scope, key, kind, front, back, tags, "noteKey", "sourceFile", "sourceLine", "createdAt", "updatedAt")
     VALUES (?, 'sync-e2e-private-deck', ?, 'private-key', 'basic', 'Secret front', 'Secret back', '[]', 'private-note', 'p.md', 1, ?, ?)`,
    [[PRIVATE_CARD, other.id, stamp, stamp]],
  );
});

describe("GET /api/review/day and POST /api/review/sync", () => {
  let cardIds: string[] = [];

  it("gives a signed-in learner the day: starter cards with faces, settings and time zone; nobody else's card", async () => {
    const anonymous = await fetch(`${baseUrl}/api/review/day`, { redirect: "manual" });
    expect(anonymous.status).not.toBe(200);
    const response = await api("/api/review/day");
    expect(response.status).toBe(200);
    const day = ReviewDaySchema.parse(await response.json());
    expect(day.cards.length).toBeGreaterThan(3);
    expect(day.cards.map((c) => c.cardId)).not.toContain(PRIVATE_CARD);
    expect(day.cards.every((c) => c.frontHtml.length > 0 && c.schedule === null)).toBe(true);
    expect(day.todayLogs).toEqual([]);
    cardIds = day.cards.map((c) => c.cardId);
  });

  it("refuses a forged batch and touches no row, then stores a good batch once and replays it", async () => {
    const before = await allRows();
    const now = Date.now();
    const event = (cardId: string, rating: number, at: number) => ({
      id: randomUUID(),
      kind: "grade",
      cardId,
      rating,
      at: new Date(at).toISOString(),
      durationMs: 1200,
      deviceId: "e2e-phone-1",
    });
    const forged = [
      event(PRIVATE_CARD, 3, now - 60_000),
      event(cardIds[0]!, 7, now - 60_000),
      event(cardIds[0]!, 3, now + MAX_CLOCK_SKEW_MS + 120_000),
    ];
    const refused = SyncResultSchema.parse(
      await (await api("/api/review/sync", { method: "POST", body: JSON.stringify({ events: forged }) })).json(),
    );
    expect(refused.accepted).toEqual([]);
    expect(refused.refused.map((r) => [r.index, r.code])).toEqual([
      [0, "not_found"],
      [1, "invalid"],
      [2, "future"],
    ]);
    expect(refused.refused[1]!.message).toMatch(/^events\[1\]\.rating/);
    expect(await allRows()).toEqual(before);

    // Two devices graded the same card offline; the later grade arrives first.
    const cardId = cardIds[0]!;
    const good = [event(cardId, 1, now - 60_000), event(cardId, 3, now - 10 * 60_000), event(cardIds[1]!, 4, now - 5 * 60_000)];
    const send = () => api("/api/review/sync", { method: "POST", body: JSON.stringify({ events: good }) });
    const first = SyncResultSchema.parse(await (await send()).json());
    expect(first.refused).toEqual([]);
    expect(first.accepted).toEqual(good.map((e) => e.id));
    const again = SyncResultSchema.parse(await (await send()).json());
    expect(again.accepted).toEqual(first.accepted);
    expect(await rowsOf("ReviewLog", LEARNER)).toBe(3);
    expect(await rowsOf("ReviewEvent", OTHER)).toBe(0);

    // The stored state is ts-fsrs over both grades in review-time order. A new learner has the
    // app's default settings, which are ts-fsrs's own (steps 1m 10m, retention 0.9), fuzz on and
    // seeded by the card id.
    const scheduler = fsrs({ enable_fuzz: true }).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId("card_id"));
    const t1 = new Date(good[1]!.at);
    const t2 = new Date(good[0]!.at);
    const afterGood = { ...scheduler.next(Object.assign(createEmptyCard(t1), { card_id: cardId }), t1, Rating.Good).card, card_id: cardId };
    const expected = scheduler.next(afterGood, t2, Rating.Again).card;
    const row = (await readRow<{ due: string | Date; reps: number; lapses: number; stability: number }>(
      `SELECT due, reps, lapses, stability FROM "CardState" WHERE "cardId" = ? AND "userId" = (SELECT id FROM "User" WHERE email = ?)`,
      cardId,
      LEARNER,
    ))!;
    expect(new Date(row.due).toISOString()).toBe(expected.due.toISOString());
    expect(row.reps).toBe(2);
    expect(row.stability).toBeCloseTo(expected.stability, 8);
    expect(first.cards.find((c) => c.cardId === cardId)?.schedule?.due).toBe(expected.due.toISOString());

    // The next day the device takes carries the grades.
    const day = ReviewDaySchema.parse(await (await api("/api/review/day")).json());
    expect(day.todayLogs.map((l) => l.eventId).sort()).toEqual(good.map((e) => e.id).sort());
  });

  it("refuses a sync from another site and a body that is not JSON", async () => {
    const body = JSON.stringify({ events: [] });
    expect((await api("/api/review/sync", { method: "POST", body, headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await api("/api/review/sync", { method: "POST", body, headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await api("/api/review/sync", { method: "POST", body: JSON.stringify({ events: "no" }) })).status).toBe(400);
  });
});
