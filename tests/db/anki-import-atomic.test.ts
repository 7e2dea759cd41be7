// An Anki import is one transaction through the engine's bulk-import port: a failure at any stage
// (images, review rows, states), after the cards are already written inside it, leaves no row
// behind, on a first import and on a re-import. The failures are forced with triggers in the real
// database (tests/support/forced-failure.ts), so the engine's own writes are what fails.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readAnkiFile } from "@/lib/anki/index.ts";
import { BASIC, PNG, legacyApkg, type TestCollection } from "../anki/collection-builder.ts";
import { failWrites, stopFailing } from "../support/forced-failure.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { importAnkiIntoLibrary } = await import("@/lib/db/anki-import.ts");
const { databaseEngine } = await import("@/lib/db/engine/index.ts");
const { planImport } = await import("@/lib/db/import-plan.ts");

const now = new Date("2026-03-01T12:00:00Z");
const T0 = Date.parse("2026-01-05T09:00:00Z");
const DAY = 86_400_000;
const learner = { id: "", email: "atomic@example.com", name: null, role: "learner" as const, timeZone: "UTC" };

beforeAll(async () => {
  learner.id = (await prisma.user.create({ data: { email: learner.email } })).id;
});

afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

afterEach(async () => {
  for (const name of ["fail_media", "fail_log", "fail_state", "fail_state_update"]) await stopFailing(database.url, name);
});

function collection(back: string, extraReview: boolean): TestCollection {
  return {
    crt: Date.parse("2026-01-01T04:00:00Z") / 1000,
    models: [BASIC],
    decks: [{ id: 10, name: "AWS::IAM" }],
    notes: [
      { id: 1, guid: "n-1", mid: BASIC.id, fields: ["AssumeRole returns?", `${back} <img src="key.png">`] },
      { id: 2, guid: "n-2", mid: BASIC.id, fields: ["ARN", "Amazon Resource Name"] },
    ],
    cards: [
      { id: 11, nid: 1, did: 10, type: 2, queue: 2, due: 70, ivl: 10, factor: 2500, reps: 2 },
      { id: 21, nid: 2, did: 10, queue: -1 },
    ],
    revlog: [
      { id: T0, cid: 11, ease: 3, type: 0 },
      { id: T0 + 5 * DAY, cid: 11, ease: 3, type: 1 },
      ...(extraReview ? [{ id: T0 + 40 * DAY, cid: 11, ease: 2, type: 1 }] : []),
    ],
  };
}

const parse = (back = "Credentials", extraReview = false) =>
  readAnkiFile("aws.apkg", legacyApkg(collection(back, extraReview), { "key.png": PNG }), { now });

/** Every row an import may write for the learner, with what a re-import could change in it. */
async function snapshot() {
  const cards = await prisma.card.findMany({ where: { scope: learner.id }, orderBy: { key: "asc" } });
  return {
    decks: await prisma.deck.count({ where: { scope: learner.id } }),
    cards: cards.map((c) => [c.key, c.back, c.suspended, c.updatedAt.toISOString()]),
    media: await prisma.media.count({ where: { scope: learner.id } }),
    logs: (await prisma.reviewLog.findMany({ where: { userId: learner.id }, orderBy: { review: "asc" } })).map((l) => l.clientReviewId),
    states: (await prisma.cardState.findMany({ where: { userId: learner.id }, orderBy: { cardId: "asc" } })).map((s) => [
      s.cardId,
      s.version,
      s.due.toISOString(),
    ]),
  };
}

/** A trigger that aborts the statement it fires on, as a constraint failure would. */
async function failOn(name: string, event: "INSERT" | "UPDATE", table: string) {
  await failWrites(database.url, { name, event, table, message: `forced failure in ${table}` });
}

describe("an Anki import that fails part way", () => {
  it.each([
    ["the images", "fail_media", "Media"],
    ["the review rows", "fail_log", "ReviewLog"],
    ["the states", "fail_state", "CardState"],
  ])("writes no row when %s fail on a first import", async (_stage, trigger, table) => {
    await failOn(trigger, "INSERT", table);
    await expect(importAnkiIntoLibrary(learner, parse(), "apply")).rejects.toThrow(`forced failure in ${table}`);
    expect(await snapshot()).toEqual({ decks: 0, cards: [], media: 0, logs: [], states: [] });
  });

  it("stores everything once nothing fails, so the failures above had rows to lose", async () => {
    const result = await importAnkiIntoLibrary(learner, parse(), "apply");
    expect(result.anki.newReviews).toBe(2);
    const after = await snapshot();
    expect(after.decks).toBe(1);
    expect(after.cards).toHaveLength(2);
    expect(after.media).toBe(1);
    expect(after.logs).toEqual([`anki:${T0}`, `anki:${T0 + 5 * DAY}`]);
    expect(after.states).toHaveLength(2);
  });

  it("leaves the earlier import as it was when a re-import fails after updating a card", async () => {
    const before = await snapshot();
    // The changed back is written first (a card update), then the new review row fails.
    await failOn("fail_log", "INSERT", "ReviewLog");
    await expect(importAnkiIntoLibrary(learner, parse("Temporary credentials", true), "apply")).rejects.toThrow("forced failure");
    expect(await snapshot()).toEqual(before);

    await failOn("fail_state_update", "UPDATE", "CardState");
    await expect(importAnkiIntoLibrary(learner, parse("Temporary credentials", true), "apply")).rejects.toThrow("forced failure");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses images over the budget through the port, writing nothing and never planning", async () => {
    const other = await prisma.user.create({ data: { email: "atomic-other@example.com" } });
    const parsed = parse();
    let planned = false;
    const written = await databaseEngine().bulkWrites.importWithExtrasInTransaction(
      { scope: other.id, ownerId: other.id },
      (stored) => {
        planned = true;
        return planImport(stored, parsed.drafts, [parsed.file]);
      },
      { media: parsed.media, maxMediaBytes: PNG.length - 1, histories: [], clientReviewIdPrefix: "anki:" },
      now,
    );
    expect(written).toEqual({ ok: false, mediaBytesStored: 0, mediaBytesAdding: PNG.length });
    expect(planned).toBe(false);
    expect(await prisma.card.count({ where: { scope: other.id } })).toBe(0);
    expect(await prisma.media.count({ where: { scope: other.id } })).toBe(0);
  });

  it("reads the baseline of only the review ids with the import's prefix, taken literally", async () => {
    const card = await prisma.card.findFirstOrThrow({ where: { scope: learner.id } });
    const log = {
      rating: 3,
      state: 2,
      due: now,
      stability: 1,
      difficulty: 5,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
    };
    await prisma.reviewLog.create({ data: { ...log, userId: learner.id, cardId: card.id, review: now, clientReviewId: "ankiX1" } });
    const baseline = await databaseEngine().bulkWrites.readImportBaseline({ scope: learner.id, ownerId: learner.id }, "anki:");
    expect([...baseline.clientReviewIds].sort()).toEqual([`anki:${T0}`, `anki:${T0 + 5 * DAY}`]);
    expect(baseline.stored.map((c) => c.key).sort()).toEqual(["anki:n-1:0", "anki:n-2:0"]);
    const underscore = await databaseEngine().bulkWrites.readImportBaseline({ scope: learner.id, ownerId: learner.id }, "anki_");
    expect(underscore.clientReviewIds.size).toBe(0);
  });
});
