// Importing drafts into a real SQLite file: history survives edits, vanished cards are suspended.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CardDraft } from "@/lib/notes/types.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { applyCardImport, previewCardImport } = await import("@/lib/db/card-import.ts");

afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

const target = { scope: "", ownerId: "" };
beforeAll(async () => {
  const user = await prisma.user.create({ data: { email: "importer@example.com" } });
  target.scope = user.id;
  target.ownerId = user.id;
});

function draft(key: string, front: string, back = "answer", deckPath = ["Notes", "STS"]): CardDraft {
  return { key, kind: "basic", deckPath, front, back, tags: ["aws"], source: { file: "notes.md", line: 3 }, noteKey: key };
}

describe("applyCardImport", () => {
  it("creates decks and cards, then changes nothing on the same import", async () => {
    const drafts = [draft("a", "What is STS?"), draft("b", "What does AssumeRole return?")];
    expect(await applyCardImport(target, drafts, ["notes.md"])).toEqual({
      created: 2,
      updated: 0,
      suspended: 0,
      unchanged: 0,
      keptEdits: 0,
    });
    expect(await applyCardImport(target, drafts, ["notes.md"])).toEqual({
      created: 0,
      updated: 0,
      suspended: 0,
      unchanged: 2,
      keptEdits: 0,
    });
    const deck = await prisma.deck.findFirstOrThrow({ where: { scope: target.scope } });
    expect(deck).toMatchObject({ path: "Notes › STS", name: "STS", ownerId: target.ownerId });
  });

  it("keeps a card's id and review history when its text changes, and suspends a vanished one", async () => {
    const card = await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "a" } });
    const now = new Date("2026-11-22T10:00:00Z");
    await prisma.cardState.create({
      data: {
        userId: target.ownerId,
        cardId: card.id,
        due: now,
        stability: 3.2,
        difficulty: 5,
        elapsedDays: 0,
        scheduledDays: 3,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
        lastReview: now,
      },
    });
    await prisma.reviewLog.create({
      data: {
        userId: target.ownerId,
        cardId: card.id,
        rating: 3,
        state: 0,
        due: now,
        stability: 0,
        difficulty: 0,
        elapsedDays: 0,
        lastElapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 0,
        review: now,
      },
    });

    const preview = await previewCardImport(target, [draft("a", "What is AWS STS?")], ["notes.md"]);
    expect(preview.counts).toEqual({ created: 0, updated: 1, suspended: 1, unchanged: 0, keptEdits: 0 });
    expect(await prisma.card.count({ where: { scope: target.scope, suspended: true } })).toBe(0); // preview writes nothing

    expect(await applyCardImport(target, [draft("a", "What is AWS STS?")], ["notes.md"])).toEqual({
      created: 0,
      updated: 1,
      suspended: 1,
      unchanged: 0,
      keptEdits: 0,
    });
    const after = await prisma.card.findFirstOrThrow({
      where: { scope: target.scope, key: "a" },
      include: { states: true, reviewLogs: true },
    });
    expect(after.id).toBe(card.id);
    expect(after.front).toBe("What is AWS STS?");
    expect(after.states).toHaveLength(1);
    expect(after.reviewLogs).toHaveLength(1);
    const vanished = await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "b" } });
    expect(vanished.suspended).toBe(true);
  });

  it("brings a suspended card back when its block returns", async () => {
    const counts = await applyCardImport(
      target,
      [draft("a", "What is AWS STS?"), draft("b", "What does AssumeRole return?")],
      ["notes.md"],
    );
    expect(counts).toEqual({ created: 0, updated: 1, suspended: 0, unchanged: 1, keptEdits: 0 });
    expect(await prisma.card.count({ where: { scope: target.scope, suspended: true } })).toBe(0);
  });

  it("keeps a card's id and history when its question is reworded (a new key)", async () => {
    const card = await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "a" } });
    const reworded = { ...draft("a-reworded", "What is the AWS Security Token Service?"), back: card.back };
    const counts = await applyCardImport(target, [reworded, draft("b", "What does AssumeRole return?")], ["notes.md"]);
    expect(counts).toMatchObject({ created: 0, suspended: 0 });
    const after = await prisma.card.findUniqueOrThrow({ where: { id: card.id }, include: { states: true, reviewLogs: true } });
    expect(after.key).toBe("a-reworded");
    expect(after.states).toHaveLength(1);
    expect(after.reviewLogs).toHaveLength(1);
    // And back again, so the tests below see the card under its first key.
    await applyCardImport(
      target,
      [{ ...draft("a", "What is AWS STS?"), back: card.back }, draft("b", "What does AssumeRole return?")],
      ["notes.md"],
    );
  });

  it("moves a card to a new deck when its heading changes, keeping its id", async () => {
    const before = await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "a" } });
    await applyCardImport(
      target,
      [draft("a", "What is AWS STS?", "answer", ["Notes", "Security Token Service"]), draft("b", "What does AssumeRole return?")],
      ["notes.md"],
    );
    const after = await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "a" }, include: { deck: true } });
    expect(after.id).toBe(before.id);
    expect(after.deck.path).toBe("Notes › Security Token Service");
  });

  it("writes nothing when the transaction fails part way", async () => {
    const before = await prisma.card.count();
    const bad = [draft("c", "A new card"), { ...draft("d", "Broken"), kind: undefined as unknown as "basic" }];
    await expect(applyCardImport(target, bad, ["notes.md"])).rejects.toThrow();
    expect(await prisma.card.count()).toBe(before);
    expect(await prisma.card.count({ where: { scope: target.scope, key: "c" } })).toBe(0);
  });

  it("keeps one user's import out of another user's library", async () => {
    const other = await prisma.user.create({ data: { email: "other@example.com" } });
    await applyCardImport({ scope: other.id, ownerId: other.id }, [draft("a", "Their own card")], ["notes.md"]);
    const mine = await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "a" } });
    expect(mine.front).toBe("What is AWS STS?");
    expect(await prisma.card.count({ where: { scope: other.id } })).toBe(1);
  });
});
