// The scenario editor's examples are real scenarios: each validates and every one of its questions
// can be asked as multiple choice, as the quiz builder will ask it.
import { describe, expect, it } from "vitest";
import { askableQuestions, playScenario } from "@/lib/classroom/index.ts";
import { describeScenarioQuestions, parseScenario } from "@/lib/scenarios/index.ts";
import { SCENARIO_EXAMPLES } from "@/components/classroom/scenario-examples.ts";

const NOW = "2026-01-15T12:00:00Z";

describe("the scenario guide's examples", () => {
  it.each(SCENARIO_EXAMPLES.map((e) => [e.name, e.source] as const))("%s validates and every question has options", (_, source) => {
    const scenario = parseScenario(source);
    const played = playScenario(source, { now: NOW, seed: "guide" });
    expect(played.answered.questions.length).toBe(scenario.document.questions.length);
    expect(askableQuestions(played.answered)).toEqual(scenario.document.questions.map((_, i) => i));
    expect(describeScenarioQuestions(scenario)).toHaveLength(scenario.document.questions.length);
  });

  it("the Deny example's answers are the ones its guide promises", () => {
    const played = playScenario(SCENARIO_EXAMPLES[1]!.source, { now: NOW, seed: "guide" });
    const [allowed, deciding, change] = played.answered.questions;
    expect(allowed!.options!.find((o) => o.correct)!.text).toMatch(/denied/i);
    expect(deciding!.answer.text).toMatch(/NoDeletes|bucket policy/);
    expect(change!.answer.text).toMatch(/allowed/i);
  });
});
