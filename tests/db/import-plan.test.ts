import { describe, expect, it } from "vitest";
import { draftRowValues, planImport, type StoredCard } from "@/lib/db/import-plan.ts";
import type { CardDraft } from "@/lib/notes/types.ts";

function draft(key: string, front: string, file = "a.md", line = 1, back = `answer to ${front}`): CardDraft {
  return { key, kind: "basic", deckPath: ["A", "B"], front, back, tags: ["t"], source: { file, line }, noteKey: key };
}

function stored(d: CardDraft, id: string, overrides: Partial<StoredCard> = {}): StoredCard {
  return { id, ...draftRowValues(d), suspended: false, ...overrides };
}

describe("planImport", () => {
  it("creates every card of a first import and lists its decks once", () => {
    const plan = planImport([], [draft("k1", "one"), draft("k2", "two")], ["a.md"]);
    expect(plan.create.map((c) => c.key)).toEqual(["k1", "k2"]);
    expect(plan.deckPaths).toEqual(["A › B"]);
    expect(plan.update).toEqual([]);
    expect(plan.suspend).toEqual([]);
  });

  it("changes nothing when the same drafts come again", () => {
    const drafts = [draft("k1", "one"), draft("k2", "two")];
    const plan = planImport(
      drafts.map((d, i) => stored(d, `id${i}`)),
      drafts,
      ["a.md"],
    );
    expect(plan.unchanged).toBe(2);
    expect(plan.create.length + plan.update.length + plan.suspend.length).toBe(0);
  });

  it("updates an edited card in place, keeping its id", () => {
    const before = draft("k1", "old front");
    const plan = planImport([stored(before, "card-1")], [draft("k1", "new front")], ["a.md"]);
    expect(plan.update).toEqual([{ id: "card-1", values: expect.objectContaining({ front: "new front" }) }]);
  });

  it("suspends a card whose block left an imported file, and leaves other files alone", () => {
    const gone = stored(draft("gone", "x", "a.md", 1), "id-gone");
    const otherFile = stored(draft("other", "y", "b.md"), "id-other");
    const plan = planImport([gone, otherFile], [draft("k1", "one", "a.md", 7)], ["a.md"]);
    expect(plan.suspend).toEqual([{ id: "id-gone", key: "gone", front: "x" }]);
    expect(plan.create.map((c) => c.key)).toEqual(["k1"]);
  });

  it("takes a reworded question with the same answer for the same card, wherever it moved", () => {
    const before = stored(draft("old-key", "What is STS?", "a.md", 3, "Security Token Service"), "card-1");
    const plan = planImport([before], [draft("new-key", "What does STS stand for?", "a.md", 9, "Security Token Service")], ["a.md"]);
    expect(plan.create).toEqual([]);
    expect(plan.suspend).toEqual([]);
    expect(plan.update).toEqual([{ id: "card-1", values: expect.objectContaining({ key: "new-key", front: "What does STS stand for?" }) }]);
  });

  it("takes a card edited on the same line of the same deck for the same card", () => {
    const before = stored(draft("old-key", "Old question", "a.md", 4, "old answer"), "card-2");
    const plan = planImport([before], [draft("new-key", "New question", "a.md", 4, "new answer")], ["a.md"]);
    expect(plan.update.map((u) => [u.id, u.values.key])).toEqual([["card-2", "new-key"]]);
  });

  it("pairs each vanished card once, and never across files or kinds", () => {
    const a = stored(draft("a", "Q1", "a.md", 1, "same"), "id-a");
    const plan = planImport(
      [a],
      [draft("n1", "Q1 reworded", "b.md", 1, "same"), { ...draft("n2", "Q1 again", "a.md", 1, "same"), kind: "cloze" }],
      ["a.md", "b.md"],
    );
    expect(plan.update).toEqual([]);
    expect(plan.suspend.map((c) => c.id)).toEqual(["id-a"]);
    expect(plan.create.map((c) => c.key).sort()).toEqual(["n1", "n2"]);
  });

  it("revives a suspended card whose block came back", () => {
    const d = draft("k1", "one");
    const plan = planImport([stored(d, "id-1", { suspended: true })], [d], ["a.md"]);
    expect(plan.update.map((u) => u.id)).toEqual(["id-1"]);
  });

  it("keeps the first of two drafts with one key", () => {
    const plan = planImport([], [draft("k1", "first"), draft("k1", "second")], ["a.md"]);
    expect(plan.create.map((c) => c.front)).toEqual(["first"]);
  });
});
