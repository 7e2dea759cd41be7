// Studying a parent deck takes its sub-decks' cards too (issue 14): deckIdsWithin finds a deck and
// every deck under it among the decks the learner can read. And "Study N more today" raises the
// counts the deck list shows until the learner's day ends, and only for that learner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { createLearner, importDeck, type TestUser } from "../support/learners.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { deckIdsWithin, listDecksWithCounts } = await import("@/lib/db/decks.ts");
const { raiseNewCardsToday } = await import("@/lib/db/settings.ts");

let learner: TestUser;
let outsider: TestUser;
const ids: Record<string, string> = {};
const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
const deckIdOf = async (scope: string, path: string) => (await prisma.deck.findFirstOrThrow({ where: { scope, path } })).id;

beforeAll(async () => {
  learner = await createLearner("within@example.com", "Europe/Paris");
  outsider = await createLearner("within-outsider@example.com");
  await importDeck(learner.id, "AWS", keys("aws", 30));
  await importDeck(learner.id, "AWS › IAM", keys("iam", 2));
  await importDeck(learner.id, "AWS › IAM › Roles", keys("roles", 2));
  await importDeck(learner.id, "AWS2", keys("aws2", 1));
  await importDeck(learner.id, "aws › lower", keys("lower", 1));
  await importDeck("starter", "AWS › STS", keys("sts", 1));
  await importDeck(outsider.id, "AWS › Theirs", keys("theirs", 1));
  for (const [name, scope, path] of [
    ["aws", learner.id, "AWS"],
    ["iam", learner.id, "AWS › IAM"],
    ["roles", learner.id, "AWS › IAM › Roles"],
    ["sts", "starter", "AWS › STS"],
    ["theirs", outsider.id, "AWS › Theirs"],
  ] as const) {
    ids[name] = await deckIdOf(scope, path);
  }
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("deckIdsWithin", () => {
  it("gives the deck first, then every readable deck under it, starter decks included", async () => {
    expect(await deckIdsWithin(learner, ids.aws!)).toEqual([ids.aws, ids.iam, ids.roles, ids.sts]);
    expect(await deckIdsWithin(learner, ids.iam!)).toEqual([ids.iam, ids.roles]);
    expect(await deckIdsWithin(learner, ids.roles!)).toEqual([ids.roles]);
  });

  it("leaves out decks that only share a prefix or differ in case, and other learners' decks", async () => {
    const within = await deckIdsWithin(learner, ids.aws!);
    expect(within).not.toContain(ids.theirs);
    const names = await prisma.deck.findMany({ where: { id: { in: within } }, select: { path: true } });
    expect(names.map((d) => d.path).sort()).toEqual(["AWS", "AWS › IAM", "AWS › IAM › Roles", "AWS › STS"]);
  });

  it("gives nothing for a deck the learner may not read", async () => {
    expect(await deckIdsWithin(learner, ids.theirs!)).toEqual([]);
    expect(await deckIdsWithin(outsider, ids.iam!)).toEqual([]);
    expect(await deckIdsWithin(learner, "no-such-deck")).toEqual([]);
  });
});

describe("study more new cards today", () => {
  const now = new Date("2026-06-15T12:00:00Z");

  it("raises the deck list's new cards until the learner's day ends, and only the learner's", async () => {
    const before = await listDecksWithCounts(learner, now);
    expect(before.total.new).toBe(20);
    expect(before.total.held).toMatchObject({ kind: "new", scope: "all", perDay: 20 });

    const saved = await raiseNewCardsToday(learner, null, 10, now);
    expect(saved.ok).toBe(true);
    // Paris is UTC+2 in June; the day rolls over at 04:00 there.
    expect(saved.ok && saved.settings.raisedNew).toEqual([{ deckId: null, extra: 10, until: "2026-06-16T02:00:00.000Z" }]);
    expect((await listDecksWithCounts(learner, now)).total.new).toBe(30);
    expect((await listDecksWithCounts(learner, new Date("2026-06-16T02:00:00Z"))).total.new).toBe(20);
    expect((await listDecksWithCounts(outsider, now)).total.new).toBe(2);
  });

  it("raises one deck's own limit, and refuses a deck the learner may not read", async () => {
    await prisma.user.update({
      where: { id: learner.id },
      data: { schedulerSettings: { decks: { [ids.aws!]: { newPerDay: 5 } } } },
    });
    const aws = async () => (await listDecksWithCounts(learner, now)).decks.find((d) => d.id === ids.aws)!.today;
    expect(await aws()).toMatchObject({ new: 5, held: { kind: "new", scope: "deck", perDay: 5 } });
    expect((await raiseNewCardsToday(learner, ids.aws!, 7, now)).ok).toBe(true);
    expect((await aws()).new).toBe(12);
    const refused = await raiseNewCardsToday(learner, ids.theirs!, 7, now);
    expect(refused).toEqual({ ok: false, notFound: true });
  });
});
