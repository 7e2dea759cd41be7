// fast-check generators of random but well-formed evaluation cases, shared by the property tests
// and the differential test against iam-simulate.

import fc from "fast-check";
import type { EvaluationInput } from "../../lib/iam/index.ts";

export const ACCOUNTS = ["111122223333", "444455556666"] as const;

export const ACTIONS = [
  "s3:GetObject",
  "s3:PutObject",
  "s3:ListBucket",
  "ec2:RunInstances",
  "kms:Decrypt",
  "sts:AssumeRole",
  "iam:CreateUser",
  "sqs:SendMessage",
];
const ACTION_PATTERNS = [...ACTIONS, "s3:*", "*", "s3:Get*", "ec2:?unInstances", "kms:*", "sts:Assume*", "iam:Create*"];

export function resourcesFor(account: string): string[] {
  return [
    "arn:aws:s3:::bucket/reports/q1.csv",
    "arn:aws:s3:::bucket",
    `arn:aws:ec2:us-east-1:${account}:instance/i-1234`,
    `arn:aws:kms:us-east-1:${account}:key/k1`,
    `arn:aws:iam::${account}:role/app`,
    `arn:aws:iam::${account}:user/alice`,
    `arn:aws:sqs:us-east-1:${account}:jobs`,
  ];
}
const RESOURCE_PATTERNS = [
  "*",
  "arn:aws:s3:::bucket/*",
  "arn:aws:s3:::bucket",
  "arn:aws:s3:::bucket/reports/q?.csv",
  "arn:aws:ec2:*:*:instance/*",
  "arn:aws:kms:us-east-1:*:key/*",
  "arn:aws:iam::*:role/app",
  "arn:aws:iam::*:user/${aws:username}",
  "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*",
  "arn:aws:sqs:*:*:jobs",
];

export type PrincipalKind = "user" | "session" | "federated" | "root" | "anonymous" | "service";

export function principalArn(kind: PrincipalKind, account: string): string {
  switch (kind) {
    case "user":
      return `arn:aws:iam::${account}:user/alice`;
    case "session":
      return `arn:aws:sts::${account}:assumed-role/app/s1`;
    case "federated":
      return `arn:aws:sts::${account}:federated-user/bob`;
    case "root":
      return `arn:aws:iam::${account}:root`;
    case "anonymous":
      return "anonymous";
    case "service":
      return "logging.s3.amazonaws.com";
  }
}

const POLICY_PRINCIPALS: unknown[] = [
  "*",
  { AWS: "*" },
  { AWS: ACCOUNTS[0] },
  { AWS: `arn:aws:iam::${ACCOUNTS[1]}:root` },
  { AWS: `arn:aws:iam::${ACCOUNTS[0]}:user/alice` },
  { AWS: `arn:aws:iam::${ACCOUNTS[1]}:user/alice` },
  { AWS: `arn:aws:iam::${ACCOUNTS[0]}:role/app` },
  { AWS: `arn:aws:sts::${ACCOUNTS[0]}:assumed-role/app/s1` },
  { AWS: `arn:aws:sts::${ACCOUNTS[0]}:federated-user/bob` },
  { AWS: [`arn:aws:iam::${ACCOUNTS[1]}:role/app`, ACCOUNTS[1]] },
  { Service: "logging.s3.amazonaws.com" },
];

