// A card edited in the app against a re-import of its note (lib/db/import-plan.ts, keepEdit): the
// note's text wins only where the learner did not edit; a conflict is kept and reported.
import { describe, expect, it } from "vitest";
import { draftRowValues, importedTextHash, planImport, type StoredCard } from "@/lib/db/import-plan.ts";
import type { CardDraft, ReviewHistory } from "@/lib/notes/types.ts";

function draft(key: string, front: string, back: string, line = 1): CardDraft {
  return { key, kind: "basic", deckPath: ["A", "B"], front, back, tags: [], source: { file: "a.md", line }, noteKey: key };
}

/** A card as the import of `imported` stored it, then (optionally) edited in the app, which records the imported text's hash. */
function stored(imported: CardDraft, id: string, edit?: { front: string; back: string }): StoredCard {
  const card: StoredCard = { id, ...draftRowValues(imported), suspended: false };
  return edit ? { ...card, ...edit, importedHash: importedTextHash(imported.front, imported.back) } : card;
}

const note = draft("k1", "What does sts:AssumeRole return?", "Temporary credentials");
const edit = { front: "What does sts:AssumeRole return? (in my words)", back: "Temporary credentials: key id, secret, session token" };

describe("planImport and the learner's edits", () => {
  it.each([
    {
      name: "note unchanged, card edited in the app: the edit stays, nothing written",
      card: stored(note, "c1", edit),
      draft: note,
      expected: { unchanged: 1, update: [], keptEdits: [] },
    },
    {
      name: "note unchanged, card edited, block moved: the edit stays, the position moves",
      card: stored(note, "c1", edit),
      draft: { ...note, source: { file: "a.md", line: 9 } },
      expected: {
        unchanged: 0,
        update: [
          { id: "c1", values: expect.objectContaining({ ...edit, sourceLine: 9, importedHash: importedTextHash(note.front, note.back) }) },
        ],
        keptEdits: [],
      },
    },
    {
      name: "note changed, card not edited: the note's text is written",
      card: stored(note, "c1"),
      draft: { ...note, back: "Temporary security credentials" },
      expected: { update: [{ id: "c1", values: expect.objectContaining({ back: "Temporary security credentials" }) }], keptEdits: [] },
    },
    {
      name: "note changed and card edited: the edit stays and is reported",
      card: stored(note, "c1", edit),
      draft: { ...note, back: "Temporary security credentials" },
      expected: {
        update: [],
        keptEdits: [
          {
            id: "c1",
            deckPath: "A › B",
            front: edit.front,
            values: expect.objectContaining({ ...edit, importedHash: importedTextHash(note.front, "Temporary security credentials") }),
          },
        ],
      },
    },
    {
      name: "a note that now reads as the learner's edit: the card is unedited again (its hash cleared)",
      card: stored(note, "c1", edit),
      draft: { ...note, ...edit },
      expected: { update: [{ id: "c1", values: expect.objectContaining({ ...edit, importedHash: null }) }], keptEdits: [] },
    },
    {
      name: "a card without a hash holds the import's text (or was stored before the hash existed): the note's text is written",
      card: { ...stored(note, "c1", edit), importedHash: null },
      draft: { ...note, back: "Temporary security credentials" },
      expected: {
        update: [{ id: "c1", values: expect.objectContaining({ back: "Temporary security credentials", importedHash: null }) }],
        keptEdits: [],
      },
    },
    {
      name: "an unedited card and an unchanged note: unchanged, nothing hashed or written",
      card: stored(note, "c1"),
      draft: note,
      expected: { unchanged: 1, update: [], keptEdits: [] },
    },
  ])("$name", ({ card, draft: d, expected }) => {
    expect(planImport([card], [d], ["a.md"])).toMatchObject(expected);
  });

  it("keeps the edit of a card whose question was reworded in the note (a new key), and moves it to the new key", () => {
    const card = stored(draft("old", "Old question", "old answer", 4), "c2", edit);
    const plan = planImport([card], [draft("new", "New question", "new answer", 4)], ["a.md"]);
    expect(plan.create).toEqual([]);
    expect(plan.suspend).toEqual([]);
    expect(plan.keptEdits).toEqual([
      { id: "c2", deckPath: "A › B", front: edit.front, values: expect.objectContaining({ key: "new", ...edit }) },
    ]);
  });

  it("writes a paired card whose key alone changed", () => {
    const before = draft("old", "Same question", "same answer", 4);
    const plan = planImport([stored(before, "c3")], [{ ...before, key: "new" }], ["a.md"]);
    expect(plan.update).toEqual([{ id: "c3", values: expect.objectContaining({ key: "new" }) }]);
  });
});

describe("planImport and review histories", () => {
  const history: ReviewHistory = { source: "obsidian-sr", due: "2024-03-05", interval: 12, ease: 250 };

  it("lists the history of the first draft of each key, for new and stored cards alike", () => {
    const drafts = [
      { ...draft("k1", "one", "1"), history },
      { ...draft("k1", "one again", "1"), history: { ...history, interval: 99 } },
      draft("k2", "two", "2"),
      { ...draft("k3", "three", "3"), history },
    ];
    const plan = planImport([stored(drafts[3]!, "c3")], drafts, ["a.md"]);
    expect(plan.histories).toEqual([
      { key: "k1", history },
      { key: "k3", history },
    ]);
  });
});
