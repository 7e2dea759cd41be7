// Today's queue reads new cards in two steps (lib/db/review/queue.ts): first a few more than the
// day's limit, and the rest only when that first read leaves the queue short. A note whose many
// cards come first (siblings: one a day) must not leave the day short of new cards.
// Runs on SQLite (npx vitest run) and on PostgreSQL (tests/db/postgresql.vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLearner, type TestUser } from "../support/learners.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { applyCardImport } = await import("@/lib/db/card-import.ts");
const { todaysQueue, saveSchedulerSettings, loadSchedulerSettings } = await import("@/lib/db/review/index.ts");
const { DEFAULT_SETTINGS } = await import("@/lib/srs/index.ts");

const now = new Date("2026-06-10T12:00:00Z");
/** Cards of one note ahead of the rest: more than the first read takes at two new cards a day (2 * 2 + 20). */
const SIBLINGS = 30;
let learner: TestUser;
const keyOf = new Map<string, string>();

beforeAll(async () => {
  learner = await createLearner("queue-new@example.com");
  const drafts = Array.from({ length: SIBLINGS + 10 }, (_, i) => ({
    key: `k${String(i).padStart(2, "0")}`,
    kind: "basic" as const,
    deckPath: ["Deck"],
    front: `Front ${i}`,
    back: `Back ${i}`,
    tags: [],
    source: { file: "a.md", line: i + 1 },
    noteKey: i < SIBLINGS ? "one-note" : `note-${i}`,
  }));
  await applyCardImport({ scope: learner.id, ownerId: learner.id }, drafts, ["a.md"]);
  for (const card of await prisma.card.findMany({ where: { scope: learner.id }, select: { id: true, key: true } }))
    keyOf.set(card.id, card.key);
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

const newKeys = async () => {
  const queue = await todaysQueue({ user: learner, deckId: null }, await loadSchedulerSettings(learner.id), now);
  return queue.items.filter((item) => item.kind === "new").map((item) => keyOf.get(item.cardId));
};

describe("new cards in today's queue", () => {
  it("reads past a first read full of one note's siblings to fill the day's limit", async () => {
    await saveSchedulerSettings(learner.id, { ...DEFAULT_SETTINGS, newPerDay: 2 });
    expect(await newKeys()).toEqual(["k00", `k${SIBLINGS}`]);
  });

  it("fills a larger limit the same way, and takes every new card when there are fewer than the first read takes", async () => {
    await saveSchedulerSettings(learner.id, { ...DEFAULT_SETTINGS, newPerDay: 3 });
    expect(await newKeys()).toEqual(["k00", `k${SIBLINGS}`, `k${SIBLINGS + 1}`]);
    await saveSchedulerSettings(learner.id, { ...DEFAULT_SETTINGS, newPerDay: 40 });
    expect(await newKeys()).toEqual(["k00", ...Array.from({ length: 10 }, (_, i) => `k${SIBLINGS + i}`)]);
  });

  it("reads on when each library's list came back short but the merged lists were cut", async () => {
    // The learner keeps 15 cards of one note; the starter decks (read beside them, after them in
    // note order) bring 12 cards of another note, then one of a third.
    await prisma.card.deleteMany({ where: { scope: learner.id, key: { gte: "k15" } } });
    const drafts = Array.from({ length: 13 }, (_, i) => ({
      key: `s${String(i).padStart(2, "0")}`,
      kind: "basic" as const,
      deckPath: ["Starter"],
      front: `Starter ${i}`,
      back: `Back ${i}`,
      tags: [],
      source: { file: "b.md", line: i + 1 },
      noteKey: i < 12 ? "starter-note" : "starter-other",
    }));
    await applyCardImport({ scope: "starter", ownerId: null }, drafts, ["b.md"]);
    for (const card of await prisma.card.findMany({ where: { scope: "starter" }, select: { id: true, key: true } }))
      keyOf.set(card.id, card.key);
    await saveSchedulerSettings(learner.id, { ...DEFAULT_SETTINGS, newPerDay: 3 });
    // 15 of the learner's (one note) and 13 starter cards: each list is shorter than the first
    // read's 26, but merged they are 28, so the cut dropped s11 and s12.
    expect(await newKeys()).toEqual(["k00", "s00", "s12"]);
  });
});
