// The PostgreSQL engine's bulk writes under what SQLite never sees: transactions that really run
// side by side. Two imports of one scope run one after the other (the second plans from the first's
// cards); the image budget is checked under that lock; a grade is not held up by an import of its
// scope; and writes larger than one statement's slice land whole. Runs on PostgreSQL only
// (npm run test:db:postgresql).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CardDraft } from "@/lib/notes/types.ts";
import { withDatabase } from "../support/database.ts";
import { createLearner, type TestUser } from "../support/learners.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { databaseEngine } = await import("@/lib/db/engine/index.ts");
const { planImport } = await import("@/lib/db/import-plan.ts");
const { recordGrade } = await import("@/lib/db/review/index.ts");

const now = new Date("2026-12-02T09:00:00Z");
let learner: TestUser;

function drafts(keys: readonly string[], back = "Back", deck = "Deck"): CardDraft[] {
  return keys.map((key, i) => ({
    key,
    kind: "basic",
    deckPath: [deck],
    front: `Front ${key}`,
    back: `${back} ${key}`,
    tags: ["iam"],
    source: { file: `${deck}.md`, line: i + 1 },
    noteKey: `note-${key}`,
  }));
}

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

const importInto = (scope: string, cards: CardDraft[], file: string) =>
  databaseEngine().bulkWrites.importInTransaction({ scope, ownerId: scope }, (stored) => planImport(stored, cards, [file]), now);

/**
 * Makes every insert into `table` sleep, so a transaction that writes there stays open long enough
 * for another to start beside it; gives back the undo.
 */
