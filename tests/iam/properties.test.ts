// Property tests: random well-formed cases never crash the evaluator or make it nondeterministic,
// an added Deny never turns a denial into "allowed", and without any Allow nothing is allowed.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, PolicyError, type EvaluationInput } from "../../lib/iam/index.ts";
import { caseArb } from "./generators.ts";

type Json = Record<string, unknown>;

function statementsOf(policy: unknown): Json[] {
  const s = (policy as Json).Statement;
  return Array.isArray(s) ? (s as Json[]) : [s as Json];
}

function mapPolicies(input: EvaluationInput, f: (policy: Json, resourceSide: boolean) => Json): EvaluationInput {
  const copy = structuredClone(input);
  const one = (p: unknown, resourceSide: boolean) => f(p as Json, resourceSide);
  if (copy.identityPolicies) copy.identityPolicies = copy.identityPolicies.map((p) => one(p, false));
  if (copy.permissionsBoundary) copy.permissionsBoundary = one(copy.permissionsBoundary, false);
  if (copy.sessionPolicy) copy.sessionPolicy = one(copy.sessionPolicy, false);
  if (copy.resourcePolicy) copy.resourcePolicy = one(copy.resourcePolicy, true);
  if (copy.scps) copy.scps = copy.scps.map((level) => level.map((p) => one(p, false)));
  if (copy.rcps) copy.rcps = copy.rcps.map((level) => level.map((p) => one(p, true)));
  return copy;
}

const runs = { numRuns: 400, seed: 20240601 };

describe("evaluator properties", () => {
  it("never throws on well-formed cases and is deterministic", () => {
    fc.assert(
      fc.property(caseArb(), (input) => {
        const first = evaluate(input);
        const second = evaluate(structuredClone(input));
        expect(second.decision).toBe(first.decision);
        expect(second.matchedStatements).toEqual(first.matchedStatements);
        expect(second.missingContextValues).toEqual(first.missingContextValues);
        expect(second.explanation).toEqual(first.explanation);
        expect(second.details).toEqual(first.details);
        expect(["allowed", "explicitDeny", "implicitDeny"]).toContain(first.decision);
        expect(first.explanation.length).toBeGreaterThan(1);
      }),
      runs,
    );
  });

  it("adding a Deny statement to any policy never turns a denial into allowed", () => {
    const where = fc.constantFrom("identity", "boundary", "session", "resource", "scp");
    fc.assert(
      fc.property(caseArb(), where, fc.constantFrom("*", "s3:*", "s3:GetObject"), (input, place, action) => {
        const before = evaluate(input).decision;
        const denyStatement: Json = { Effect: "Deny", Action: action, Resource: "*" };
        const withDeny = structuredClone(input);
        const add = (p: unknown, statement: Json) => ({ ...(p as Json), Statement: [...statementsOf(p), statement] });
        if (place === "identity") withDeny.identityPolicies = [...(withDeny.identityPolicies ?? []), { Statement: [denyStatement] }];
        if (place === "boundary" && withDeny.permissionsBoundary)
          withDeny.permissionsBoundary = add(withDeny.permissionsBoundary, denyStatement);
        if (place === "session" && withDeny.sessionPolicy) withDeny.sessionPolicy = add(withDeny.sessionPolicy, denyStatement);
        if (place === "resource" && withDeny.resourcePolicy)
          withDeny.resourcePolicy = add(withDeny.resourcePolicy, { ...denyStatement, Principal: "*" });
        if (place === "scp" && withDeny.scps?.[0]) withDeny.scps[0] = [...withDeny.scps[0], { Statement: [denyStatement] }];
        const after = evaluate(withDeny).decision;
        if (before !== "allowed") expect(after).not.toBe("allowed");
        if (before === "explicitDeny") expect(after).toBe("explicitDeny");
      }),
      runs,
    );
  });

  it("removing every Allow statement never gives allowed (root users and GetCallerIdentity aside)", () => {
    // The root user has full access to its own account without any Allow, as the evaluation-logic
    // page says, so root callers are left out of this property.
    fc.assert(
      fc.property(caseArb({ principalKinds: ["user", "session", "federated", "anonymous", "service"] }), (input) => {
        const denyOnly = mapPolicies(input, (p) => ({ ...p, Statement: statementsOf(p).filter((s) => s.Effect !== "Allow") }));
        expect(evaluate(denyOnly).decision).not.toBe("allowed");
      }),
      runs,
    );
  });

  it("random text never crashes the parser with anything but a PolicyError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        try {
          evaluate({ request: { principal: "anonymous", action: "s3:GetObject", resource: "*" }, resourcePolicy: text });
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyError);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
