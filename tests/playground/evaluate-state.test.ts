// The playground's evaluation: the presets' decisions as the documentation predicts them, a flip
// when a policy changes, deciding statements located in the editor text, and problems located too.
import { describe, expect, it } from "vitest";
import { contextOf, createEvaluator, policyNames } from "@/lib/playground/evaluate-state.ts";
import { presetById, PRESETS } from "@/lib/playground/presets.ts";
import type { PlaygroundState } from "@/lib/playground/types.ts";

const evaluateState = createEvaluator();
const preset = (id: string): PlaygroundState => structuredClone(presetById(id)!.state);

describe("presets", () => {
  // Expected decisions: the seed notes' four examples ("IAM policies & S3 bucket policies") and the
  // IAM User Guide's policy-variable and MFA examples.
  it.each([
    ["role-allows", "allowed", [[0, "ReadWriteMyBucket"]]],
    ["bucket-denies-role", "explicitDeny", [[1, "DenyAppServerRole"]]],
    ["bucket-allows-role", "allowed", [[1, "AllowAppServerRole"]]],
    ["role-denies", "explicitDeny", [[0, "DenyMyBucket"]]],
    ["home-folders", "allowed", [[0, "AllowAllS3ActionsInUserFolder"]]],
    ["mfa-required", "allowed", [[0, "StopWithMfa"]]],
  ] as const)("%s is %s, decided by %j", (id, decision, deciding) => {
    const outcome = evaluateState(preset(id));
    expect(outcome.checks.every((c) => c.ok)).toBe(true);
    expect(outcome.result?.decision).toBe(decision);
    expect(outcome.result?.deciding.map((d) => [d.policyIndex, d.sid])).toEqual(deciding);
    expect(outcome.result?.explanation.at(-1)).toMatch(/^Decision: /);
  });

  it("covers every preset in the table above", () => {
    expect(PRESETS.map((p) => p.id).sort()).toEqual([
      "bucket-allows-role",
      "bucket-denies-role",
      "home-folders",
      "mfa-required",
      "role-allows",
      "role-denies",
    ]);
  });
});

describe("editing", () => {
  it("flips to an explicit deny when the role's Allow becomes Deny, and marks that statement's lines", () => {
    const state = preset("role-allows");
    state.policies[0]!.text = state.policies[0]!.text.replace('"Allow"', '"Deny"');
    const result = evaluateState(state).result!;
    expect(result.decision).toBe("explicitDeny");
    expect(result.deciding).toEqual([
      {
        policyIndex: 0,
        policyName: "AppServerRole S3ReadWrite",
        statementIndex: 0,
        sid: "ReadWriteMyBucket",
        effect: "Deny",
        lines: { start: 4, end: 12 },
      },
    ]);
  });

  it("denies another user's home folder and the request without MFA", () => {
    const home = preset("home-folders");
    home.request.resource = "arn:aws:s3:::my-company/home/bob/notes.txt";
    expect(evaluateState(home).result?.decision).toBe("implicitDeny");
    const mfa = preset("mfa-required");
    mfa.request.context = [];
    const result = evaluateState(mfa).result!;
    expect(result.decision).toBe("implicitDeny");
    expect(result.missingContextValues).toEqual(["aws:MultiFactorAuthPresent"]);
  });

  it("reports a JSON syntax error with its line and column, and withholds the decision", () => {
    const state = preset("role-allows");
    state.policies[0]!.text = state.policies[0]!.text.replace('"Version": "2012-10-17",', '"Version": "2012-10-17"');
    const outcome = evaluateState(state);
    expect(outcome.result).toBeUndefined();
    const check = outcome.checks[0]!;
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.problem).toMatchObject({ code: "syntax", position: { line: 3, column: 3 }, lines: { start: 3, end: 3 } });
      expect(check.problem.message).toMatch(/Expected ',' or '}' after the value of "Version"/);
    }
  });

  it("reports a policy error with its JSON path and the lines of the element", () => {
    const state = preset("mfa-required");
    state.policies[0]!.text = state.policies[0]!.text.replace('"Bool"', '"BoolEquals"');
    const check = evaluateState(state).checks[0]!;
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.problem).toMatchObject({
        code: "unknownOperator",
        path: "Statement[0].Condition.BoolEquals",
        lines: { start: 13, end: 15 },
      });
    }
  });

  it("names request problems by field", () => {
    const state = preset("role-allows");
    state.request.action = "GetObject";
    state.request.principal = "";
    state.request.resourceAccount = "12345";
    const outcome = evaluateState(state);
    expect(outcome.result).toBeUndefined();
    expect(Object.keys(outcome.requestProblems).sort()).toEqual(["principal", "resourceAccount"]);
    state.request.principal = "arn:aws:iam::111122223333:user/alice";
    state.request.resourceAccount = "";
    expect(evaluateState(state).requestProblems.action).toMatch(/service:Action/);
    state.request.principal = "alice";
    expect(evaluateState(state).requestProblems.principal).toMatch(/not a principal AWS knows/);
  });
});

describe("helpers", () => {
  it("names policies by kind when the learner gave no name, and keeps names unique", () => {
    expect(
      policyNames([
        { kind: "identity", name: "", text: "" },
        { kind: "identity", name: " ", text: "" },
        { kind: "resource", name: "", text: "" },
        { kind: "scp", name: "Guard", text: "" },
        { kind: "scp", name: "Guard", text: "" },
      ]),
    ).toEqual(["Identity policy 1", "Identity policy 2", "Resource policy", "Guard", "Guard (2)"]);
  });

  it("reads context rows: commas separate values, repeated keys merge, empty keys are skipped", () => {
    expect(
      contextOf([
        { key: "aws:SourceIp", value: "192.0.2.10" },
        { key: "aws:TagKeys", value: "env, team" },
        { key: "aws:TagKeys", value: "owner" },
        { key: "  ", value: "ignored" },
      ]),
    ).toEqual({ "aws:SourceIp": "192.0.2.10", "aws:TagKeys": ["env", "team", "owner"] });
  });
});
