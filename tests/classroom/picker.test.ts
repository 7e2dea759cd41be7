// The quiz builder's picker: one row per scenario (its title and its questions in words), one per
// card, each saying whether the quiz already holds it (lib/classroom/picker.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pickerRows, quizContents, type DeckCard } from "@/lib/classroom/index.ts";
import { SCENARIO_EXAMPLES } from "@/components/classroom/scenario-examples.ts";

const seed = readFileSync(new URL("../../seeds/scenarios/iam-and-bucket-example-2-bucket-denies-role.yaml", import.meta.url), "utf8");
const scenarioCards = (prefix: string, source: string, count: number): DeckCard[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    kind: "scenario",
    front: source,
    back: JSON.stringify({ question: i }),
  }));

const cards: DeckCard[] = [
  { id: "c1", kind: "basic", front: "What is an SCP?", back: "A guardrail" },
  ...scenarioCards("s", seed, 3),
  { id: "c2", kind: "cloze", front: "A {{c1::role}}", back: "" },
  ...scenarioCards("d", SCENARIO_EXAMPLES[1]!.source, 3),
  { id: "bad", kind: "scenario", front: "title: broken\n", back: "{}" },
];

describe("picker rows", () => {
  const rows = pickerRows(cards, quizContents([]));

  it("show a scenario once, where its first card was, with its title and one sentence per question", () => {
    expect(rows.map((r) => `${r.kind}:${r.cardId}`)).toEqual(["card:c1", "scenario:s0", "card:c2", "scenario:d0", "scenario:bad"]);
    const deny = rows[3]!;
    expect(deny).toMatchObject({ kind: "scenario", title: "Does the bucket's Deny beat the user's Allow?", problem: null });
    expect(deny.kind === "scenario" && deny.questions).toEqual([
      "Is it allowed when alice deletes an archived report?",
      "Which policy decides when alice deletes an archived report?",
      "After the change (The NoDeletes statement is removed from the bucket policy), which are allowed: alice deletes an archived report?",
    ]);
    const fromSeed = rows[1]!;
    expect(fromSeed.kind === "scenario" && fromSeed.questions[0]).toMatch(
      /^Is it allowed when the instance .* calls s3:GetObject on arn:aws:s3:::/,
    );
  });

  it("never show a scenario's source, and name the problem of one that no longer validates", () => {
    expect(JSON.stringify(rows)).not.toContain("trustPolicy");
    expect(rows[4]).toMatchObject({ kind: "scenario", questions: [], problem: expect.stringMatching(/deck|required/i) });
  });

  it("say which cards cannot be multiple choice", () => {
    expect(rows.filter((r) => r.kind === "card").map((r) => r.kind === "card" && r.askable)).toEqual([true, false]);
  });

  it("mark what the quiz holds already: a card by its id, a scenario by its text (wherever it was added from)", () => {
    const held = pickerRows(
      cards,
      quizContents([
        { kind: "card", cardId: "c1", scenarioSource: null },
        { kind: "scenario", cardId: null, scenarioSource: `${SCENARIO_EXAMPLES[1]!.source}\n\n` },
      ]),
    );
    expect(held.map((r) => r.added)).toEqual([true, false, false, true, false]);
  });
});
