import { describe, expect, it } from "vitest";
import { importPreview, type CardDraft } from "../../lib/notes/index.ts";
import { cardsOf, note, SEED_FILES, seedText } from "./helpers.ts";

const keyed = (cards: readonly CardDraft[]) => new Map(cards.map((c) => [c.key, c.front]));

describe("card keys", () => {
  const seeds = SEED_FILES.map((name) => ({ name, text: seedText(name) }));

  it.each(seeds)("are unique and deterministic in $name", ({ name, text }) => {
    const a = cardsOf(text, name);
    const b = cardsOf(text, name);
    expect(new Set(a.map((c) => c.key)).size).toBe(a.length);
    expect(b).toEqual(a);
  });

  it.each(seeds)("survive lines inserted above in $name", ({ name, text }) => {
    const before = keyed(cardsOf(text, name));
    const lines = text.split("\n");
    // Insert after the first line so a title heading or page properties stay first.
    const edited = [lines[0], "", "Some new paragraph", "", ...lines.slice(1)].join("\n");
    const after = keyed(cardsOf(edited, name));
    for (const [key, front] of before) expect(after.get(key), front).toBe(front);
  });

  it.each(seeds)("only change for the edited card in $name", ({ name, text }) => {
    const before = cardsOf(text, name);
    const lines = text.split("\n");
    // An outline item's card (editing a heading would rightly move every card under it).
    const target = before.find((c) => !c.key.startsWith("id:") && /^\s*[-*] /.test(lines[c.source.line - 1]!))!;
    const line = lines[target.source.line - 1]!;
    const edited = text.split("\n");
    edited[target.source.line - 1] = line.replace(/(\S)\s*$/, "$1 (edited)");
    const after = keyed(cardsOf(edited.join("\n"), name));
    const unchanged = before.filter((c) => c.key !== target.key);
    for (const card of unchanged) expect(after.get(card.key), card.front).toBe(card.front);
  });

  it("keep a card's key when only its answer changes", () => {
    const a = cardsOf(note("# STS", "* `GetCallerIdentity` - who am I"));
    const b = cardsOf(note("# STS", "* `GetCallerIdentity` - returns the account, user id and ARN"));
    expect(b[0]!.key).toBe(a[0]!.key);
    expect(b[0]!.back).not.toBe(a[0]!.back);
  });

  it("keep keys when blocks are reordered", () => {
    const a = cardsOf(note("* Users", "\t* people", "* Roles", "\t* assumed"));
    const b = cardsOf(note("* Roles", "\t* assumed", "* Users", "\t* people"));
    expect(a).toHaveLength(2);
    expect(new Set(b.map((c) => c.key))).toEqual(new Set(a.map((c) => c.key)));
  });

  it("use a Logseq id:: when there is one, whatever the text", () => {
    const id = "65D38321-d79c-4de6-b0eb-ab0bfd9aa2f7";
    const a = cardsOf(note("- IAM #card", `  id:: ${id}`, "\t- identity"));
    const b = cardsOf(note("- IAM (renamed) #card", `  id:: ${id}`, "\t- identity and access"));
    expect(a[0]!.key).toBe(`id:${id.toLowerCase()}`);
    expect(b[0]!.key).toBe(a[0]!.key);
  });

  it("differ by file and by deck, but not by the --deck prefix", () => {
    const text = note("# A", "* x", "\t* y");
    const [inA] = cardsOf(text, "a.md");
    const [inB] = cardsOf(text, "b.md");
    const [underDeck] = cardsOf(text, "a.md", { deck: "Exam" });
    expect(inA!.key).not.toBe(inB!.key);
    expect(underDeck!.key).toBe(inA!.key);
    const [otherHeading] = cardsOf(note("# B", "* x", "\t* y"), "a.md");
    expect(otherHeading!.key).not.toBe(inA!.key);
  });

  it("disambiguate identical fronts in document order", () => {
    const cards = cardsOf(note("* Roles", "\t* one", "* Roles", "\t* two"));
    expect(cards[1]!.key).toBe(`${cards[0]!.key}~2`);
    expect(cards.map((c) => c.back)).toEqual(["- one", "- two"]);
  });

  it("give cloze siblings their own keys and a shared note key", () => {
    const cards = cardsOf(note("#flashcards", "- ==A== and ==B=="));
    expect(cards.map((c) => c.key.slice(-3))).toEqual(["#c1", "#c2"]);
    expect(cards[0]!.noteKey).toBe(cards[1]!.noteKey);
    expect(cards[0]!.noteKey).not.toBe(cards[0]!.key);
  });

  it("stay unique across an import when an id:: is reused in another file", () => {
    const id = "11111111-2222-3333-4444-555555555555";
    const page = note("- Q #card", `  id:: ${id}`, "\t- A");
    const preview = importPreview([
      { path: "pages/a.md", text: page },
      { path: "logseq/bak/a.md", text: page },
    ]);
    expect(preview.drafts.map((d) => d.key)).toEqual([`id:${id}`, `id:${id}~2`]);
    expect(preview.notices).toEqual([expect.objectContaining({ file: "logseq/bak/a.md", line: 1 })]);
  });
});
