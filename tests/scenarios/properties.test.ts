// Renaming the declared names (users, roles, buckets, accounts...) is a change of labels only:
// answering never throws on a renamed scenario, and every decision stays what it was.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  answerScenario,
  parseScenario,
  renameScenario,
  scenarioNames,
  type ScenarioQuestion,
  type NameKind,
  type Scenario,
} from "../../lib/scenarios/index.ts";
import { NOW, SEED, seedCatalogue, seedFiles, seedText } from "./support.ts";

/**
 * Fixed-length names per kind, so no new name is a prefix of another (a pattern like `{{bucket}}*`
 * must not start matching a second bucket), and prefixes that keep them apart from the seeds' names.
 */
function nameArbitrary(kind: NameKind): fc.Arbitrary<string> {
  const letters = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 6, maxLength: 6 });
  switch (kind) {
    case "account":
      return fc.integer({ min: 100000000000, max: 999999999999 }).map(String);
    case "bucket":
      return letters.map((s) => `zb-${s}`);
    case "instance":
      return fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 8, maxLength: 8 }).map((s) => `i-${s}`);
    case "role":
      // Roles named by a pattern (RDS-*) keep their prefix: the name is what the pattern is about.
      return letters.map((s) => `ZR${s}`);
    default:
      return letters.map((s) => `z${kind.slice(0, 2)}${s}`);
  }
}

/** A mapping renaming every declared name, with values distinct from each other. */
function renamingFor(scenario: Scenario): fc.Arbitrary<Record<string, string>> {
  const names = scenarioNames(scenario.document).filter((n) => !/^RDS-/.test(n.value));
  const record = Object.fromEntries(names.map((n) => [n.key, nameArbitrary(n.kind)]));
  return fc.record(record).filter((m) => new Set(Object.values(m)).size === Object.keys(m).length);
}

/** What must not change: each question's decision shape, with names stripped. */
function decisions(questions: ScenarioQuestion[]): unknown[] {
  return questions.map((q) => {
    const v = q.answer.value;
    switch (v.kind) {
      case "allowed":
        return [v.kind, v.allowed, v.outcome];
      case "decidingPolicy":
        return [v.kind, v.outcome, v.how, v.categories];
      case "change":
        return [v.kind, v.requests.map((r) => [r.before.outcome, r.after.outcome])];
      case "sts":
        return [v.kind, v.ok, v.errorCode, v.durationSeconds, v.decoded?.allowed, v.decoded?.explicitDeny];
      case "whichCall":
        return [v.kind, v.candidates.map((c) => [c.callOk, c.requestOutcome])];
      case "summary":
        return [v.kind, v.sentences.length, v.warnings.length];
      default:
        return [v.kind];
    }
  });
}

describe("renaming a scenario's names", () => {
  it.each(seedFiles())("%s: answers never throw and decisions do not change", async (file) => {
    const catalogue = await seedCatalogue();
    const scenario = parseScenario(seedText(file));
    const expected = decisions(answerScenario(scenario, { now: NOW, seed: SEED, catalogue }).questions);
    fc.assert(
      fc.property(renamingFor(scenario), fc.integer({ min: 0, max: 1000 }), (mapping, seed) => {
        const renamed = renameScenario(scenario, mapping);
        const answered = answerScenario(renamed, { now: NOW, seed, catalogue });
        expect(decisions(answered.questions)).toEqual(expected);
        for (const value of Object.values(mapping)) expect(JSON.stringify(renamed.resolved)).toContain(value);
      }),
      { numRuns: 15, seed: 42 },
    );
  });

  it("refuses an undeclared key or a value unfit for its kind", () => {
    const scenario = parseScenario(seedText("assume-role-cross-account.yaml"));
    expect(() => renameScenario(scenario, { nobody: "x" })).toThrow(/not a declared name/);
    expect(() => renameScenario(scenario, { accountA: "12ab" })).toThrow(/twelve digits/);
  });
});
