// AssumeRole over a two-account model: trust and identity checks, durations and role chaining,
// session names, session policies, MFA, external ids, session tags and source identity.

import { describe, expect, it } from "vitest";
import {
  assumeRole,
  seededRandom,
  simulateRequest,
  getSessionToken,
  type AccountModel,
  type AssumeRoleParams,
  type Caller,
  type Session,
} from "../../lib/iam/sts/index.ts";

const API = "https://docs.aws.amazon.com/STS/latest/APIReference";
const GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
const DOC = {
  assumeRole: `AssumeRole (AWS STS API Reference) — ${API}/API_AssumeRole.html`,
  requesting: `Requesting temporary security credentials — ${GUIDE}/id_credentials_temp_request.html`,
  compare: `Compare AWS STS credentials — ${GUIDE}/id_credentials_sts-comparison.html`,
  crossAccount: `Cross-account policy evaluation logic — ${GUIDE}/reference_policies_evaluation-logic-cross-account.html`,
  sessionPolicies: `Policies and permissions in IAM: Session policies — ${GUIDE}/access_policies.html#policies_session`,
  sessionTags: `Pass session tags in AWS STS — ${GUIDE}/id_session-tags.html`,
  sourceIdentity: `Monitor and control actions taken with assumed roles — ${GUIDE}/id_credentials_temp_control-access_monitor.html`,
  identifiers: `IAM identifiers — ${GUIDE}/reference_identifiers.html`,
  conditionKeys: `AWS global condition context keys — ${GUIDE}/reference_policies_condition-keys.html`,
  boundaries: `Permissions boundaries for IAM entities — ${GUIDE}/access_policies_boundaries.html`,
  scps: "Service control policies (SCPs) — https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html",
  apiModel: "STS API model (roleSessionNameType, roleDurationSecondsType) — botocore/data/sts/2011-06-15/service-2.json",
};

const A = "111122223333";
const B = "444455556666";
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const env = (seed: number | string = 1, now = NOW) => ({ now, random: seededRandom(seed) });

const allow = (action: string | string[], resource: string | string[] = "*", condition?: object) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }],
});
const trust = (principal: object, action: string | string[] = "sts:AssumeRole", condition?: object) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: principal, Action: action, ...(condition ? { Condition: condition } : {}) }],
});
const accountRoot = { AWS: `arn:aws:iam::${A}:root` };

