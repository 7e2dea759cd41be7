import { describe, expect, it } from "vitest";
import { draftRowValues, importedTextHash, planImport, type StoredCard } from "@/lib/db/import-plan.ts";
import { withoutUntickedCards, withoutUntickedFiles } from "@/lib/db/import-selection.ts";
import type { CardDraft } from "@/lib/notes/types.ts";

function draft(key: string, front: string, file = "a.md", line = 1, deck = ["A"], back = `answer to ${front}`): CardDraft {
  return { key, kind: "basic", deckPath: deck, front, back, tags: [], source: { file, line }, noteKey: key };
}

function stored(d: CardDraft, id: string, overrides: Partial<StoredCard> = {}): StoredCard {
  return { id, ...draftRowValues(d), suspended: false, ...overrides };
}

const none = new Set<string>();

describe("withoutUntickedFiles", () => {
  it("drops the unticked notes' drafts and paths, and keeps the rest in order", () => {
    const drafts = [draft("k1", "one", "a.md"), draft("k2", "two", "b.md"), draft("k3", "three", "a.md")];
    const chosen = withoutUntickedFiles(drafts, ["a.md", "b.md"], { untickedKeys: none, untickedFiles: new Set(["a.md"]) });
    expect(chosen.drafts.map((d) => d.key)).toEqual(["k2"]);
    expect(chosen.files).toEqual(["b.md"]);
  });

  it("leaves a stored card of an unticked note out of the plan, neither updated nor suspended", () => {
    const old = stored(draft("gone", "x", "a.md"), "id-gone");
    const chosen = withoutUntickedFiles([draft("k1", "one", "a.md")], ["a.md"], { untickedKeys: none, untickedFiles: new Set(["a.md"]) });
    const plan = planImport([old], chosen.drafts, chosen.files);
    expect([plan.create, plan.update, plan.suspend, plan.unchanged]).toEqual([[], [], [], 0]);
  });
});

describe("withoutUntickedCards", () => {
  const kept = draft("kept", "same", "a.md", 1, ["A"]);
  const changed = draft("changed", "new text", "a.md", 2, ["A"]);
  const fresh = draft("fresh", "brand new", "a.md", 3, ["Only fresh"]);
  const drafts = [kept, changed, fresh];
  const storedCards = [
    stored(kept, "id-kept"),
    stored(draft("changed", "old text", "a.md", 2, ["A"]), "id-changed"),
    stored(draft("gone", "vanished", "a.md", 9, ["A"], "unrelated"), "id-gone"),
  ];
  const plan = planImport(storedCards, drafts, ["a.md"]);

  it("is the plan itself when nothing is unticked", () => {
    expect(withoutUntickedCards(plan, drafts, none)).toBe(plan);
  });

  it.each([
    ["a new card", "fresh", { create: [], update: ["changed"], suspend: ["gone"], unchanged: 1 }],
    ["an updated card", "changed", { create: ["fresh"], update: [], suspend: ["gone"], unchanged: 1 }],
    ["an unchanged card", "kept", { create: ["fresh"], update: ["changed"], suspend: ["gone"], unchanged: 0 }],
    ["a card to suspend", "gone", { create: ["fresh"], update: ["changed"], suspend: [], unchanged: 1 }],
  ])("takes out %s and nothing else", (_what, key, expected) => {
    const chosen = withoutUntickedCards(plan, drafts, new Set([key]));
    expect({
      create: chosen.create.map((c) => c.key),
      update: chosen.update.map((u) => u.values.key),
      suspend: chosen.suspend.map((s) => s.key),
      unchanged: chosen.unchanged,
    }).toEqual(expected);
  });

  it("drops a deck only unticked cards needed, keeping the plan's order", () => {
    expect(plan.deckPaths).toEqual(["A", "Only fresh"]);
    expect(withoutUntickedCards(plan, drafts, new Set(["fresh"])).deckPaths).toEqual(["A"]);
    expect(withoutUntickedCards(plan, drafts, new Set(["kept", "changed"])).deckPaths).toEqual(["Only fresh"]);
  });

  it("takes out a card whose edit in the app would be kept, and the history a new card would bring", () => {
    const edited = stored(draft("mine", "the note's front", "a.md", 1), "id-mine", {
      front: "my own front",
      importedHash: importedTextHash("the note's front", "answer to the note's front"),
    });
    const withHistory: CardDraft = {
      ...draft("new", "new card", "a.md", 2),
      history: { source: "obsidian-sr", due: "2026-01-01", interval: 3, ease: 250 },
    };
    const both = [draft("mine", "the note's new front", "a.md", 1), withHistory];
    const full = planImport([edited], both, ["a.md"]);
    expect(full.keptEdits.map((k) => k.id)).toEqual(["id-mine"]);
    expect(full.histories.map((h) => h.key)).toEqual(["new"]);
    const chosen = withoutUntickedCards(full, both, new Set(["mine", "new"]));
    expect([chosen.keptEdits, chosen.histories, chosen.create, chosen.unchanged]).toEqual([[], [], [], 0]);
  });

  it("leaves a reworded card's stored row alone when its new wording is unticked", () => {
    const before = stored(draft("old-key", "What is STS?", "a.md", 3, ["A"], "Security Token Service"), "card-1");
    const reworded = [draft("new-key", "What does STS stand for?", "a.md", 3, ["A"], "Security Token Service")];
    const paired = planImport([before], reworded, ["a.md"]);
    expect(paired.update.map((u) => u.id)).toEqual(["card-1"]);
    const chosen = withoutUntickedCards(paired, reworded, new Set(["new-key"]));
    expect([chosen.create, chosen.update, chosen.suspend]).toEqual([[], [], []]);
  });
});
