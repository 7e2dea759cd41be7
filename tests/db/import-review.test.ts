import { describe, expect, it } from "vitest";
import { draftRowValues, importedTextHash, planImport, type StoredCard } from "@/lib/db/import-plan.ts";
import { buildImportReview } from "@/lib/db/import-review.ts";
import type { CardDraft } from "@/lib/notes/types.ts";

function draft(key: string, front: string, file: string, line: number): CardDraft {
  return { key, kind: "basic", deckPath: ["A", "B"], front, back: `answer to ${front}`, tags: [], source: { file, line }, noteKey: key };
}

function stored(d: CardDraft, id: string, overrides: Partial<StoredCard> = {}): StoredCard {
  return { id, ...draftRowValues(d), suspended: false, ...overrides };
}

const faces = (key: string) => ({ front: `<p>${key}</p>`, back: "<p>b</p>", shortened: false });

describe("buildImportReview", () => {
  const drafts = [draft("k1", "one", "a.md", 1), draft("k2", "two\n  more", "a.md", 5), draft("k3", "three", "b.md", 2)];
  const storedCards = [
    stored(drafts[0]!, "id1"),
    stored(draft("k2", "two before", "a.md", 5), "id2"),
    stored(draft("gone", "was here", "a.md", 9), "id-gone"),
    stored(draft("other", "elsewhere", "c.md", 1), "id-other"),
  ];
  const plan = planImport(storedCards, drafts, ["a.md", "b.md"]);
  const review = {
    faces: [faces("k1"), faces("k2")],
    skippedBlocks: [{ file: "b.md", line: 4, text: "Lonely", reason: "nothing under it to use as the answer" }],
    notices: [{ file: "a.md", line: 3, message: "a code fence is not closed" }],
    unlisted: { skippedBlocks: 0, notices: 1 },
  };

  it("groups cards by note with what confirming does to each, the cards to suspend last", () => {
    const built = buildImportReview({ drafts, files: ["a.md", "b.md"], plan, stored: storedCards, review });
    expect(built.files.map((f) => f.path)).toEqual(["a.md", "b.md"]);
    const [a, b] = built.files;
    expect(a!.cards.map((c) => [c.key, c.action, c.line])).toEqual([
      ["k1", "unchanged", 1],
      ["k2", "update", 5],
      ["gone", "suspend", 9],
    ]);
    expect(a!.cards[1]).toMatchObject({ front: "two more", deckPath: "A › B", faces: faces("k2") });
    expect(a!.cards[2]!.faces).toBeUndefined();
    expect(a!.counts).toEqual({ create: 0, update: 1, unchanged: 1, keepEdit: 0, suspend: 1 });
    expect(a!.notices).toEqual(review.notices);
    expect(b!.cards).toEqual([expect.objectContaining({ key: "k3", action: "create", front: "three" })]);
    expect(b!.cards[0]!.faces).toBeUndefined();
    expect(b!.skippedBlocks).toEqual(review.skippedBlocks);
    expect(built.unrendered).toBe(1);
    expect(built.unlisted).toEqual({ cards: 0, skippedBlocks: 0, notices: 1 });
  });

  it("lists at most listedCards cards and counts the rest per note", () => {
    const built = buildImportReview({ drafts, files: ["a.md", "b.md"], plan, stored: storedCards, review, listedCards: 2 });
    expect(built.files.map((f) => [f.path, f.cards.length, f.unlisted])).toEqual([
      ["a.md", 2, 1],
      ["b.md", 0, 1],
    ]);
    expect(built.files[1]!.counts.create).toBe(1);
    expect(built.unlisted.cards).toBe(2);
  });

  it("marks a card whose edit in the app is kept", () => {
    const note = draft("k1", "the note's new front", "a.md", 1);
    const edited = stored(draft("k1", "the note's old front", "a.md", 1), "id1", {
      front: "my front",
      importedHash: importedTextHash("the note's old front", "answer to the note's old front"),
    });
    const built = buildImportReview({
      drafts: [note],
      files: ["a.md"],
      plan: planImport([edited], [note], ["a.md"]),
      stored: [edited],
      review: { ...review, faces: [] },
    });
    expect(built.files[0]!.cards.map((c) => c.action)).toEqual(["keepEdit"]);
  });

  it("shortens a long front to one line", () => {
    const long = draft("long", `${"word ".repeat(100)}\nsecond line`, "a.md", 1);
    const built = buildImportReview({
      drafts: [long],
      files: ["a.md"],
      plan: planImport([], [long], ["a.md"]),
      stored: [],
      review: { ...review, faces: [] },
    });
    const front = built.files[0]!.cards[0]!.front;
    expect(front).toHaveLength(200);
    expect(front.endsWith("…")).toBe(true);
    expect(front).not.toContain("\n");
  });
});
