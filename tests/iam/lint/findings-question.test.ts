// The "findings" scenario question ("What is wrong with this policy?") answers with the linter's
// findings for the policy as the scenario writes it, and the instructor's preview lists the
// findings of every policy of the scenario being written. Sources as in findings.test.ts.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { answerScenario, parseScenario, type AnswerValue } from "../../../lib/scenarios/index.ts";
import { lintScenarioPolicies } from "../../../lib/db/classroom/preview-findings.ts";

const SEED = join(process.cwd(), "seeds", "scenarios", "what-is-wrong-with-this-policy.yaml");
type Loose = Record<string, any>;

function answer(edit?: (doc: Loose) => void) {
  const doc = parse(readFileSync(SEED, "utf8")) as Loose;
  edit?.(doc);
  return answerScenario(parseScenario(stringify(doc)), { now: "2026-01-01T00:00:00Z", seed: "test" });
}

const codes = (value: AnswerValue) => (value.kind === "findings" ? value.findings.map((f) => f.code) : []);

describe("findings questions", () => {
  it("answer with the linter's findings, the correct option naming exactly those problems", () => {
    const [deploy, bucket] = answer().questions;
    expect(codes(deploy!.answer.value)).toEqual(["PASS_ROLE_WITH_STAR_IN_RESOURCE", "REDUNDANT_STATEMENT"]);
    expect(deploy!.options?.filter((o) => o.correct).map((o) => o.text)).toEqual([
      "iam:PassRole on every role; A statement another statement already covers.",
    ]);
    expect(deploy!.options).toHaveLength(4);
    expect(deploy!.prompt).toMatch(/^What is wrong with the inline policy Deploy of user ci-deployer\?/);
    expect(deploy!.explanation[0]).toMatch(/^Security warning at Statement\[0\]\.Resource \(line \d+\)/);
    // A bucket policy is linted as a resource policy: Principal "*" with no condition is public.
    expect(codes(bucket!.answer.value)).toEqual(["PUBLIC_PRINCIPAL_WITHOUT_CONDITION"]);
  });

  it("follow the policy: naming the role and dropping the covered statement leaves nothing wrong", () => {
    const [deploy] = answer((doc) => {
      const statements = doc.accounts[0].users[0].policies.Deploy.Statement;
      statements[0].Resource = ["*", "arn:aws:iam::{{account}}:role/app-*"];
      statements[0].Action = ["ec2:RunInstances"];
      statements.push({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::{{account}}:role/app-*" });
      statements.splice(2, 1);
    }).questions;
    expect(codes(deploy!.answer.value)).toEqual([]);
    expect(deploy!.options?.find((o) => o.correct)?.text).toBe("Nothing: the linter finds no problem in it.");
  });

  it("refuse a reference to a policy the scenario does not have, naming where", () => {
    expect(() =>
      answer((doc) => {
        doc.questions[0].policy = "user/{{user}}/Missing";
      }),
    ).toThrow(/questions\[0\]\.policy|there is no policy/);
  });
});

describe("the instructor's preview", () => {
  it("lists each policy with findings, in its place, with the catalogue's checks", async () => {
    const scenario = parseScenario(readFileSync(SEED, "utf8"));
    const found = await lintScenarioPolicies(scenario.resolved);
    expect(found.map((p) => [p.ref, p.findings.map((f) => f.code)])).toEqual([
      ["user/ci-deployer/Deploy", ["PASS_ROLE_WITH_STAR_IN_RESOURCE", "REDUNDANT_STATEMENT"]],
      ["role/Admin/Everything", ["PASS_ROLE_WITH_STAR_IN_RESOURCE", "PRIVILEGE_ESCALATION_WILDCARD"]],
      ["resource/arn:aws:s3:::build-artifacts", ["PUBLIC_PRINCIPAL_WITHOUT_CONDITION"]],
    ]);
    expect(found[0]!.label).toBe("the inline policy Deploy of user ci-deployer");
  });

  it("reports catalogue findings too (an action that does not exist)", async () => {
    const doc = parse(readFileSync(SEED, "utf8")) as Loose;
    doc.accounts[0].users[0].policies.Deploy.Statement[1].Action = "s3:PutObjekt";
    const found = await lintScenarioPolicies(parseScenario(stringify(doc)).resolved);
    const deploy = found.find((p) => p.ref === "user/ci-deployer/Deploy")!;
    expect(deploy.findings.find((f) => f.code === "INVALID_ACTION")).toMatchObject({ path: "Statement[1].Action", kind: "error" });
    expect(deploy.findings.find((f) => f.code === "INVALID_ACTION")!.message).toContain("did you mean s3:PutObject?");
  });
});
