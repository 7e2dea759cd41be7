// The deck list, card list, renaming and deleting against a real SQLite file: counts with the
// daily limits applied, sub-decks moving with their parent, starter decks read-only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { createLearner, importDeck, type TestUser } from "../support/learners.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { listDecksWithCounts } = await import("@/lib/db/decks.ts");
const { deckCardPage, CARDS_PER_PAGE } = await import("@/lib/db/deck-cards.ts");
const { deckDeletion, deleteOwnDeck, renameOwnDeck } = await import("@/lib/db/deck-edits.ts");
const { starterRepeats } = await import("@/lib/db/starter-repeats.ts");

const now = new Date("2026-06-15T12:00:00Z");
const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

let learner: TestUser;
let outsider: TestUser;
let parentId: string;
let childId: string;
let starterId: string;

const deckIdOf = async (scope: string, path: string) => (await prisma.deck.findFirstOrThrow({ where: { scope, path } })).id;

beforeAll(async () => {
  learner = await createLearner("decks@example.com");
  outsider = await createLearner("decks-outsider@example.com");
  const imported = await importDeck(learner.id, "IAM", keys("iam", 66));
  await importDeck(learner.id, "IAM › Conditions", keys("cond", 3));
  await importDeck("starter", "Directory Services", ["s1", "s2"]);
  await importDeck(outsider.id, "Theirs", ["t1"]);
  [parentId, childId, starterId] = await Promise.all([
    deckIdOf(learner.id, "IAM"),
    deckIdOf(learner.id, "IAM › Conditions"),
    deckIdOf("starter", "Directory Services"),
  ]);
  // One card studied and due today, one in learning, one suspended by the learner.
  const state = (cardId: string, state: number, suspended = false) => ({
    userId: learner.id,
    cardId,
    due: new Date("2026-06-15T10:00:00Z"),
    stability: 3,
    difficulty: 5,
    elapsedDays: 1,
    scheduledDays: 1,
    learningSteps: 0,
    reps: 2,
    lapses: 0,
    state,
    lastReview: new Date("2026-06-14T10:00:00Z"),
    suspended,
  });
  await prisma.cardState.createMany({ data: [state(imported[0]!, 2), state(imported[1]!, 1), state(imported[2]!, 2, true)] });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("listDecksWithCounts", () => {
  it("shows what can be studied today within the daily new-card limit, and why the rest waits", async () => {
    const { decks, tree, total } = await listDecksWithCounts(learner, now);
    expect(decks.map((d) => d.path)).toEqual(["Directory Services", "IAM", "IAM › Conditions"]);
    const iam = decks.find((d) => d.path === "IAM")!;
    expect(iam.cards).toBe(66);
    expect(iam.today).toMatchObject({ new: 20, learning: 1, review: 1, held: { kind: "new", scope: "all", perDay: 20, waiting: 43 } });
    expect(total).toEqual({ new: 20, learning: 1, review: 1, held: { kind: "new", scope: "all", perDay: 20, waiting: 48 } }); // 63 + 3 + 2 starter cards never studied
    const root = tree.find((n) => n.path === "IAM")!;
    expect(root.children.map((c) => c.name)).toEqual(["Conditions"]);
    expect(root.sum).toMatchObject({ new: 20, learning: 1, review: 1 });
    expect(decks.find((d) => d.path === "Directory Services")?.starter).toBe(true);
  });
});

describe("deckCardPage", () => {
  it("lists a deck's cards a page at a time, with the learner's state", async () => {
    const first = await deckCardPage(learner, parentId, "", 1, now);
    expect(first).toMatchObject({ matching: 66, page: 1, pages: 2 });
    expect(first.rows).toHaveLength(CARDS_PER_PAGE);
    expect(first.rows.slice(0, 4).map((r) => [r.front, r.state])).toEqual([
      ["Front iam-1", "review"],
      ["Front iam-2", "learning"],
      ["Front iam-3", "suspended"],
      ["Front iam-4", "new"],
    ]);
    expect(first.rows[3]!.due).toBeNull();
    expect((await deckCardPage(learner, parentId, "", 99, now)).rows).toHaveLength(16);
  });

  it("finds cards by text on either face", async () => {
    const found = await deckCardPage(learner, parentId, "back iam-6", 1, now);
    expect(found.rows.map((r) => r.front)).toEqual([
      "Front iam-6",
      "Front iam-60",
      "Front iam-61",
      "Front iam-62",
      "Front iam-63",
      "Front iam-64",
      "Front iam-65",
      "Front iam-66",
    ]);
  });

  it("shows nothing of a deck the learner may not read", async () => {
    expect((await deckCardPage(outsider, parentId, "", 1, now)).matching).toBe(0);
  });
});

describe("renaming and deleting decks", () => {
  it("renames a deck and moves its sub-decks along", async () => {
    expect(await renameOwnDeck(learner, parentId, "IAM basics")).toEqual({ path: "IAM basics" });
    const paths = await prisma.deck.findMany({
      where: { scope: learner.id },
      orderBy: { path: "asc" },
      select: { path: true, name: true },
    });
    expect(paths).toEqual([
      { path: "IAM basics", name: "IAM basics" },
      { path: "IAM basics › Conditions", name: "Conditions" },
    ]);
    expect(await renameOwnDeck(learner, childId, "Condition keys")).toEqual({ path: "IAM basics › Condition keys" });
  });

  it("refuses a name another deck of the learner's has", async () => {
    await importDeck(learner.id, "Spare", ["spare-1"]);
    await expect(renameOwnDeck(learner, await deckIdOf(learner.id, "Spare"), "IAM basics")).rejects.toMatchObject({ code: "deck_exists" });
  });

  it("never renames or deletes a starter deck or someone else's", async () => {
    await expect(renameOwnDeck(learner, starterId, "Mine now")).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteOwnDeck(learner, starterId)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteOwnDeck(outsider, parentId)).rejects.toMatchObject({ code: "not_found" });
    expect(await deckDeletion(outsider, parentId)).toBeNull();
    expect(await prisma.card.count({ where: { deckId: starterId } })).toBe(2);
  });

  it("deletes a deck with its sub-decks, cards and the learner's states, after saying what goes", async () => {
    expect(await deckDeletion(learner, parentId)).toEqual({ path: "IAM basics", subDecks: 1, cards: 69 });
    expect(await deleteOwnDeck(learner, parentId)).toEqual({ path: "IAM basics", subDecks: 1, cards: 69 });
    expect(await prisma.deck.count({ where: { id: { in: [parentId, childId] } } })).toBe(0);
    expect(await prisma.cardState.count({ where: { userId: learner.id } })).toBe(0);
    expect(await prisma.card.count({ where: { scope: learner.id } })).toBe(1); // the spare deck stays
  });
});

describe("deck paths that differ only in case", () => {
  // Paths are unique as written on both engines, so "Cased" and "cased" are two decks; Prisma's
  // startsWith ignores case on SQLite only, and the rename must not depend on the engine.
  it("lets a deck take a name whose other-case twin has sub-decks", async () => {
    const owner = await createLearner("cased@example.com");
    await importDeck(owner.id, "Cased › Inner", ["cased-1"]);
    await importDeck(owner.id, "Loose", ["loose-1"]);
    expect(await renameOwnDeck(owner, await deckIdOf(owner.id, "Loose"), "cased")).toEqual({ path: "cased" });
    await expect(renameOwnDeck(owner, await deckIdOf(owner.id, "cased"), "Cased")).rejects.toMatchObject({ code: "deck_exists" });
  });
});

describe("starterRepeats", () => {
  const draft = (deck: string[], front: string, back: string) => ({
    key: front,
    kind: "basic" as const,
    deckPath: deck,
    front,
    back,
    tags: [],
    source: { file: "n.md", line: 1 },
    noteKey: front,
  });

  it("says which imported decks and cards repeat the starter decks", async () => {
    const repeats = await starterRepeats([
      draft(["My notes", "Directory Services"], "Front s1", "Back s1"),
      draft(["My notes"], "Front s2 ", "Back s2"),
      draft(["My notes"], "Something else", "Back"),
    ]);
    expect(repeats).toEqual({ decks: ["My notes › Directory Services"], cards: 2 });
    expect(await starterRepeats([draft(["Mine"], "Other", "Text")])).toBeNull();
  });
});
