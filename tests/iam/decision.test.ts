// The documented decision logic, one row per rule, each naming the page it comes from.

import { describe, expect, it } from "vitest";
import { evaluate, type Decision, type EvaluationInput, type PolicyType } from "../../lib/iam/index.ts";
import { DOCS } from "./docs.ts";
import {
  A,
  B,
  FEDERATED,
  OBJECT,
  OTHER_SESSION,
  OTHER_USER,
  ROLE,
  ROOT,
  SESSION,
  USER,
  allow,
  allowAll,
  deny,
  grant,
  policy,
} from "./fixtures.ts";

interface Row {
  name: string;
  doc: string;
  input: EvaluationInput;
  decision: Decision;
  /** Policy types expected among the matched statements (order-free). */
  matchedTypes?: PolicyType[];
  /** A phrase the explanation's last step must contain. */
  says?: RegExp;
}

const read = policy(allow("s3:GetObject"));
const readOther = policy(allow("s3:PutObject"));
const req = (principal: string, extra: Partial<EvaluationInput["request"]> = {}) => ({
  principal,
  action: "s3:GetObject",
  resource: OBJECT,
  resourceAccount: A,
  ...extra,
});

const rows: Row[] = [
  // Basic allow / deny.
  {
    name: "no policy allows: implicit deny",
    doc: DOCS.denyAllow,
    input: { request: req(USER) },
    decision: "implicitDeny",
    says: /implicitly denied/,
  },
  {
    name: "an identity policy allows",
    doc: DOCS.denyAllow,
    input: { request: req(USER), identityPolicies: [read] },
    decision: "allowed",
    matchedTypes: ["identity"],
  },
  {
    name: "an explicit deny overrides an allow in the same policy set",
    doc: DOCS.denyAllow,
    input: { request: req(USER), identityPolicies: [read, policy(deny("s3:*"))] },
    decision: "explicitDeny",
    matchedTypes: ["identity"],
  },
  {
    name: "a deny in the resource policy overrides an identity allow",
    doc: DOCS.denyAllow,
    input: { request: req(USER), identityPolicies: [read], resourcePolicy: policy({ ...grant("*"), Effect: "Deny" }) },
    decision: "explicitDeny",
    matchedTypes: ["resource"],
  },
  {
    name: "a deny in a permissions boundary is explicit",
    doc: DOCS.denyAllow,
    input: { request: req(USER), identityPolicies: [read], permissionsBoundary: policy(allow("*"), deny("s3:GetObject")) },
    decision: "explicitDeny",
    matchedTypes: ["permissionsBoundary"],
  },
  {
    name: "a deny in a session policy is explicit",
    doc: DOCS.denyAllow,
    input: { request: req(SESSION), identityPolicies: [read], sessionPolicy: policy(deny("s3:*")) },
    decision: "explicitDeny",
    matchedTypes: ["session"],
  },

  // Organizations: RCP and SCP levels.
  {
    name: "an SCP deny is explicit",
    doc: DOCS.scps,
    input: { request: req(USER), identityPolicies: [read], scps: [[allowAll, policy(deny("s3:*"))]] },
    decision: "explicitDeny",
    matchedTypes: ["scp"],
  },
  {
    name: "every SCP level must allow: level 2 without an allow denies",
    doc: DOCS.denyAllow,
    input: { request: req(USER), identityPolicies: [read], scps: [[allowAll], [readOther]] },
    decision: "implicitDeny",
    says: /level 2/,
  },
  {
    name: "every SCP level allows: identity policy decides",
    doc: DOCS.denyAllow,
    input: { request: req(USER), identityPolicies: [read], scps: [[allowAll], [read]] },
    decision: "allowed",
    matchedTypes: ["scp", "identity"],
  },
  {
    name: "SCPs do not grant: an SCP allow alone is not enough",
    doc: DOCS.scps,
    input: { request: req(USER), scps: [[allowAll]] },
    decision: "implicitDeny",
  },
  {
    name: "an RCP level without an allow denies",
    doc: DOCS.denyAllow,
    input: { request: req(USER), identityPolicies: [read], rcps: [[policy(grant("*", "s3:PutObject", "*"))]] },
    decision: "implicitDeny",
    says: /level 1/,
  },
  {
    name: "an RCP deny is explicit",
    doc: DOCS.rcps,
    input: {
      request: req(USER),
      identityPolicies: [read],
      rcps: [[policy(grant("*", "*", "*"), { ...grant("*", "s3:*", "*"), Effect: "Deny" })]],
    },
    decision: "explicitDeny",
    matchedTypes: ["rcp"],
  },
  {
    name: "SCPs do not apply to anonymous callers; RCPs do",
    doc: DOCS.denyAllow,
    input: { request: req("anonymous"), resourcePolicy: policy(grant("*")), scps: [[readOther]], rcps: [[policy(grant("*", "*", "*"))]] },
    decision: "allowed",
    matchedTypes: ["rcp", "resource"],
  },

  // Same account: the resource policy and how it names the caller.
  {
    name: "same account: a resource policy naming the IAM user allows without identity policies",
    doc: DOCS.denyAllow,
    input: { request: req(USER), resourcePolicy: policy(grant(USER)) },
    decision: "allowed",
    matchedTypes: ["resource"],
  },
  {
    name: "same account: naming the IAM user is not limited by its permissions boundary",
    doc: DOCS.denyAllow,
    input: { request: req(USER), resourcePolicy: policy(grant(USER)), permissionsBoundary: readOther },
    decision: "allowed",
  },
  {
    name: "same account: naming the role grants its sessions when nothing limits them",
    doc: DOCS.denyAllow,
    input: { request: req(SESSION), resourcePolicy: policy(grant(ROLE)) },
    decision: "allowed",
    matchedTypes: ["resource"],
  },
  {
    name: "same account: naming the role is limited by the permissions boundary",
    doc: DOCS.denyAllow,
    input: { request: req(SESSION), resourcePolicy: policy(grant(ROLE)), permissionsBoundary: readOther },
    decision: "implicitDeny",
    says: /permissions boundary/,
  },
  {
    name: "same account: naming the role is limited by the session policy",
    doc: DOCS.denyAllow,
    input: { request: req(SESSION), resourcePolicy: policy(grant(ROLE)), sessionPolicy: readOther },
    decision: "implicitDeny",
    says: /session policy/,
  },
  {
    name: "same account: naming the session ARN is not limited by the session policy",
    doc: DOCS.denyAllow,
    input: { request: req(SESSION), resourcePolicy: policy(grant(SESSION)), sessionPolicy: readOther },
    decision: "allowed",
  },
  {
    name: "same account: naming the session ARN is not limited by the permissions boundary",
    doc: DOCS.denyAllow,
    input: { request: req(SESSION), resourcePolicy: policy(grant(SESSION)), permissionsBoundary: readOther },
    decision: "allowed",
  },
  {
    name: 'same account: Principal "*" grants directly (not limited by boundary or session policy)',
    doc: DOCS.denyAllow,
    input: {
      request: req(SESSION),
      resourcePolicy: policy(grant("*", "s3:GetObject", "arn:aws:s3:::bucket/*", { Condition: { ArnLike: { "aws:PrincipalArn": ROLE } } })),
      sessionPolicy: readOther,
      permissionsBoundary: readOther,
    },
    decision: "allowed",
  },
  {
    name: "same account: naming the account delegates to IAM policies, which must allow",
    doc: DOCS.principal,
    input: { request: req(USER), resourcePolicy: policy(grant(A)) },
    decision: "implicitDeny",
  },
  {
    name: "same account: naming the account plus an identity allow",
    doc: DOCS.principal,
    input: { request: req(USER), resourcePolicy: policy(grant(ROOT)), identityPolicies: [read] },
    decision: "allowed",
  },
  {
    name: "same account: identity allow alone suffices for ordinary resources",
    doc: DOCS.singleAccount,
    input: { request: req(USER), identityPolicies: [read], resourcePolicy: policy(grant(OTHER_USER)) },
    decision: "allowed",
  },
  {
    name: "same account: identity allow is capped by the permissions boundary",
    doc: DOCS.boundaries,
    input: { request: req(USER), identityPolicies: [read], permissionsBoundary: readOther },
    decision: "implicitDeny",
    says: /boundary/,
  },
  {
    name: "same account: identity allow within the boundary",
    doc: DOCS.boundaries,
    input: { request: req(USER), identityPolicies: [read], permissionsBoundary: policy(allow("s3:*")) },
    decision: "allowed",
    matchedTypes: ["identity", "permissionsBoundary"],
  },
  {
    name: "role session: the session policy must allow too",
    doc: DOCS.sessionPolicies,
    input: { request: req(SESSION), identityPolicies: [read], sessionPolicy: readOther },
    decision: "implicitDeny",
  },
  {
    name: "role session: a session policy cannot grant more than the role's policies",
    doc: DOCS.sessionPolicies,
    input: { request: req(SESSION), sessionPolicy: read },
    decision: "implicitDeny",
  },
  {
    name: "role session: no session policy leaves the role's permissions",
    doc: DOCS.denyAllow,
    input: { request: req(SESSION), identityPolicies: [read] },
    decision: "allowed",
  },

  // Federated users (GetFederationToken).
  {
    name: "federated user without a session policy has no permissions",
    doc: DOCS.getFederationToken,
    input: { request: req(FEDERATED), identityPolicies: [read] },
    decision: "implicitDeny",
    says: /federated user session without a session policy/,
  },
  {
    name: "federated user: permissions are the intersection with the session policy",
    doc: DOCS.getFederationToken,
    input: { request: req(FEDERATED), identityPolicies: [read], sessionPolicy: policy(allow("s3:*")) },
    decision: "allowed",
    matchedTypes: ["identity", "session"],
  },
  {
    name: "federated user: a resource policy naming the federated user grants directly",
    doc: DOCS.denyAllow,
    input: { request: req(FEDERATED), resourcePolicy: policy(grant(FEDERATED)) },
    decision: "allowed",
  },
  {
    name: "federated user: naming the IAM user who federated is limited by the session policy",
    doc: DOCS.denyAllow,
    input: { request: req(FEDERATED, { sessionIssuer: USER }), resourcePolicy: policy(grant(USER)), sessionPolicy: readOther },
    decision: "implicitDeny",
  },
  {
    name: "federated user: naming the IAM user who federated, session policy allows",
    doc: DOCS.denyAllow,
    input: { request: req(FEDERATED, { sessionIssuer: USER }), resourcePolicy: policy(grant(USER)), sessionPolicy: read },
    decision: "allowed",
  },

  // Cross-account.
  {
    name: "cross-account: the resource policy alone is not enough",
    doc: DOCS.crossAccount,
    input: { request: req(OTHER_USER), resourcePolicy: policy(grant(OTHER_USER)) },
    decision: "implicitDeny",
  },
  {
    name: "cross-account: the identity policy alone is not enough",
    doc: DOCS.crossAccount,
    input: { request: req(OTHER_USER), identityPolicies: [read] },
    decision: "implicitDeny",
    says: /resource policy in the resource's account/,
  },
  {
    name: "cross-account: both allow",
    doc: DOCS.crossAccount,
    input: { request: req(OTHER_USER), identityPolicies: [read], resourcePolicy: policy(grant(B)) },
    decision: "allowed",
    matchedTypes: ["resource", "identity"],
  },
  {
    name: "cross-account: naming the session directly still needs the session policy",
    doc: DOCS.crossAccount,
    input: {
      request: req(OTHER_SESSION),
      identityPolicies: [read],
      resourcePolicy: policy(grant(OTHER_SESSION)),
      sessionPolicy: readOther,
    },
    decision: "implicitDeny",
  },
  {
    name: "cross-account: boundary caps the caller's side",
    doc: DOCS.crossAccount,
    input: {
      request: req(OTHER_USER),
      identityPolicies: [read],
      resourcePolicy: policy(grant(OTHER_USER)),
      permissionsBoundary: readOther,
    },
    decision: "implicitDeny",
  },
  {
    name: "cross-account: account of the resource read from its ARN",
    doc: DOCS.crossAccount,
    input: {
      request: { principal: USER, action: "sqs:SendMessage", resource: `arn:aws:sqs:us-east-1:${B}:jobs` },
      identityPolicies: [policy(allow("sqs:*"))],
    },
    decision: "implicitDeny",
  },

  // Root, anonymous, services.
  { name: "the root user has full access in its own account", doc: DOCS.denyAllow, input: { request: req(ROOT) }, decision: "allowed" },
  {
    name: "the root user is still bound by SCPs",
    doc: DOCS.scps,
    input: { request: req(ROOT), scps: [[readOther]] },
    decision: "implicitDeny",
  },
  {
    name: 'anonymous callers match only Principal "*"',
    doc: DOCS.principal,
    input: { request: req("anonymous"), resourcePolicy: policy(grant(A)) },
    decision: "implicitDeny",
  },
  {
    name: "anonymous callers and a public bucket policy",
    doc: DOCS.principal,
    input: { request: req("anonymous"), resourcePolicy: policy(grant("*")) },
    decision: "allowed",
  },
  {
    name: "a service principal named in a resource policy",
    doc: DOCS.principal,
    input: { request: req("logging.s3.amazonaws.com"), resourcePolicy: policy(grant({ Service: "logging.s3.amazonaws.com" })) },
    decision: "allowed",
  },

  // Role trust and KMS key policies must allow on their own.
  {
    name: "trust policy: identity allow without trust is denied",
    doc: DOCS.denyAllow,
    input: { request: { principal: USER, action: "sts:AssumeRole", resource: ROLE }, identityPolicies: [policy(allow("sts:AssumeRole"))] },
    decision: "implicitDeny",
    says: /trust policy or KMS key policy/,
  },
  {
    name: "trust policy naming the user allows without an identity policy (same account)",
    doc: DOCS.denyAllow,
    input: {
      request: { principal: USER, action: "sts:AssumeRole", resource: ROLE },
      resourcePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: USER }, Action: "sts:AssumeRole" }] },
    },
    decision: "allowed",
  },
  {
    name: "trust policy naming the account needs the identity policy too",
    doc: DOCS.denyAllow,
    input: {
      request: { principal: USER, action: "sts:AssumeRole", resource: ROLE },
      resourcePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ROOT }, Action: "sts:AssumeRole" }] },
      identityPolicies: [policy(allow("sts:AssumeRole", ROLE))],
    },
    decision: "allowed",
  },
  {
    name: "KMS key policy must allow: IAM policy alone is not enough",
    doc: DOCS.kmsKeyPolicies,
    input: {
      request: { principal: USER, action: "kms:Decrypt", resource: `arn:aws:kms:us-east-1:${A}:key/1234` },
      identityPolicies: [policy(allow("kms:Decrypt"))],
      resourcePolicy: policy(grant(`arn:aws:iam::${A}:user/admin`, "kms:*", "*")),
    },
    decision: "implicitDeny",
  },
  {
    name: "KMS key policy enabling IAM policies (account principal) plus an IAM allow",
    doc: DOCS.kmsKeyPolicies,
    input: {
      request: { principal: USER, action: "kms:Decrypt", resource: `arn:aws:kms:us-east-1:${A}:key/1234` },
      identityPolicies: [policy(allow("kms:Decrypt"))],
      resourcePolicy: policy(grant(ROOT, "kms:*", "*")),
    },
    decision: "allowed",
  },
  {
    name: "resourcePolicyKind can be given explicitly",
    doc: DOCS.denyAllow,
    input: { request: req(USER), identityPolicies: [read], resourcePolicyKind: "roleTrust" },
    decision: "implicitDeny",
  },

  // NotPrincipal with Deny.
  {
    name: "Deny with NotPrincipal listing only the user still denies it (account not listed)",
    doc: DOCS.notPrincipal,
    input: {
      request: req(OTHER_USER),
      identityPolicies: [read],
      resourcePolicy: policy(grant("*"), { Effect: "Deny", NotPrincipal: { AWS: [OTHER_USER] }, Action: "s3:*", Resource: "*" }),
    },
    decision: "explicitDeny",
  },
  {
    name: "Deny with NotPrincipal listing the user and its account exempts it",
    doc: DOCS.notPrincipal,
    input: {
      request: req(OTHER_USER),
      identityPolicies: [read],
      resourcePolicy: policy(grant("*"), {
        Effect: "Deny",
        NotPrincipal: { AWS: [OTHER_USER, `arn:aws:iam::${B}:root`] },
        Action: "s3:*",
        Resource: "*",
      }),
    },
    decision: "allowed",
  },
  {
    name: "Deny with NotPrincipal: a session needs session, role and account listed",
    doc: DOCS.notPrincipal,
    input: {
      request: req(OTHER_SESSION),
      identityPolicies: [read],
      resourcePolicy: policy(grant("*"), {
        Effect: "Deny",
        NotPrincipal: { AWS: [OTHER_SESSION, `arn:aws:iam::${B}:root`] },
        Action: "s3:*",
        Resource: "*",
      }),
    },
    decision: "explicitDeny",
  },
  {
    name: "Deny with NotPrincipal: session, role and account listed exempts the session",
    doc: DOCS.notPrincipal,
    input: {
      request: req(OTHER_SESSION),
      identityPolicies: [read],
      resourcePolicy: policy(grant("*"), {
        Effect: "Deny",
        NotPrincipal: { AWS: [OTHER_SESSION, `arn:aws:iam::${B}:role/auditor`, B] },
        Action: "s3:*",
        Resource: "*",
      }),
    },
    decision: "allowed",
  },
  {
    name: "Deny with NotPrincipal always denies a principal that has a permissions boundary",
    doc: DOCS.boundaries,
    input: {
      request: req(OTHER_USER),
      identityPolicies: [read],
      permissionsBoundary: policy(allow("*")),
      resourcePolicy: policy(grant("*"), { Effect: "Deny", NotPrincipal: { AWS: [OTHER_USER, B] }, Action: "s3:*", Resource: "*" }),
    },
    decision: "explicitDeny",
  },

  // GetCallerIdentity.
  {
    name: "sts:GetCallerIdentity needs no permission, even against an explicit deny",
    doc: DOCS.getCallerIdentity,
    input: { request: { principal: USER, action: "sts:GetCallerIdentity", resource: "*" }, identityPolicies: [policy(deny("*"))] },
    decision: "allowed",
    says: /needs no permission/,
  },
];

