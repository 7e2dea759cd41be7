// Invalid scenarios are refused with the path of the problem: the schema's, lib/iam's inside a
// policy, an undeclared name, a dangling reference.

import { describe, expect, it } from "vitest";
import { parseScenario, ScenarioError } from "../../lib/scenarios/index.ts";

const allow = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };
const trust = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

function base(): Record<string, any> {
  return structuredClone({
    title: "t",
    deck: ["Scenarios"],
    accounts: [{ id: "111122223333", users: [{ name: "alice", policies: { Read: allow } }], roles: [{ name: "App", trustPolicy: trust }] }],
    steps: [{ id: "r", request: { as: { user: "alice" }, action: "s3:GetObject", resource: "arn:aws:s3:::b/k" } }],
    questions: [{ kind: "allowed", step: "r" }],
  });
}

function errorOf(mutate: (doc: ReturnType<typeof base>) => void, text?: string): ScenarioError {
  const doc = base();
  mutate(doc);
  try {
    parseScenario(text ?? doc);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error("expected a ScenarioError");
}

describe("validation errors name the path", () => {
  const cases: { name: string; mutate: (d: ReturnType<typeof base>) => void; path: string; message: RegExp; code?: string }[] = [
    {
      name: "an Effect typo inside a trust policy (lib/iam's path appended)",
      mutate: (d) => void d.accounts[0].roles[0].trustPolicy.Statement.push({ Effect: "Alow", Principal: "*", Action: "sts:AssumeRole" }),
      path: "accounts[0].roles[0].trustPolicy.Statement[1].Effect",
      message: /Allow.*Deny/,
      code: "invalidPolicy",
    },
    {
      name: "a Principal in an identity policy",
      mutate: (d) =>
        void (d.accounts[0].users[0].policies.Read = {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" }],
        }),
      path: "accounts[0].users[0].policies.Read.Statement[0].Principal",
      message: /not allowed/,
    },
    {
      name: "a misspelt element",
      mutate: (d) => void (d.accounts[0].users[0].polices = {}),
      path: "accounts[0].users[0]",
      message: /polices/,
    },
    {
      name: "an account id that is not twelve digits",
      mutate: (d) => void (d.accounts[0].id = "1234"),
      path: "accounts[0].id",
      message: /twelve digits/,
    },
    {
      name: "a step that is two things",
      mutate: (d) => void (d.steps[0].change = { kind: "advanceTime", seconds: 1 }),
      path: "steps[0]",
      message: /exactly one/,
    },
    {
      name: "an unknown change kind",
      mutate: (d) => void d.steps.push({ change: { kind: "explode" } }),
      path: "steps[1].change.kind",
      message: /.+/,
    },
    {
      name: "an undeclared name",
      mutate: (d) => void (d.steps[0].request.resource = "arn:aws:s3:::{{bucket}}/k"),
      path: "steps[0].request.resource",
      message: /\{\{bucket\}\} is not declared/,
      code: "unknownName",
    },
    {
      name: "a caller that does not exist",
      mutate: (d) => void (d.steps[0].request.as = { user: "mallory" }),
      path: "steps[0].request.as.user",
      message: /no user mallory/,
    },
    {
      name: "a question about a missing step",
      mutate: (d) => void (d.questions[0].step = "nope"),
      path: "questions[0].step",
      message: /no step nope/,
    },
    {
      name: "a question about the wrong kind of step",
      mutate: (d) => {
        d.steps.push({ id: "c", change: { kind: "advanceTime", seconds: 5 } });
        d.questions.push({ kind: "allowed", step: "c" });
      },
      path: "questions[1].step",
      message: /change step, not a request step/,
    },
    {
      name: "a change on a policy that is not there",
      mutate: (d) => void d.steps.push({ change: { kind: "removeStatement", policy: "user/alice/Nope", index: 0 } }),
      path: "steps[1].change",
      message: /no policy user\/alice\/Nope/,
    },
    {
      name: "a session from a step that is not an STS call",
      mutate: (d) => void d.steps.push({ request: { as: { session: "r" }, action: "s3:GetObject", resource: "*" } }),
      path: "steps[1].request.as.session",
      message: /not an earlier STS step/,
    },
    {
      name: "a group that does not exist",
      mutate: (d) => void (d.accounts[0].users[0].groups = ["Admins"]),
      path: "accounts[0].users[0].groups[0]",
      message: /no group Admins/,
    },
    {
      name: "a renamed account that is not twelve digits",
      mutate: (d) => {
        d.names = { account: { kind: "account", value: "12" } };
        d.accounts[0].id = "{{account}}";
      },
      path: "accounts[0].id",
      message: /twelve digits/,
    },
  ];
  it.each(cases)("$name", ({ mutate, path, message, code }) => {
    const error = errorOf(mutate);
    expect(error.where.path).toBe(path);
    expect(error.message).toMatch(message);
    if (code) expect(error.code).toBe(code);
    expect(error.describe()).toBe(`${path}: ${error.message}`);
  });

  it("reports YAML syntax errors with line and column", () => {
    const error = errorOf(() => {}, "title: a: b\ndeck: [x]\n");
    expect(error.code).toBe("invalidSyntax");
    expect(error.where.path).toMatch(/^line 1, column \d+$/);
  });

  it("accepts the base scenario, as YAML text or JSON text", () => {
    expect(parseScenario(base()).resolved.title).toBe("t");
    expect(parseScenario(JSON.stringify(base())).resolved.accounts[0]!.id).toBe("111122223333");
  });
});
