// Session policies passed to AssumeRole*, and GetFederationToken: one inline JSON document and up to
// 10 managed policy ARNs, whose plaintext cannot exceed 2,048 characters; AWS also packs policies and
// session tags into a binary form with its own limit (STS API Reference, AssumeRole: Policy,
// PolicyArns; errors MalformedPolicyDocument and PackedPolicyTooLarge).

import { parsePolicy, PolicyError, type NamedPolicy, type PolicyInput } from "../index.ts";
import { findManagedPolicy } from "./directory.ts";
import type { AccountModel } from "./model.ts";
import { fail, ok, type StsResult } from "./result.ts";
import { CONSTRAINTS, MAX_POLICY_ARNS, Violations, type SessionTag } from "./validation.ts";

export interface SessionPolicyParams {
  /** Inline session policy (JSON text). */
  Policy?: string;
  /** Managed session policies. */
  PolicyArns?: { arn: string }[];
}

export interface PreparedSessionPolicies {
  policies: NamedPolicy[];
  /** PackedPolicySize: percent of the packed limit used, when policies or tags were passed. */
  packedPolicySize?: number;
}

/** The JSON policy characters allowed: tab, line feed, carriage return and \u0020-\u00FF. */
const POLICY_CHARACTERS = /^[\u0009\u000A\u000D\u0020-\u00FF]+$/;

/**
 * AWS does not document the packed format, only that it exists and can overflow even when the
 * plaintext fits. The simulator approximates it: the policy without insignificant whitespace, the
 * managed policy ARNs, and the session tags' keys and values, against a budget of 2,048 characters.
 */
const PACKED_BUDGET = 2048;

function packedPercent(inline: string | undefined, arns: string[], tags: SessionTag[]): number {
  let size = 0;
  if (inline) {
    try {
      size += JSON.stringify(JSON.parse(inline)).length;
    } catch {
      size += inline.length;
    }
  }
  for (const arn of arns) size += arn.length;
  for (const tag of tags) size += tag.Key.length + tag.Value.length;
  return Math.ceil((100 * size) / PACKED_BUDGET);
}

/**
 * Validates and resolves session policies. `ownerAccountId` is the account the managed policies must
 * live in: the role's for AssumeRole*, the calling user's for GetFederationToken.
 */
export function prepareSessionPolicies(
  model: AccountModel,
  ownerAccountId: string,
  params: SessionPolicyParams,
  tags: SessionTag[] = [],
): StsResult<PreparedSessionPolicies> {
  const arns = (params.PolicyArns ?? []).map((p) => p.arn);
  const violations = new Violations().text("policy", params.Policy, CONSTRAINTS.sessionPolicy);
  if (params.Policy !== undefined && params.Policy.length > 0 && !POLICY_CHARACTERS.test(params.Policy)) {
    violations.text("policy", params.Policy, {
      min: 1,
      max: Infinity,
      pattern: POLICY_CHARACTERS,
      patternText: "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
    });
  }
  violations.count("policyArns", arns.length, MAX_POLICY_ARNS);
  arns.forEach((arn, i) => violations.text(`policyArns.${i + 1}.member.arn`, arn, CONSTRAINTS.arn, true));
  const invalid = violations.result<PreparedSessionPolicies>();
  if (invalid) return invalid;

  const policies: NamedPolicy[] = [];
  if (params.Policy !== undefined) {
    try {
      // Parse with the session kind: a Principal element is not allowed in a session policy.
      parsePolicy(params.Policy, { id: "session-policy", kind: "session" });
    } catch (error) {
      if (error instanceof PolicyError) return fail("MalformedPolicyDocument", `The session policy is malformed: ${error.describe()}`);
      throw error;
    }
    policies.push({ id: "session-policy", document: params.Policy });
  }
  for (const arn of arns) {
    const owner = /^arn:[\w-]+:iam::([^:]+):policy\//.exec(arn)?.[1];
    const policy = findManagedPolicy(model, arn);
    // "The policies must exist in the same account as the role" (or be AWS managed).
    if (!policy || (owner !== ownerAccountId && owner !== "aws")) {
      return fail(
        "ValidationError",
        `The managed session policy ${arn} does not exist in account ${ownerAccountId} and is not an AWS managed policy.`,
      );
    }
    policies.push({ id: policy.arn, document: policy.document });
  }

  const prepared: PreparedSessionPolicies = { policies };
  if (policies.length > 0 || tags.length > 0) {
    const percent = packedPercent(params.Policy, arns, tags);
    if (percent > 100) {
      return fail("PackedPolicyTooLarge", `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`);
    }
    prepared.packedPolicySize = percent;
  }
  return ok(prepared);
}

function documentOf(policy: PolicyInput): Record<string, unknown> {
  const source = typeof policy === "object" && policy !== null && "document" in policy ? (policy as NamedPolicy).document : policy;
  return (typeof source === "string" ? JSON.parse(source) : source) as Record<string, unknown>;
}

/**
 * The evaluator takes one session policy. Several session policies together act as one: the session
 * gets what the identity policies allow and at least one session policy allows. So their statements
 * are concatenated into one document, named after its parts.
 */
export function mergeSessionPolicies(policies: NamedPolicy[]): NamedPolicy | undefined {
  if (policies.length <= 1) return policies[0];
  const statements: unknown[] = [];
  let version: unknown;
  for (const policy of policies) {
    const document = documentOf(policy);
    version ??= document.Version;
    const s = document.Statement;
    statements.push(...(Array.isArray(s) ? s : s === undefined ? [] : [s]));
  }
  const document: Record<string, unknown> = { Statement: statements };
  if (version !== undefined) document.Version = version;
  return { id: `session:${policies.map((p) => p.id).join("+")}`, document };
}
