// Every seed scenario validates and answers; every answer comes with what a card needs; answering is
// deterministic for a fixed clock and seed.

import { describe, expect, it } from "vitest";
import { parseScenario, renderScenarioCards } from "../../lib/scenarios/index.ts";
import { answer, seedFiles, seedText } from "./support.ts";

const files = seedFiles();

describe("seed scenarios", () => {
  it("cover every computable claim of the seed notes (one file per claim)", () => {
    expect(files).toHaveLength(18);
  });

  it.each(files)("%s validates, answers every question, and renders cards", async (file) => {
    const scenario = parseScenario(seedText(file));
    expect(scenario.resolved.title).not.toMatch(/\{\{/);
    expect(scenario.resolved.deck[0]).toBe("Scenarios");
    const answered = await answer(seedText(file));
    expect(answered.questions).toHaveLength(scenario.resolved.questions.length);
    for (const q of answered.questions) {
      expect(q.answer.value.kind).not.toBe("unanswered");
      expect(q.prompt.length).toBeGreaterThan(10);
      expect(q.explanation.length).toBeGreaterThan(0);
      expect(q.options?.filter((o) => o.correct).length ?? 0).toBeGreaterThanOrEqual(1);
      for (const s of q.decidingStatements) {
        expect(s.lines, `${file} q${q.index} ${s.policyId}`).toBeDefined();
        const body = s.policyText
          .split("\n")
          .slice(s.lines!.start - 1, s.lines!.end)
          .join("\n");
        expect(JSON.parse(body.replace(/,$/, "")).Effect).toBe(s.effect);
      }
    }
    const cards = renderScenarioCards(answered);
    expect(cards).toHaveLength(answered.questions.length);
    for (const card of cards) {
      expect(card.front).toContain("**Question.**");
      expect(card.back).toMatch(/^\*\*Answer:\*\*/);
    }
    expect(await answer(seedText(file))).toEqual(answered);
  });
});