const model: AccountModel = {
  accounts: [
    {
      id: A,
      users: [
        {
          name: "alice",
          // A trust policy naming the account delegates to identity policies, for tags and source
          // identity as for the role itself.
          inlinePolicies: [allow(["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"])],
          mfaDevices: [{ serialNumber: `arn:aws:iam::${A}:mfa/alice`, currentCode: "123456" }],
          tags: { team: "blue" },
        },
        { name: "bob" },
        { name: "carol", inlinePolicies: [allow("sts:AssumeRole", `arn:aws:iam::${B}:role/CrossAccount`)] },
        { name: "dave" },
      ],
      roles: [
        {
          name: "AccountTrust",
          trustPolicy: trust(accountRoot),
          inlinePolicies: [allow(["s3:*", "sts:AssumeRole"])],
          maxSessionDuration: 7200,
        },
        { name: "DirectTrust", trustPolicy: trust({ AWS: `arn:aws:iam::${A}:user/dave` }) },
        {
          name: "MfaRole",
          trustPolicy: trust(accountRoot, "sts:AssumeRole", { Bool: { "aws:MultiFactorAuthPresent": "true" } }),
          inlinePolicies: [allow("s3:ListBucket", "*", { NumericLessThan: { "aws:MultiFactorAuthAge": "60" } })],
        },
        { name: "ExternalIdRole", trustPolicy: trust(accountRoot, "sts:AssumeRole", { StringEquals: { "sts:ExternalId": "x-123" } }) },
        {
          name: "ChainTarget",
          trustPolicy: trust({ AWS: `arn:aws:iam::${A}:role/AccountTrust` }, ["sts:AssumeRole", "sts:SetSourceIdentity"]),
          maxSessionDuration: 43200,
        },
        { name: "NoTagSession", trustPolicy: trust(accountRoot) },
        {
          name: "Tagged",
          trustPolicy: trust(accountRoot, ["sts:AssumeRole", "sts:TagSession"]),
          inlinePolicies: [allow("s3:GetObject", "*", { StringEquals: { "aws:PrincipalTag/project": "apollo" } })],
          tags: { project: "gemini", owner: "ops" },
        },
        {
          name: "Bounded",
          trustPolicy: trust(accountRoot),
          inlinePolicies: [allow("s3:*")],
          permissionsBoundaryArn: `arn:aws:iam::${A}:policy/ReadOnlyS3`,
        },
        {
          name: "SourceIdentity",
          trustPolicy: trust(accountRoot, ["sts:AssumeRole", "sts:SetSourceIdentity"]),
          inlinePolicies: [allow(["sts:AssumeRole", "sts:SetSourceIdentity"])],
        },
      ],
      managedPolicies: [{ arn: `arn:aws:iam::${A}:policy/ReadOnlyS3`, document: allow("s3:Get*") }],
      scps: [[allow("*")], [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", NotAction: "s3:DeleteBucket", Resource: "*" }] }]],
    },
    {
      id: B,
      roles: [
        { name: "CrossAccount", trustPolicy: trust(accountRoot), inlinePolicies: [allow("ec2:Describe*")] },
        { name: "CrossAccountDirect", trustPolicy: trust({ AWS: `arn:aws:iam::${A}:user/bob` }) },
        { name: "TrustsNobody", trustPolicy: trust({ AWS: `arn:aws:iam::${B}:root` }) },
      ],
    },
  ],
};

const user = (userName: string): Caller => ({ kind: "user", accountId: A, userName });
const roleArn = (name: string, account = A) => `arn:aws:iam::${account}:role/${name}`;

function assumed(caller: Caller, params: Partial<AssumeRoleParams> & { RoleArn: string }, seed = 1): Session {
  const result = assumeRole(model, caller, { RoleSessionName: "session", ...params }, env(seed));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.session;
}

describe("AssumeRole: who may assume the role", () => {
  const cases: { name: string; doc: string; caller: Caller; role: string; allowed: boolean }[] = [
    {
      name: "same account, trust names the account, identity policy allows",
      doc: DOC.assumeRole,
      caller: user("alice"),
      role: roleArn("AccountTrust"),
      allowed: true,
    },
    {
      name: "same account, trust names the account, no identity policy",
      doc: DOC.assumeRole,
      caller: user("bob"),
      role: roleArn("AccountTrust"),
      allowed: false,
    },
    {
      name: "same account, trust names the user directly, no identity policy needed",
      doc: DOC.assumeRole,
      caller: user("dave"),
      role: roleArn("DirectTrust"),
      allowed: true,
    },
    {
      name: "cross-account, trust names the caller's account, identity policy allows",
      doc: DOC.crossAccount,
      caller: user("carol"),
      role: roleArn("CrossAccount", B),
      allowed: true,
    },
    {
      name: "cross-account, trust names the user, but no identity policy",
      doc: DOC.crossAccount,
      caller: user("bob"),
      role: roleArn("CrossAccountDirect", B),
      allowed: false,
    },
    {
      name: "cross-account, identity allows but the trust policy does not name the caller",
      doc: DOC.crossAccount,
      caller: user("alice"),
      role: roleArn("TrustsNobody", B),
      allowed: false,
    },
    { name: "a role that does not exist", doc: DOC.assumeRole, caller: user("alice"), role: roleArn("Missing"), allowed: false },
  ];
  it.each(cases)("$name ($doc)", ({ caller, role, allowed }) => {
    const result = assumeRole(model, caller, { RoleArn: role, RoleSessionName: "s1" }, env());
    expect(result.ok).toBe(allowed);
    if (!result.ok) {
      expect(result.error.code).toBe("AccessDenied");
      expect(result.error.message).toContain("sts:AssumeRole");
      expect(result.error.message).toContain(role);
    }
  });

  // The comparison table lists who can call AssumeRole: IAM users and roles, not the root user.
  it(`refuses the root user (${DOC.compare})`, () => {
    const result = assumeRole(model, { kind: "root", accountId: A }, { RoleArn: roleArn("AccountTrust"), RoleSessionName: "s1" }, env());
    expect(result).toEqual({ ok: false, error: { code: "AccessDenied", message: "Roles may not be assumed by root accounts." } });
  });

  it(`returns ASIA credentials, the assumed-role ARN and AssumedRoleId (${DOC.identifiers})`, () => {
    const result = assumeRole(model, user("alice"), { RoleArn: roleArn("AccountTrust"), RoleSessionName: "alice-at-work" }, env());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { Credentials, AssumedRoleUser } = result.value;
    expect(Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(Credentials.SecretAccessKey).toHaveLength(40);
    expect(Credentials.SessionToken.length).toBeGreaterThan(100);
    expect(Credentials.Expiration).toBe(new Date(NOW + 3600 * 1000).toISOString().replace(".000Z", "Z"));
    expect(AssumedRoleUser.Arn).toBe(`arn:aws:sts::${A}:assumed-role/AccountTrust/alice-at-work`);
    expect(AssumedRoleUser.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:alice-at-work$/);
    expect(result.value.explanation.join(" ")).toContain("allow");
  });

  it("is deterministic for a given seed and differs across seeds", () => {
    const params = { RoleArn: roleArn("AccountTrust"), RoleSessionName: "s1" };
    const one = assumeRole(model, user("alice"), params, env(42));
    const again = assumeRole(model, user("alice"), params, env(42));
    const other = assumeRole(model, user("alice"), params, env(43));
    expect(one).toEqual(again);
    if (!one.ok || !other.ok) throw new Error("expected success");
    expect(one.value.Credentials.AccessKeyId).not.toBe(other.value.Credentials.AccessKeyId);
  });
});

describe(`AssumeRole: DurationSeconds (${DOC.assumeRole})`, () => {
  const cases: { name: string; duration?: number; role: string; expected: number | RegExp }[] = [
    { name: "defaults to one hour", role: "AccountTrust", expected: 3600 },
    { name: "accepts the 900-second minimum", duration: 900, role: "AccountTrust", expected: 900 },
    { name: "refuses less than 900 seconds", duration: 899, role: "AccountTrust", expected: /greater than or equal to 900/ },
    { name: "accepts up to the role's MaxSessionDuration", duration: 7200, role: "AccountTrust", expected: 7200 },
    {
      name: "refuses more than the role's MaxSessionDuration",
      duration: 7201,
      role: "AccountTrust",
      expected: /exceeds the MaxSessionDuration/,
    },
    {
      name: "a role without MaxSessionDuration allows one hour",
      duration: 3601,
      role: "DirectTrust",
      expected: /exceeds the MaxSessionDuration/,
    },
    {
      name: "refuses more than 43,200 seconds whatever the role says",
      duration: 43201,
      role: "AccountTrust",
      expected: /less than or equal to 43200/,
    },
  ];
  it.each(cases)("$name", ({ duration, role, expected }) => {
    const caller = role === "DirectTrust" ? user("dave") : user("alice");
    const result = assumeRole(
      model,
      caller,
      { RoleArn: roleArn(role), RoleSessionName: "s1", ...(duration ? { DurationSeconds: duration } : {}) },
      env(),
    );
    if (typeof expected === "number") {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.session.expiresAtMs - NOW).toBe(expected * 1000);
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe("ValidationError");
        expect(result.error.message).toMatch(expected);
      }
    }
  });

  const chaining: { name: string; duration?: number; ok: boolean }[] = [
    { name: "role chaining keeps the one-hour default", ok: true },
    { name: "role chaining accepts exactly one hour", duration: 3600, ok: true },
    { name: "role chaining refuses more than one hour even when the role allows 12", duration: 3601, ok: false },
  ];
  it.each(chaining)("$name", ({ duration, ok }) => {
    const first = assumed(user("alice"), { RoleArn: roleArn("AccountTrust") });
    const result = assumeRole(
      model,
      { kind: "session", session: first },
      { RoleArn: roleArn("ChainTarget"), RoleSessionName: "chained", ...(duration ? { DurationSeconds: duration } : {}) },
      env(2),
    );
    expect(result.ok).toBe(ok);
    if (!result.ok)
      expect(result.error.message).toBe(
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
      );
    else expect(result.value.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${A}:assumed-role/ChainTarget/chained`);
  });
});

describe(`AssumeRole: RoleSessionName is 2-64 characters of [\\w+=,.@-] (${DOC.apiModel}; ${DOC.assumeRole})`, () => {
  const cases: { name: string; value: string; ok: boolean; message?: RegExp }[] = [
    { name: "two characters", value: "ab", ok: true },
    { name: "sixty-four characters", value: "x".repeat(64), ok: true },
    { name: "every allowed punctuation mark", value: "a_b+c=d,e.f@g-h", ok: true },
    { name: "one character", value: "a", ok: false, message: /length greater than or equal to 2/ },
    { name: "sixty-five characters", value: "x".repeat(65), ok: false, message: /length less than or equal to 64/ },
    { name: "a space", value: "bad name", ok: false, message: /regular expression pattern/ },
    { name: "a slash", value: "bad/name", ok: false, message: /regular expression pattern/ },
  ];
  it.each(cases)("$name", ({ value, ok, message }) => {
    const result = assumeRole(model, user("alice"), { RoleArn: roleArn("AccountTrust"), RoleSessionName: value }, env());
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.error.code).toBe("ValidationError");
      expect(result.error.message).toMatch(message!);
      expect(result.error.message).toContain("roleSessionName");
    }
  });
});

describe(`AssumeRole: session policies (${DOC.sessionPolicies}; ${DOC.assumeRole})`, () => {
  const onlyGetObject = JSON.stringify(allow("s3:GetObject"));
  const cases: { name: string; params: Partial<AssumeRoleParams>; code?: string; message?: RegExp }[] = [
    { name: "an inline policy within 2,048 characters", params: { Policy: onlyGetObject } },
    {
      name: "an inline policy over 2,048 characters",
      params: { Policy: JSON.stringify({ ...allow("s3:GetObject"), Id: "x".repeat(2100) }) },
      code: "ValidationError",
      message: /less than or equal to 2048/,
    },
    { name: "an inline policy that is not JSON", params: { Policy: "{not json" }, code: "MalformedPolicyDocument", message: /JSON/ },
    {
      name: "an inline policy with a Principal element",
      params: {
        Policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" }] }),
      },
      code: "MalformedPolicyDocument",
      message: /Statement(\[0\])?\.Principal/,
    },
    { name: "a managed policy of the role's account", params: { PolicyArns: [{ arn: `arn:aws:iam::${A}:policy/ReadOnlyS3` }] } },
    {
      name: "a managed policy that does not exist",
      params: { PolicyArns: [{ arn: `arn:aws:iam::${A}:policy/Nope` }] },
      code: "ValidationError",
      message: /does not exist/,
    },
    {
      name: "more than ten managed policies",
      params: { PolicyArns: Array.from({ length: 11 }, () => ({ arn: `arn:aws:iam::${A}:policy/ReadOnlyS3` })) },
      code: "ValidationError",
      message: /policyArns/,
    },
    {
      name: "policies and tags too big once packed",
      params: { Policy: onlyGetObject, Tags: Array.from({ length: 8 }, (_, i) => ({ Key: `k${i}`, Value: "v".repeat(250) })) },
      code: "PackedPolicyTooLarge",
      message: /% of allotted space/,
    },
  ];
  it.each(cases)("$name", ({ params, code, message }) => {
    const role = params.Tags ? "Tagged" : "AccountTrust";
    const result = assumeRole(model, user("alice"), { RoleArn: roleArn(role), RoleSessionName: "s1", ...params }, env());
    if (!code) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.PackedPolicySize).toBeGreaterThan(0);
      return;
    }
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message!);
    }
  });

  it("limits later requests to the intersection of the role's policies and the session policy", () => {
    const session = assumed(user("alice"), { RoleArn: roleArn("AccountTrust"), Policy: onlyGetObject });
    const caller: Caller = { kind: "session", session };
    const get = simulateRequest(model, caller, { action: "s3:GetObject", resource: "arn:aws:s3:::bucket/key" }, env());
    const put = simulateRequest(model, caller, { action: "s3:PutObject", resource: "arn:aws:s3:::bucket/key" }, env());
    const ec2 = simulateRequest(model, caller, { action: "ec2:RunInstances", resource: "*" }, env());
    expect(get.ok).toBe(true);
    expect(put.ok).toBe(false);
    if (!put.ok) expect(put.error.message).toContain("session policy");
    expect(ec2.ok).toBe(false);
  });

  it("without a session policy the session has all of the role's permissions", () => {
    const session = assumed(user("alice"), { RoleArn: roleArn("AccountTrust") });
    const put = simulateRequest(
      model,
      { kind: "session", session },
      { action: "s3:PutObject", resource: "arn:aws:s3:::bucket/key" },
      env(),
    );
    expect(put.ok).toBe(true);
    if (put.ok) expect(put.value.input.request.principal).toBe(`arn:aws:sts::${A}:assumed-role/AccountTrust/session`);
  });
});

describe(`AssumeRole: MFA and external id in the trust policy (${DOC.assumeRole}; ${DOC.conditionKeys})`, () => {
  const serial = `arn:aws:iam::${A}:mfa/alice`;
  const cases: { name: string; params: Partial<AssumeRoleParams>; role: string; code?: string }[] = [
    { name: "MFA required, none given", role: "MfaRole", params: {}, code: "AccessDenied" },
    { name: "MFA required, right code", role: "MfaRole", params: { SerialNumber: serial, TokenCode: "123456" } },
    { name: "MFA given with a wrong code", role: "MfaRole", params: { SerialNumber: serial, TokenCode: "654321" }, code: "AccessDenied" },
    {
      name: "MFA code that is not six digits",
      role: "MfaRole",
      params: { SerialNumber: serial, TokenCode: "12345" },
      code: "ValidationError",
    },
    { name: "external id required and given", role: "ExternalIdRole", params: { ExternalId: "x-123" } },
    { name: "external id required, wrong one", role: "ExternalIdRole", params: { ExternalId: "x-999" }, code: "AccessDenied" },
    { name: "external id required, none given", role: "ExternalIdRole", params: {}, code: "AccessDenied" },
  ];
  it.each(cases)("$name", ({ role, params, code }) => {
    const result = assumeRole(model, user("alice"), { RoleArn: roleArn(role), RoleSessionName: "s1", ...params }, env());
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it("a session assumed with MFA carries aws:MultiFactorAuthPresent and a growing aws:MultiFactorAuthAge", () => {
    const session = assumed(user("alice"), { RoleArn: roleArn("MfaRole"), SerialNumber: serial, TokenCode: "123456" });
    const list = { action: "s3:ListBucket", resource: "arn:aws:s3:::b" };
    const fresh = simulateRequest(model, { kind: "session", session }, list, env(1, NOW + 30_000));
    const stale = simulateRequest(model, { kind: "session", session }, list, env(1, NOW + 90_000));
    expect(fresh.ok).toBe(true);
    if (fresh.ok) {
      expect(fresh.value.input.request.context?.["aws:MultiFactorAuthPresent"]).toBe("true");
      expect(fresh.value.input.request.context?.["aws:MultiFactorAuthAge"]).toBe("30");
    }
    expect(stale.ok).toBe(false);
  });

  it("a session assumed without MFA says aws:MultiFactorAuthPresent is false and has no age", () => {
    const session = assumed(user("alice"), { RoleArn: roleArn("AccountTrust") });
    const later = simulateRequest(model, { kind: "session", session }, { action: "s3:ListBucket", resource: "arn:aws:s3:::b" }, env());
    expect(later.ok).toBe(true);
    if (!later.ok) return;
    expect(later.value.input.request.context?.["aws:MultiFactorAuthPresent"]).toBe("false");
    expect(later.value.input.request.context?.["aws:MultiFactorAuthAge"]).toBeUndefined();
    expect(later.value.input.request.context?.["aws:TokenIssueTime"]).toBe(new Date(NOW).toISOString());
  });
});

describe(`AssumeRole: session tags and source identity (${DOC.sessionTags}; ${DOC.sourceIdentity})`, () => {
  it("passing tags needs sts:TagSession in the trust policy", () => {
    const result = assumeRole(
      model,
      user("alice"),
      { RoleArn: roleArn("NoTagSession"), RoleSessionName: "s1", Tags: [{ Key: "project", Value: "apollo" }] },
      env(),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("sts:TagSession");
  });

  it("session tags override the role's tags and become aws:PrincipalTag values", () => {
    const session = assumed(user("alice"), { RoleArn: roleArn("Tagged"), Tags: [{ Key: "Project", Value: "apollo" }] });
    expect(session.tags).toEqual({ owner: "ops", Project: "apollo" });
    const get = simulateRequest(model, { kind: "session", session }, { action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }, env());
    expect(get.ok).toBe(true);
    const untagged = assumed(user("alice"), { RoleArn: roleArn("Tagged") });
    const refused = simulateRequest(
      model,
      { kind: "session", session: untagged },
      { action: "s3:GetObject", resource: "arn:aws:s3:::b/k" },
      env(),
    );
    expect(refused.ok).toBe(false);
  });

  it("refuses tag keys that differ only in case", () => {
    const result = assumeRole(
      model,
      user("alice"),
      {
        RoleArn: roleArn("Tagged"),
        RoleSessionName: "s1",
        Tags: [
          { Key: "a", Value: "1" },
          { Key: "A", Value: "2" },
        ],
      },
      env(),
    );
    expect(result.ok ? "" : result.error.message).toMatch(/case insensitive/);
  });

  it("a source identity needs sts:SetSourceIdentity and persists across role chaining", () => {
    const denied = assumeRole(
      model,
      user("alice"),
      { RoleArn: roleArn("AccountTrust"), RoleSessionName: "s1", SourceIdentity: "alice" },
      env(),
    );
    expect(denied.ok ? "" : denied.error.message).toContain("sts:SetSourceIdentity");
    const first = assumeRole(
      model,
      user("alice"),
      { RoleArn: roleArn("SourceIdentity"), RoleSessionName: "s1", SourceIdentity: "alice" },
      env(),
    );
    expect(first.ok && first.value.SourceIdentity).toBe("alice");
    if (!first.ok) return;
    const caller: Caller = { kind: "session", session: first.value.session };
    // Chaining keeps the source identity, so the next trust policy must allow sts:SetSourceIdentity too.
    const chained = assumeRole(model, caller, { RoleArn: roleArn("SourceIdentity"), RoleSessionName: "s2" }, env());
    expect(chained.ok && chained.value.session.sourceIdentity).toBe("alice");
    const refused = assumeRole(model, caller, { RoleArn: roleArn("NoTagSession"), RoleSessionName: "s2" }, env());
    expect(refused.ok ? "" : refused.error.message).toContain("sts:SetSourceIdentity");
    const changed = assumeRole(
      model,
      caller,
      { RoleArn: roleArn("SourceIdentity"), RoleSessionName: "s2", SourceIdentity: "mallory" },
      env(),
    );
    expect(changed.ok ? "" : changed.error.message).toMatch(/cannot be changed/);
  });
});

describe(`Credentials from AssumeRole afterwards (${DOC.compare})`, () => {
  it("cannot call GetSessionToken", () => {
    const session = assumed(user("alice"), { RoleArn: roleArn("AccountTrust") });
    const result = getSessionToken(model, { kind: "session", session }, {}, env());
    expect(result).toEqual({ ok: false, error: { code: "AccessDenied", message: "Cannot call GetSessionToken with session credentials" } });
  });

  it(`are limited by the role's permissions boundary (${DOC.boundaries})`, () => {
    const session = assumed(user("alice"), { RoleArn: roleArn("Bounded") });
    const caller: Caller = { kind: "session", session };
    expect(simulateRequest(model, caller, { action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }, env()).ok).toBe(true);
    const put = simulateRequest(model, caller, { action: "s3:PutObject", resource: "arn:aws:s3:::b/k" }, env());
    expect(put.ok ? "" : put.error.message).toContain("because no permissions boundary allows the s3:PutObject action");
  });

  it(`are limited by the SCPs above the account, level by level (${DOC.scps})`, () => {
    const session = assumed(user("alice"), { RoleArn: roleArn("AccountTrust") });
    const deleteBucket = simulateRequest(
      model,
      { kind: "session", session },
      { action: "s3:DeleteBucket", resource: "arn:aws:s3:::b" },
      env(),
    );
    expect(deleteBucket.ok ? "" : deleteBucket.error.message).toContain(
      "because no service control policy allows the s3:DeleteBucket action",
    );
  });

  it("stop working when they expire", () => {
    const session = assumed(user("alice"), { RoleArn: roleArn("AccountTrust"), DurationSeconds: 900 });
    const before = simulateRequest(
      model,
      { kind: "session", session },
      { action: "s3:GetObject", resource: "arn:aws:s3:::b/k" },
      env(1, NOW + 899_000),
    );
    const after = simulateRequest(
      model,
      { kind: "session", session },
      { action: "s3:GetObject", resource: "arn:aws:s3:::b/k" },
      env(1, NOW + 900_000),
    );
    expect(before.ok).toBe(true);
    expect(after.ok ? undefined : after.error.code).toBe("ExpiredToken");
  });
});
