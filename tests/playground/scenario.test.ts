// "Make a scenario card": the scenario built from the playground is valid for the scenario engine,
// and the engine, evaluating it afresh, reaches the decision the playground shows.
import { describe, expect, it } from "vitest";
import { answerScenario, parseScenario } from "@/lib/scenarios/index.ts";
import { createEvaluator } from "@/lib/playground/evaluate-state.ts";
import { PRESETS, presetById } from "@/lib/playground/presets.ts";
import { buildScenario } from "@/lib/playground/scenario.ts";
import type { PlaygroundState } from "@/lib/playground/types.ts";

const evaluateState = createEvaluator();
const NOW = "2025-01-15T10:00:00Z";

function engineAnswer(state: PlaygroundState) {
  const built = buildScenario(state);
  if (!built.ok) throw new Error(built.problem);
  const answered = answerScenario(parseScenario(built.scenario), { now: NOW, seed: 1 });
  const allowed = answered.questions.find((q) => q.kind === "allowed")!.answer.value;
  if (allowed.kind !== "allowed") throw new Error(`unexpected answer ${allowed.kind}`);
  return { built, answered, outcome: allowed.outcome };
}

describe("buildScenario", () => {
  it.each(PRESETS.map((p) => [p.id, p.state] as const))("the engine agrees with the playground on %s", (_id, state) => {
    const { outcome, answered } = engineAnswer(state);
    expect(outcome).toBe(evaluateState(state).result!.decision);
    expect(answered.questions.map((q) => q.kind)).toEqual(["allowed", "decidingPolicy"]);
  });

  it("still agrees after an edit flips the decision", () => {
    const state = structuredClone(presetById("role-allows")!.state);
    state.policies[0]!.text = state.policies[0]!.text.replace('"Allow"', '"Deny"');
    expect(engineAnswer(state).outcome).toBe("explicitDeny");
  });

  it("passes a session policy to STS and carries the boundary and SCPs", () => {
    const state = structuredClone(presetById("role-allows")!.state);
    const onlyList = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] });
    const all = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
    state.policies.push(
      { kind: "session", name: "", text: onlyList },
      { kind: "boundary", name: "Boundary", text: all },
      { kind: "scp", name: "", text: all },
    );
    expect(evaluateState(state).result!.decision).toBe("implicitDeny");
    const { built, outcome } = engineAnswer(state);
    expect(outcome).toBe("implicitDeny");
    expect(built.scenario.steps.map((s) => s.sts?.call ?? "request")).toEqual(["AssumeRole", "request"]);
    expect(built.scenario.accounts[0]!.roles![0]!.boundary).toBe("Boundary");
    expect(Object.keys(built.scenario.accounts[0]!.scps!)).toEqual(["SCP-1"]);
  });

  it("refuses a state whose policy is not JSON, naming the policy", () => {
    const state = structuredClone(presetById("role-allows")!.state);
    state.policies[0]!.text = "{";
    expect(buildScenario(state)).toEqual({ ok: false, problem: "Fix AppServerRole S3ReadWrite first: it is not a JSON object." });
  });
});