const CONDITIONS: Record<string, Record<string, unknown>>[] = [
  { StringEquals: { "aws:PrincipalTag/team": "blue" } },
  { StringNotEquals: { "aws:PrincipalTag/team": ["red", "green"] } },
  { StringLike: { "aws:PrincipalTag/team": "b*" } },
  { StringEqualsIgnoreCase: { "aws:RequestedRegion": "US-EAST-1" } },
  { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
  { NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"] } },
  { Bool: { "aws:SecureTransport": "true" } },
  { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
  { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } },
  { DateLessThan: { "aws:CurrentTime": "2025-01-01T00:00:00Z" } },
  { "ForAnyValue:StringEquals": { "aws:TagKeys": ["env", "team"] } },
  { "ForAllValues:StringLike": { "aws:TagKeys": ["e*", "t*"] } },
  { Null: { "aws:TokenIssueTime": "true" } },
  { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:user/*" } },
  { StringEquals: { "aws:PrincipalAccount": ACCOUNTS[0] } },
  { StringEquals: { "aws:username": "${aws:PrincipalTag/owner}" } },
];

const CONTEXT_VALUES: Record<string, string[] | string[][]> = {
  "aws:PrincipalTag/team": ["blue", "red", "Blue"],
  "aws:PrincipalTag/owner": ["alice", "bob"],
  "aws:RequestedRegion": ["us-east-1", "eu-west-1"],
  "aws:SourceIp": ["10.1.2.3", "192.0.2.9", "2001:db8::1", "203.0.113.5"],
  "aws:SecureTransport": ["true", "false"],
  "aws:MultiFactorAuthPresent": ["true", "false"],
  "aws:MultiFactorAuthAge": ["60", "7200"],
  "aws:CurrentTime": ["2024-06-01T00:00:00Z", "2026-01-01T00:00:00Z"],
  "aws:TagKeys": [["env"], ["env", "owner"], ["team", "env"]],
  "aws:TokenIssueTime": ["2024-06-01T00:00:00Z"],
};

export const contextArb = fc.subarray(Object.keys(CONTEXT_VALUES)).chain((keys) =>
  fc.tuple(...keys.map((k) => fc.constantFrom(...(CONTEXT_VALUES[k] as (string | string[])[])))).map((values) => {
    const context: Record<string, string | string[]> = {};
    keys.forEach((k, i) => (context[k] = values[i]!));
    return context;
  }),
);

export interface StatementOptions {
  principal: boolean;
  effects?: ("Allow" | "Deny")[];
  notPrincipal?: boolean;
}

export function statementArb(options: StatementOptions): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      sid: fc.option(fc.constantFrom("One", "Two", "Three"), { nil: undefined }),
      effect: fc.constantFrom(...(options.effects ?? ["Allow", "Deny"])),
      actions: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 3 }),
      notAction: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      resources: fc.subarray(RESOURCE_PATTERNS, { minLength: 1, maxLength: 2 }),
      notResource: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      principal: fc.constantFrom(...POLICY_PRINCIPALS),
      useNotPrincipal: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      conditions: fc.subarray(CONDITIONS, { maxLength: 2 }),
    })
    .map((r) => {
      const s: Record<string, unknown> = { Effect: r.effect };
      if (r.sid) s.Sid = r.sid;
      s[r.notAction ? "NotAction" : "Action"] = r.actions.length === 1 ? r.actions[0] : r.actions;
      s[r.notResource ? "NotResource" : "Resource"] = r.resources;
      if (options.principal) s[options.notPrincipal && r.useNotPrincipal ? "NotPrincipal" : "Principal"] = r.principal;
      if (r.conditions.length > 0) s.Condition = Object.assign({}, ...r.conditions.map((c) => structuredClone(c)));
      return s;
    });
}

export function policyArb(options: StatementOptions, maxStatements = 3): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      version: fc.constantFrom("2012-10-17", "2012-10-17", "2012-10-17", "2008-10-17", undefined),
      statements: fc.array(statementArb(options), { minLength: 1, maxLength: maxStatements }),
    })
    .map(({ version, statements }) => (version ? { Version: version, Statement: statements } : { Statement: statements }));
}

export interface CaseOptions {
  principalKinds?: PrincipalKind[];
  /** Include SCP/RCP levels. */
  organizations?: boolean;
  /** Give every RCP level an allow-all statement (as RCPFullAWSAccess does). */
  rcpFullAccess?: boolean;
  notPrincipal?: boolean;
  /** Pick the resource that fits the action (iam-simulate checks resource types). */
  matchingResource?: boolean;
  /** RCP statements are Deny with Principal "*" and Version 2012-10-17, as AWS requires of RCPs. */
  strictRcps?: boolean;
}

/** For each of ACTIONS, the index in resourcesFor() of a resource of the type the action takes. */
const RESOURCE_FOR_ACTION = [0, 0, 1, 2, 3, 4, 5, 6];

export function caseArb(options: CaseOptions = {}): fc.Arbitrary<EvaluationInput> {
  const kinds = options.principalKinds ?? ["user", "session", "federated", "root", "anonymous", "service"];
  const allowAll = { Sid: "FullAccess", Effect: "Allow", Principal: "*", Action: "*", Resource: "*" };
  const levels = (resourceSide: boolean) =>
    fc.array(fc.array(policyArb({ principal: resourceSide }, 2), { minLength: 1, maxLength: 2 }), { maxLength: 2 });
  return fc
    .record({
      kind: fc.constantFrom(...kinds),
      principalAccount: fc.constantFrom(...ACCOUNTS),
      resourceAccount: fc.constantFrom(...ACCOUNTS),
      action: fc.constantFrom(...ACTIONS),
      resourceIndex: fc.nat({ max: 6 }),
      context: contextArb,
      identity: fc.array(policyArb({ principal: false }), { maxLength: 2 }),
      boundary: fc.option(policyArb({ principal: false }, 2), { nil: undefined }),
      session: fc.option(policyArb({ principal: false }, 2), { nil: undefined }),
      resource: fc.option(policyArb({ principal: true, notPrincipal: options.notPrincipal ?? true }), { nil: undefined }),
      scps: options.organizations === false ? fc.constant(undefined) : fc.option(levels(false), { nil: undefined }),
      rcps: options.organizations === false ? fc.constant(undefined) : fc.option(levels(true), { nil: undefined }),
    })
    .map((r) => {
      const account = r.kind === "service" || r.kind === "anonymous" ? r.resourceAccount : r.principalAccount;
      const input: EvaluationInput = {
        request: {
          principal: principalArn(r.kind, account),
          action: r.action,
          resource: resourcesFor(r.resourceAccount)[
            options.matchingResource ? RESOURCE_FOR_ACTION[ACTIONS.indexOf(r.action)]! : r.resourceIndex
          ]!,
          resourceAccount: r.resourceAccount,
          context: r.context,
        },
      };
      const identitySide = r.kind !== "anonymous" && r.kind !== "service";
      if (identitySide) {
        if (r.identity.length > 0) input.identityPolicies = r.identity;
        if (r.boundary && (r.kind === "user" || r.kind === "session")) input.permissionsBoundary = r.boundary;
        if (r.session && (r.kind === "session" || r.kind === "federated")) input.sessionPolicy = r.session;
        if (r.scps) input.scps = r.scps;
      }
      if (r.resource) input.resourcePolicy = r.resource;
      if (r.rcps) {
        const rcps = options.strictRcps ? r.rcps.map((level) => level.map(strictRcp)) : r.rcps;
        input.rcps = options.rcpFullAccess ? rcps.map((level) => [{ Version: "2012-10-17", Statement: [allowAll] }, ...level]) : rcps;
      }
      return input;
    });
}

/** Rewrites a generated policy into the shape AWS accepts for an RCP. */
function strictRcp(policy: Record<string, unknown>): Record<string, unknown> {
  const statements = (policy.Statement as Record<string, unknown>[]).map((s) => {
    const out: Record<string, unknown> = { ...s, Effect: "Deny", Principal: "*" };
    delete out.NotPrincipal;
    if (out.Action === "*") out.Action = "s3:*";
    if (Array.isArray(out.Action)) out.Action = out.Action.map((a) => (a === "*" ? "s3:*" : a));
    if (out.NotAction !== undefined) {
      out.Action = "s3:*";
      delete out.NotAction;
    }
    return out;
  });
  return { Version: "2012-10-17", Statement: statements };
}
