// Anki's "Notes in Plain Text" export and CSV files with a header row (Anki manual, "Importing:
// Text files": the `#separator:`, `#html:`, `#columns:`, `#deck:`, `#tags:` and `#… column:` lines).
import { describe, expect, it } from "vitest";
import { AnkiImportError, isAnkiText, readTextTable, textDrafts } from "@/lib/anki/index.ts";

const ankiExport = [
  "#separator:tab",
  "#html:true",
  "#tags column:3",
  "What is an <b>SCP</b>?\tA guardrail<br>for accounts\taws::org scp",
  "ARN?\tAmazon Resource Name\t",
].join("\n");

describe("plain-text and CSV tables", () => {
  it("knows an Anki export by its header lines, and a CSV by its extension", () => {
    expect(isAnkiText("deck.txt", ankiExport)).toBe(true);
    expect(isAnkiText("notes.txt", "# A heading\nsome notes")).toBe(false);
    expect(isAnkiText("cards.csv", "front,back")).toBe(true);
  });

  it("reads Anki's plain-text export: separator, HTML and the tags column", () => {
    const table = readTextTable("deck.txt", ankiExport);
    expect(table.guess).toEqual(["front", "back", "tags"]);
    const { drafts } = textDrafts(table);
    expect(drafts.map((d) => [d.front, d.back, d.tags])).toEqual([
      ["What is an **SCP**?", "A guardrail  \nfor accounts", ["aws::org", "scp"]],
      ["ARN?", "Amazon Resource Name", []],
    ]);
    expect(drafts[0]!.deckPath).toEqual(["deck"]);
  });

  it("reads a CSV's header row, quotes and commas, and follows the learner's mapping", () => {
    const table = readTextTable("iam.csv", 'Deck,Question,Answer\nAWS::IAM,"Who is a principal, here?","An identity"\n');
    expect(table.columns).toEqual(["Deck", "Question", "Answer"]);
    expect(table.guess).toEqual(["deck", "front", "back"]);
    const swapped = textDrafts(table, ["deck", "back", "front"]).drafts[0]!;
    expect([swapped.front, swapped.back, swapped.deckPath]).toEqual(["An identity", "Who is a principal, here?", ["AWS", "IAM"]]);
  });

  it("names rows with an empty front and refuses a mapping without a front", () => {
    const table = readTextTable("a.csv", "front,back\n,lonely\nQ,A\n");
    const { drafts, problems } = textDrafts(table);
    expect(drafts).toHaveLength(1);
    expect(problems).toEqual([{ file: "a.csv", line: 1, message: "the row's front is empty; it was left out" }]);
    expect(() => textDrafts(table, ["back", "ignore"])).toThrow(/a\.csv: no column is mapped to the front/);
    expect(() => readTextTable("empty.csv", "front,back\n")).toThrow(AnkiImportError);
  });
});