describe("decision logic (table)", () => {
  it.each(rows)("$name — $doc", (row) => {
    const result = evaluate(row.input);
    expect(result.decision).toBe(row.decision);
    if (row.matchedTypes) {
      expect(new Set(result.matchedStatements.map((m) => m.policyType))).toEqual(new Set(row.matchedTypes));
    }
    if (row.decision === "implicitDeny") expect(result.matchedStatements).toEqual([]);
    const steps = result.explanation;
    expect(steps.length).toBeGreaterThanOrEqual(2);
    if (row.says) expect(steps.join("\n")).toMatch(row.says);
    expect(steps[steps.length - 1]).toMatch(/^Decision: |^Context keys/);
  });
});

describe("result shape", () => {
  it("reports per-type details for the types supplied", () => {
    const result = evaluate({
      request: req(SESSION),
      identityPolicies: [policy({ Sid: "Read", ...allow("s3:GetObject") })],
      permissionsBoundary: policy(allow("s3:*")),
      sessionPolicy: readOther,
      scps: [[allowAll]],
    });
    expect(result.decision).toBe("implicitDeny");
    expect(result.details.identity).toEqual({
      decision: "allowed",
      matchedStatements: [{ policyType: "identity", policyId: "identity[0]", statementIndex: 0, sid: "Read", effect: "Allow" }],
    });
    expect(result.details.permissionsBoundary?.decision).toBe("allowed");
    expect(result.details.session).toEqual({ decision: "implicitDeny", matchedStatements: [] });
    expect(result.details.scp?.decision).toBe("allowed");
    expect(result.details.resource).toBeUndefined();
  });

  it("names policies by NamedPolicy id and keeps statement index and Sid", () => {
    const result = evaluate({
      request: req(USER),
      identityPolicies: [{ id: "inline:alice/S3", document: policy(allow("ec2:*"), { Sid: "Deny", ...deny("s3:GetObject") }) }],
    });
    expect(result.matchedStatements).toEqual([
      { policyType: "identity", policyId: "inline:alice/S3", statementIndex: 1, sid: "Deny", effect: "Deny" },
    ]);
  });

  it("serializes explanation and details to JSON", () => {
    const result = evaluate({ request: req(USER), identityPolicies: [read] });
    const json = JSON.parse(JSON.stringify(result));
    expect(json.explanation).toEqual(result.explanation);
    expect(json.details).toEqual(result.details);
    expect(Object.keys(json).sort()).toEqual(["decision", "details", "explanation", "matchedStatements", "missingContextValues"]);
  });

  it("explains the steps in order for a cross-account denial", () => {
    const steps = evaluate({ request: req(OTHER_USER), identityPolicies: [read] }).explanation;
    expect(steps[0]).toMatch(/IAM user "carol" in account 444455556666/);
    expect(steps[1]).toMatch(/different account/);
    expect(steps.findIndex((s) => s.startsWith("Explicit deny"))).toBeLessThan(steps.findIndex((s) => s.startsWith("Decision")));
  });
});
