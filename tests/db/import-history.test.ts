// Review history carried in notes becomes the importing learner's scheduling state (docs/scheduling.md),
// and an edit made in the app survives a re-import (docs/importing.md, "Card identity"), on a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CardDraft, ReviewHistory } from "@/lib/notes/types.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { applyCardImport, previewCardImport } = await import("@/lib/db/card-import.ts");
const { updateOwnCard } = await import("@/lib/db/cards.ts");
const { STARTER_SCOPE } = await import("@/lib/db/library-scope.ts");

afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

const learner = { id: "", email: "history@example.com", name: null, role: "learner" as const, timeZone: "UTC" };
const target = { scope: "", ownerId: "" as string | null };
beforeAll(async () => {
  const user = await prisma.user.create({ data: { email: learner.email } });
  learner.id = user.id;
  target.scope = user.id;
  target.ownerId = user.id;
});

const obsidian: ReviewHistory = { source: "obsidian-sr", due: "2024-03-05", interval: 12, ease: 250 };
const logseq: ReviewHistory = {
  source: "logseq",
  interval: 4,
  repeats: 3,
  ease: 2.5,
  due: "2024-03-08T10:00:00.000Z",
  lastReviewed: "2024-03-04T10:00:00.000Z",
  lastScore: 3,
};

function draft(key: string, front: string, history?: ReviewHistory, back = "answer", file = "history.md"): CardDraft {
  return {
    key,
    kind: "basic",
    deckPath: ["History"],
    front,
    back,
    tags: [],
    source: { file, line: 1 },
    noteKey: key,
    ...(history ? { history } : {}),
  };
}

async function stateOf(userId: string, scope: string, key: string) {
  const card = await prisma.card.findFirstOrThrow({ where: { scope, key }, select: { id: true } });
  return prisma.cardState.findUnique({ where: { userId_cardId: { userId, cardId: card.id } } });
}

describe("review history carried in notes", () => {
  it("gives the importing learner an FSRS state for each card with a usable history, and leaves the rest new", async () => {
    await applyCardImport(
      target,
      [
        draft("obs", "Obsidian card", obsidian),
        draft("ls", "Logseq card", logseq),
        draft("plain", "No history"),
        draft("never", "Never reviewed in Logseq", { source: "logseq", interval: -1, repeats: 0, ease: 2.5 }),
      ],
      ["history.md"],
    );
    expect(await stateOf(learner.id, target.scope, "obs")).toMatchObject({
      state: 2,
      due: new Date("2024-03-05T00:00:00Z"),
      lastReview: new Date("2024-02-22T00:00:00Z"),
      scheduledDays: 12,
      reps: 1,
      version: 1,
      suspended: false,
    });
    const ls = await stateOf(learner.id, target.scope, "ls");
    expect(ls).toMatchObject({ state: 2, reps: 3, due: new Date("2024-03-08T10:00:00Z"), lastReview: new Date("2024-03-04T10:00:00Z") });
    expect(ls!.stability).toBeCloseTo(4, 6);
    expect(await stateOf(learner.id, target.scope, "plain")).toBeNull();
    expect(await stateOf(learner.id, target.scope, "never")).toBeNull();
  });

  it("keeps the app's history when the learner has studied the card here", async () => {
    const before = await stateOf(learner.id, target.scope, "obs");
    await prisma.cardState.update({ where: { id: before!.id }, data: { stability: 40, reps: 5, version: 3 } });
    await applyCardImport(
      target,
      [draft("obs", "Obsidian card", { ...obsidian, interval: 2 }), draft("ls", "Logseq card", logseq)],
      ["history.md"],
    );
    expect(await stateOf(learner.id, target.scope, "obs")).toMatchObject({ stability: 40, reps: 5, version: 3 });
  });

  it("gives a stored card the history its note now carries, when the learner has not studied it", async () => {
    await applyCardImport(target, [draft("plain", "No history", obsidian)], ["history.md"]);
    expect(await stateOf(learner.id, target.scope, "plain")).toMatchObject({ state: 2, scheduledDays: 12 });
  });

  it("keeps a burial of a card still new, with the history's schedule and a new version", async () => {
    await applyCardImport(target, [draft("buried", "Buried card", undefined, "answer", "buried.md")], ["buried.md"]);
    const card = await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "buried" } });
    const buriedUntil = new Date("2030-01-01T00:00:00Z");
    await prisma.cardState.create({
      data: {
        userId: learner.id,
        cardId: card.id,
        due: new Date(),
        stability: 0,
        difficulty: 0,
        elapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 0,
        reps: 0,
        lapses: 0,
        state: 0,
        lastReview: null,
        buriedUntil,
        version: 2,
      },
    });
    await applyCardImport(target, [draft("buried", "Buried card", obsidian, "answer", "buried.md")], ["buried.md"]);
    expect(await stateOf(learner.id, target.scope, "buried")).toMatchObject({ state: 2, buriedUntil, version: 3 });
  });

  it("writes no one's state into the starter decks, which have no importing learner", async () => {
    await applyCardImport({ scope: STARTER_SCOPE, ownerId: null }, [draft("starter-obs", "Starter card", obsidian)], ["history.md"]);
    const card = await prisma.card.findFirstOrThrow({ where: { scope: STARTER_SCOPE, key: "starter-obs" } });
    expect(await prisma.cardState.count({ where: { cardId: card.id } })).toBe(0);
  });

  it("writes nothing in a preview", async () => {
    const count = await prisma.cardState.count();
    await previewCardImport(target, [draft("preview-only", "Preview", obsidian)], ["history.md"]);
    expect(await prisma.cardState.count()).toBe(count);
  });
});