async function slowInserts(table: string, seconds: number): Promise<() => Promise<void>> {
  const name = `slow_${table.toLowerCase()}`;
  await withDatabase(database.url, async (db) => {
    await db.run(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(${seconds}); RETURN NEW; END $$`);
    await db.run(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  });
  return () => withDatabase(database.url, (db) => db.run(`DROP FUNCTION ${name}() CASCADE`)).then(() => undefined);
}

beforeAll(async () => {
  learner = await createLearner("pg-bulk@example.com");
});

afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("bulk writes on PostgreSQL", () => {
  it("runs two first imports of one scope one after the other: the second plans from the first's cards", async () => {
    const user = await createLearner("pg-bulk-twice@example.com");
    const cards = drafts(["a", "b", "c"]);
    const restore = await slowInserts("Card", 0.2);
    const plans = await Promise.all([importInto(user.id, cards, "Deck.md"), importInto(user.id, cards, "Deck.md")]).finally(restore);
    expect(plans.map((p) => [p.create.length, p.unchanged]).sort()).toEqual([
      [0, 3],
      [3, 0],
    ]);
    expect(await prisma.card.count({ where: { scope: user.id } })).toBe(3);
    expect(await prisma.deck.count({ where: { scope: user.id } })).toBe(1);
  });

  it("checks the image budget under the scope's lock: of two imports that fit alone but not together, one writes nothing", async () => {
    const user = await createLearner("pg-bulk-media@example.com");
    const image = (name: string, fill: number) => ({
      name,
      sha256: name.padEnd(64, "0"),
      mime: "image/png",
      bytes: new Uint8Array(600).fill(fill),
    });
    const run = (cards: CardDraft[], media: ReturnType<typeof image>) =>
      databaseEngine().bulkWrites.importWithExtrasInTransaction(
        { scope: user.id, ownerId: user.id },
        (stored) => planImport(stored, cards, ["Deck.md"]),
        { media: [media], maxMediaBytes: 1_000, histories: [], clientReviewIdPrefix: "anki:" },
        now,
      );
    const restore = await slowInserts("Card", 0.3);
    const results = await Promise.all([run(drafts(["x"]), image("a", 1)), run(drafts(["x"]), image("b", 2))]).finally(restore);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, mediaBytesStored: 600, mediaBytesAdding: 600 });
    expect(await prisma.media.count({ where: { scope: user.id } })).toBe(1);
    expect(await prisma.card.count({ where: { scope: user.id } })).toBe(1);
  });

  it("lets a grade of a card through while an import of its scope holds the scope's cards", async () => {
    const [cardId] = await importInto(learner.id, drafts(["graded", "other"]), "Deck.md").then(() =>
      prisma.card.findMany({ where: { scope: learner.id, key: "graded" }, select: { id: true } }).then((rows) => rows.map((r) => r.id)),
    );
    // The import's first write after locking the cards (a new deck) sleeps, holding the locks meanwhile.
    const restore = await slowInserts("Deck", 1);
    try {
      const finished: string[] = [];
      const importing = importInto(learner.id, [...drafts(["graded", "other"]), ...drafts(["new"], "Back", "Second")], "Deck.md").then(() =>
        finished.push("import"),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const outcome = await recordGrade(
        learner,
        { cardId: cardId!, rating: 3, version: 0, clientReviewId: "during-import", durationMs: 1 },
        now,
      );
      finished.push("grade");
      await importing;
      expect(outcome).toMatchObject({ ok: true });
      expect(finished).toEqual(["grade", "import"]);
    } finally {
      await restore();
    }
  });

  it("writes imports and restores larger than one statement's slice whole", async () => {
    const user = await createLearner("pg-bulk-large@example.com");
    const many = keys("card", 12_001);
    expect((await importInto(user.id, drafts(many), "Deck.md")).create).toHaveLength(12_001);
    // Changed text for all but the last card, which left the note: updates and a suspension.
    const again = await importInto(user.id, drafts(many.slice(0, -1), "Changed"), "Deck.md");
    expect([again.update.length, again.suspend.length]).toEqual([12_000, 1]);
    const stored = await prisma.card.findMany({ where: { scope: user.id }, orderBy: { sourceLine: "asc" } });
    expect(stored).toHaveLength(12_001);
    expect(stored.filter((c) => c.back.startsWith("Changed"))).toHaveLength(12_000);
    expect(stored.filter((c) => c.suspended).map((c) => c.key)).toEqual(["card-12000"]);
    expect(stored[7]).toMatchObject({ key: "card-7", sourceLine: 8, tags: ["iam"], importedHash: null, noteKey: "note-card-7" });

    const cards = new Map(stored.slice(0, 3).map((c) => [c.key, { scope: user.id, key: c.key }]));
    const state = {
      due: now,
      stability: 2.5,
      difficulty: 5.25,
      elapsedDays: 1,
      scheduledDays: 3,
      learningSteps: 0,
      reps: 4,
      lapses: 1,
      state: 2 as const,
      lastReview: new Date(now.getTime() - 86_400_000),
      suspended: false,
      buriedUntil: null,
    };
    const logs = Array.from({ length: 11_000 }, (_, i) => ({
      cardKey: stored[i % 3]!.key,
      rating: 3 as const,
      state: 2 as const,
      due: now,
      stability: 2.5,
      difficulty: 5.25,
      elapsedDays: 1,
      lastElapsedDays: 1,
      scheduledDays: 3,
      learningSteps: 0,
      review: new Date(now.getTime() - i * 60_000),
      durationMs: i,
    }));
    const written = await databaseEngine().bulkWrites.restoreInTransaction({
      userId: user.id,
      cards,
      states: Object.fromEntries([...cards.keys()].map((key) => [key, state])),
      logs,
      settingsJson: '{"desiredRetention":0.85}',
      now,
    });
    expect(written).toEqual({ ok: true, cards: 3, reviews: 11_000 });
    expect(await prisma.reviewLog.count({ where: { userId: user.id } })).toBe(11_000);
    const oldest = await prisma.reviewLog.findFirstOrThrow({ where: { userId: user.id }, orderBy: { review: "asc" } });
    expect(oldest).toMatchObject({ durationMs: 10_999, review: new Date(now.getTime() - 10_999 * 60_000), clientReviewId: null });
    const states = await prisma.cardState.findMany({ where: { userId: user.id } });
    expect(states.map((s) => [s.stability, s.difficulty, s.state, s.version, s.lastReview?.toISOString()])).toEqual(
      Array(3).fill([2.5, 5.25, 2, 1, state.lastReview.toISOString()]),
    );
  });
});