describe("a card edited in the app and a re-import", () => {
  const note = draft("edit", "What does sts:AssumeRole return?", undefined, "Temporary credentials", "edits.md");
  const changed = { ...note, back: "Temporary security credentials" };
  const mine = { front: "What does AssumeRole give back?", back: "Access key id, secret key, session token" };

  it("keeps the learner's edit when the note is re-imported unchanged", async () => {
    await applyCardImport(target, [note], ["edits.md"]);
    const card = await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "edit" } });
    expect(await updateOwnCard(learner, card.id, mine)).toBe(true);
    expect(await applyCardImport(target, [note], ["edits.md"])).toEqual({
      created: 0,
      updated: 0,
      suspended: 0,
      unchanged: 1,
      keptEdits: 0,
    });
    expect(await prisma.card.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject(mine);
  });

  it("keeps and reports the edit when the note changed too, once", async () => {
    const preview = await previewCardImport(target, [changed], ["edits.md"]);
    expect(preview.counts).toMatchObject({ updated: 0, keptEdits: 1 });
    expect(preview.plan.keptEdits.map((k) => [k.deckPath, k.front])).toEqual([["History", mine.front]]);
    expect(await applyCardImport(target, [changed], ["edits.md"])).toMatchObject({ updated: 0, keptEdits: 1 });
    expect(await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "edit" } })).toMatchObject(mine);
    // The note's new text is now what the import last wrote: importing it again is quiet.
    expect(await applyCardImport(target, [changed], ["edits.md"])).toMatchObject({ updated: 0, keptEdits: 0, unchanged: 1 });
  });

  it("keeps the first edit of a card stored before the hash existed", async () => {
    await applyCardImport(target, [draft("legacy", "Legacy question", undefined, "Legacy answer", "legacy.md")], ["legacy.md"]);
    const card = await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "legacy" } });
    await prisma.card.update({ where: { id: card.id }, data: { importedHash: null } });
    await updateOwnCard(learner, card.id, mine);
    const counts = await applyCardImport(
      target,
      [draft("legacy", "Legacy question", undefined, "Legacy answer", "legacy.md")],
      ["legacy.md"],
    );
    expect(counts).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await prisma.card.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject(mine);
  });

  it("clears the record when the learner edits the card back to the imported text", async () => {
    await applyCardImport(target, [draft("back", "Round trip", undefined, "answer", "back.md")], ["back.md"]);
    const card = await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "back" } });
    await updateOwnCard(learner, card.id, mine);
    expect((await prisma.card.findUniqueOrThrow({ where: { id: card.id } })).importedHash).not.toBeNull();
    await updateOwnCard(learner, card.id, { front: "Round trip", back: "answer" });
    expect((await prisma.card.findUniqueOrThrow({ where: { id: card.id } })).importedHash).toBeNull();
  });

  it("does not let another learner edit the card", async () => {
    const card = await prisma.card.findFirstOrThrow({ where: { scope: target.scope, key: "edit" } });
    const other = await prisma.user.create({ data: { email: "someone-else@example.com" } });
    expect(await updateOwnCard({ ...learner, id: other.id, email: other.email }, card.id, { front: "x", back: "y" })).toBe(false);
  });
});

describe("the learner's own FSRS parameters", () => {
  it("derive the difficulty from the ease with them", async () => {
    const { DEFAULT_PARAMETERS, difficultyFromEase } = await import("@/lib/srs/index.ts");
    const parameters = [...DEFAULT_PARAMETERS];
    parameters[8] = 1.2;
    const user = await prisma.user.create({ data: { email: "optimized@example.com", schedulerSettings: { parameters } } });
    await applyCardImport({ scope: user.id, ownerId: user.id }, [draft("own", "Own parameters", obsidian)], ["history.md"]);
    const state = await stateOf(user.id, user.id, "own");
    expect(state!.difficulty).toBeCloseTo(difficultyFromEase(2.5, 12, parameters), 6);
    expect(state!.difficulty).not.toBeCloseTo(difficultyFromEase(2.5, 12, DEFAULT_PARAMETERS), 2);
  });
});
