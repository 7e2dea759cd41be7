// GetSessionToken, GetFederationToken, GetCallerIdentity and GetAccessKeyInfo.

import { describe, expect, it } from "vitest";
import {
  accountFromAccessKeyId,
  assumeRole,
  generateAccessKeyId,
  getAccessKeyInfo,
  getCallerIdentity,
  getFederationToken,
  getSessionToken,
  seededRandom,
  simulateRequest,
  type AccountModel,
  type Caller,
  type GetFederationTokenParams,
} from "../../lib/iam/sts/index.ts";

const API = "https://docs.aws.amazon.com/STS/latest/APIReference";
const GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
const DOC = {
  getSessionToken: `GetSessionToken (AWS STS API Reference) — ${API}/API_GetSessionToken.html`,
  getFederationToken: `GetFederationToken (AWS STS API Reference) — ${API}/API_GetFederationToken.html`,
  federationPermissions: `Permissions for GetFederationToken — ${GUIDE}/id_credentials_temp_control-access_getfederationtoken.html`,
  getCallerIdentity: `GetCallerIdentity (AWS STS API Reference) — ${API}/API_GetCallerIdentity.html`,
  getAccessKeyInfo: `GetAccessKeyInfo (AWS STS API Reference) — ${API}/API_GetAccessKeyInfo.html`,
  compare: `Compare AWS STS credentials — ${GUIDE}/id_credentials_sts-comparison.html`,
  variables: `IAM policy elements: Variables and tags (principal table, aws:userid) — ${GUIDE}/reference_policies_variables.html`,
  conditionKeys: `AWS global condition context keys — ${GUIDE}/reference_policies_condition-keys.html`,
  apiModel: "STS API model (durationSecondsType, userNameType) — botocore/data/sts/2011-06-15/service-2.json",
};

const A = "111122223333";
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const env = (now = NOW) => ({ now, random: seededRandom(7) });
const allow = (action: string | string[], resource = "*", condition?: object) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }],
});

const model: AccountModel = {
  accounts: [
    {
      id: A,
      rootMfaDevices: [{ serialNumber: `arn:aws:iam::${A}:mfa/root-account-mfa-device`, currentCode: "000111" }],
      users: [
        {
          name: "alice",
          userId: "AIDAJQABLZS4A3QDU576Q",
          path: "/staff/",
          inlinePolicies: [
            allow(["s3:*", "sts:GetFederationToken", "sts:AssumeRole", "sts:GetAccessKeyInfo"]),
            {
              Version: "2012-10-17",
              Statement: [
                {
                  Effect: "Allow",
                  Action: "ec2:StopInstances",
                  Resource: "*",
                  Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
                },
                { Effect: "Allow", Action: "iam:ListUsers", Resource: "*" },
              ],
            },
          ],
          mfaDevices: [{ serialNumber: `arn:aws:iam::${A}:mfa/alice`, currentCode: "123456" }],
          accessKeys: [{ accessKeyId: "AKIAIOSFODNN7EXAMPLE" }],
          tags: { team: "blue" },
        },
        { name: "bob", inlinePolicies: [allow("s3:GetObject")], accessKeys: [{ accessKeyId: "AKIAI44QH8DHBEXAMPLE", status: "Inactive" }] },
      ],
      roles: [
        {
          name: "Admin",
          trustPolicy: {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "sts:AssumeRole" }],
          },
          inlinePolicies: [allow("*")],
        },
      ],
      managedPolicies: [{ arn: `arn:aws:iam::${A}:policy/S3ReadOnly`, document: allow(["s3:Get*", "s3:List*"]) }],
    },
  ],
};
const alice: Caller = { kind: "user", accountId: A, userName: "alice" };
const bob: Caller = { kind: "user", accountId: A, userName: "bob" };
const root: Caller = { kind: "root", accountId: A };

describe(`GetSessionToken durations (${DOC.getSessionToken}; ${DOC.compare}; ${DOC.apiModel})`, () => {
  const cases: { name: string; caller: Caller; duration?: number; expected: number | string }[] = [
    { name: "IAM user default: 12 hours", caller: alice, expected: 43200 },
    { name: "IAM user minimum: 15 minutes", caller: alice, duration: 900, expected: 900 },
    { name: "IAM user maximum: 36 hours", caller: alice, duration: 129600, expected: 129600 },
    { name: "below the minimum", caller: alice, duration: 899, expected: "ValidationError" },
    { name: "above the maximum", caller: alice, duration: 129601, expected: "ValidationError" },
    { name: "root default: one hour", caller: root, expected: 3600 },
    { name: "root asking for more than an hour gets one hour", caller: root, duration: 7200, expected: 3600 },
    { name: "root asking for less gets what it asked", caller: root, duration: 1800, expected: 1800 },
  ];
  it.each(cases)("$name", ({ caller, duration, expected }) => {
    const result = getSessionToken(model, caller, duration === undefined ? {} : { DurationSeconds: duration }, env());
    if (typeof expected === "string") {
      expect(result.ok ? undefined : result.error.code).toBe(expected);
      return;
    }
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.session.expiresAtMs - NOW).toBe(expected * 1000);
      expect(result.value.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    }
  });
});

describe(`GetSessionToken and MFA (${DOC.getSessionToken}; ${DOC.conditionKeys})`, () => {
  const stop = { action: "ec2:StopInstances", resource: `arn:aws:ec2:us-east-1:${A}:instance/i-0123` };

  it("long-term credentials carry no aws:MultiFactorAuthPresent, so a Bool condition on it fails", () => {
    const direct = simulateRequest(model, alice, stop, env());
    expect(direct.ok).toBe(false);
  });

  it("with a valid MFA code the session is MFA-authenticated and the age grows", () => {
    const result = getSessionToken(model, alice, { SerialNumber: `arn:aws:iam::${A}:mfa/alice`, TokenCode: "123456" }, env());
    if (!result.ok) throw new Error(result.error.message);
    const caller: Caller = { kind: "session", session: result.value.session };
    const later = simulateRequest(model, caller, stop, env(NOW + 120_000));
    expect(later.ok).toBe(true);
    if (later.ok) {
      expect(later.value.input.request.context?.["aws:MultiFactorAuthPresent"]).toBe("true");
      expect(later.value.input.request.context?.["aws:MultiFactorAuthAge"]).toBe("120");
      // The session acts as the user itself.
      expect(later.value.input.request.principal).toBe(`arn:aws:iam::${A}:user/staff/alice`);
    }
  });

  it("without MFA the session says aws:MultiFactorAuthPresent = false", () => {
    const result = getSessionToken(model, alice, {}, env());
    if (!result.ok) throw new Error(result.error.message);
    const later = simulateRequest(model, { kind: "session", session: result.value.session }, stop, env());
    expect(later.ok).toBe(false);
  });

  const mfaCases: { name: string; caller: Caller; serial?: string; code?: string; error?: string }[] = [
    { name: "a wrong code", caller: alice, serial: `arn:aws:iam::${A}:mfa/alice`, code: "999999", error: "AccessDenied" },
    { name: "another user's device", caller: bob, serial: `arn:aws:iam::${A}:mfa/alice`, code: "123456", error: "AccessDenied" },
    { name: "a serial without a code", caller: alice, serial: `arn:aws:iam::${A}:mfa/alice`, error: "AccessDenied" },
    {
      name: "a code that is not six digits",
      caller: alice,
      serial: `arn:aws:iam::${A}:mfa/alice`,
      code: "12ab56",
      error: "ValidationError",
    },
    { name: "the root user's own device", caller: root, serial: `arn:aws:iam::${A}:mfa/root-account-mfa-device`, code: "000111" },
  ];
  it.each(mfaCases)("$name", ({ caller, serial, code, error }) => {
    const params = { ...(serial ? { SerialNumber: serial } : {}), ...(code ? { TokenCode: code } : {}) };
    const result = getSessionToken(model, caller, params, env());
    expect(result.ok ? undefined : result.error.code).toBe(error);
  });

  it(`its credentials cannot call IAM without MFA, nor STS except AssumeRole and GetCallerIdentity (${DOC.compare})`, () => {
    const plain = getSessionToken(model, alice, {}, env());
    const withMfa = getSessionToken(model, alice, { SerialNumber: `arn:aws:iam::${A}:mfa/alice`, TokenCode: "123456" }, env());
    if (!plain.ok || !withMfa.ok) throw new Error("expected sessions");
    const plainCaller: Caller = { kind: "session", session: plain.value.session };
    const mfaCaller: Caller = { kind: "session", session: withMfa.value.session };
    const listUsers = { action: "iam:ListUsers", resource: "*" };
    const refused = simulateRequest(model, plainCaller, listUsers, env());
    expect(refused.ok ? "" : refused.error.message).toMatch(/cannot call IAM operations unless MFA/);
    expect(simulateRequest(model, mfaCaller, listUsers, env()).ok).toBe(true);
    const federation = getFederationToken(model, plainCaller, { Name: "x1" }, env());
    expect(federation.ok ? "" : federation.error.message).toMatch(/session credentials/);
    const keyInfo = getAccessKeyInfo(model, plainCaller, { AccessKeyId: "AKIAIOSFODNN7EXAMPLE" }, env());
    expect(keyInfo.ok ? "" : keyInfo.error.message).toMatch(/other than AssumeRole and GetCallerIdentity/);
    const assumed = assumeRole(model, plainCaller, { RoleArn: `arn:aws:iam::${A}:role/Admin`, RoleSessionName: "s1" }, env());
    expect(assumed.ok).toBe(true);
    expect(getCallerIdentity(model, plainCaller, env()).ok).toBe(true);
  });
});

describe(`GetFederationToken (${DOC.getFederationToken}; ${DOC.federationPermissions})`, () => {
  const s3Only = JSON.stringify(allow("s3:GetObject"));
  const cases: { name: string; caller: Caller; params: GetFederationTokenParams; code?: string; message?: RegExp; duration?: number }[] = [
    { name: "an IAM user with sts:GetFederationToken", caller: alice, params: { Name: "Bob", Policy: s3Only }, duration: 43200 },
    {
      name: "an IAM user without the permission",
      caller: bob,
      params: { Name: "Carol", Policy: s3Only },
      code: "AccessDenied",
      message: /sts:GetFederationToken/,
    },
    {
      name: "root may call it, capped at one hour",
      caller: root,
      params: { Name: "Ops", Policy: s3Only, DurationSeconds: 7200 },
      duration: 3600,
    },
    { name: "the 36-hour maximum", caller: alice, params: { Name: "Bob", DurationSeconds: 129600 }, duration: 129600 },
    { name: "more than 36 hours", caller: alice, params: { Name: "Bob", DurationSeconds: 129601 }, code: "ValidationError" },
    {
      name: "a one-character name",
      caller: alice,
      params: { Name: "B" },
      code: "ValidationError",
      message: /length greater than or equal to 2/,
    },
    {
      name: "a 33-character name",
      caller: alice,
      params: { Name: "b".repeat(33) },
      code: "ValidationError",
      message: /less than or equal to 32/,
    },
    { name: "a name with a space", caller: alice, params: { Name: "Bob Smith" }, code: "ValidationError", message: /pattern/ },
    {
      name: "a managed session policy of the caller's account",
      caller: alice,
      params: { Name: "Bob", PolicyArns: [{ arn: `arn:aws:iam::${A}:policy/S3ReadOnly` }] },
      duration: 43200,
    },
    {
      name: "a malformed session policy",
      caller: alice,
      params: { Name: "Bob", Policy: '{"Statement":[{"Effect":"Maybe","Action":"s3:*","Resource":"*"}]}' },
      code: "MalformedPolicyDocument",
      message: /Effect/,
    },
  ];
  it.each(cases)("$name", ({ caller, params, code, message, duration }) => {
    const result = getFederationToken(model, caller, params, env());
    expect(result.ok ? undefined : result.error.code).toBe(code);
    if (!result.ok && message) expect(result.error.message).toMatch(message);
    if (result.ok) {
      expect(result.value.FederatedUser.Arn).toBe(`arn:aws:sts::${A}:federated-user/${params.Name}`);
      expect(result.value.FederatedUser.FederatedUserId).toBe(`${A}:${params.Name}`);
      expect(result.value.session.expiresAtMs - NOW).toBe(duration! * 1000);
    }
  });

  it("the federated user gets the intersection of the caller's policies and the session policy", () => {
    const result = getFederationToken(model, alice, { Name: "Bob", Policy: JSON.stringify(allow(["s3:GetObject", "ec2:*"])) }, env());
    if (!result.ok) throw new Error(result.error.message);
    const caller: Caller = { kind: "session", session: result.value.session };
    // s3:GetObject: alice allows s3:*, the session policy allows it.
    expect(simulateRequest(model, caller, { action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }, env()).ok).toBe(true);
    // s3:PutObject: alice allows it, the session policy does not.
    expect(simulateRequest(model, caller, { action: "s3:PutObject", resource: "arn:aws:s3:::b/k" }, env()).ok).toBe(false);
    // ec2:RunInstances: the session policy allows it, alice does not.
    expect(simulateRequest(model, caller, { action: "ec2:RunInstances", resource: "*" }, env()).ok).toBe(false);
  });

  it("without a session policy the federated user has no permissions, except through a resource policy naming it", () => {
    const result = getFederationToken(model, alice, { Name: "Bob" }, env());
    if (!result.ok) throw new Error(result.error.message);
    const caller: Caller = { kind: "session", session: result.value.session };
    expect(simulateRequest(model, caller, { action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }, env()).ok).toBe(false);
    const bucketPolicy = {
      id: "bucket:b",
      document: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: `arn:aws:sts::${A}:federated-user/Bob` },
            Action: "s3:GetObject",
            Resource: "arn:aws:s3:::b/*",
          },
        ],
      },
    };
    const viaResource = simulateRequest(
      model,
      caller,
      { action: "s3:GetObject", resource: "arn:aws:s3:::b/k", resourceAccount: A, resourcePolicy: bucketPolicy },
      env(),
    );
    expect(viaResource.ok).toBe(true);
  });

  it(`its credentials cannot call IAM or STS other than GetCallerIdentity (${DOC.compare})`, () => {
    const result = getFederationToken(model, alice, { Name: "Bob", Policy: JSON.stringify(allow("*")) }, env());
    if (!result.ok) throw new Error(result.error.message);
    const caller: Caller = { kind: "session", session: result.value.session };
    const iam = simulateRequest(model, caller, { action: "iam:ListUsers", resource: "*" }, env());
    expect(iam.ok ? "" : iam.error.message).toMatch(/cannot call IAM operations/);
    const assumed = assumeRole(model, caller, { RoleArn: `arn:aws:iam::${A}:role/Admin`, RoleSessionName: "s1" }, env());
    expect(assumed.ok ? "" : assumed.error.message).toMatch(/other than GetCallerIdentity/);
    expect(getSessionToken(model, caller, {}, env()).ok).toBe(false);
    expect(getCallerIdentity(model, caller, env())).toEqual({
      ok: true,
      value: { UserId: `${A}:Bob`, Account: A, Arn: `arn:aws:sts::${A}:federated-user/Bob` },
    });
  });
});

describe(`GetCallerIdentity (${DOC.getCallerIdentity}; ${DOC.variables})`, () => {
  it("needs no permission and reports UserId, Account and Arn per principal type", () => {
    const assumed = assumeRole(model, alice, { RoleArn: `arn:aws:iam::${A}:role/Admin`, RoleSessionName: "alice-admin" }, env());
    if (!assumed.ok) throw new Error(assumed.error.message);
    const cases: { caller: Caller; expected: { UserId: string | RegExp; Arn: string } }[] = [
      { caller: alice, expected: { UserId: "AIDAJQABLZS4A3QDU576Q", Arn: `arn:aws:iam::${A}:user/staff/alice` } },
      // bob has no permission at all, and still gets an answer.
      { caller: bob, expected: { UserId: /^AIDA[A-Z2-7]{17}$/, Arn: `arn:aws:iam::${A}:user/bob` } },
      { caller: root, expected: { UserId: A, Arn: `arn:aws:iam::${A}:root` } },
      {
        caller: { kind: "session", session: assumed.value.session },
        expected: { UserId: /^AROA[A-Z2-7]{17}:alice-admin$/, Arn: `arn:aws:sts::${A}:assumed-role/Admin/alice-admin` },
      },
    ];
    for (const { caller, expected } of cases) {
      const result = getCallerIdentity(model, caller, env());
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.value.Account).toBe(A);
      expect(result.value.Arn).toBe(expected.Arn);
      if (typeof expected.UserId === "string") expect(result.value.UserId).toBe(expected.UserId);
      else expect(result.value.UserId).toMatch(expected.UserId);
    }
  });

  it("identifies a caller by its access key id", () => {
    const result = getCallerIdentity(model, { kind: "accessKey", accessKeyId: "AKIAIOSFODNN7EXAMPLE" }, env());
    expect(result.ok && result.value.Arn).toBe(`arn:aws:iam::${A}:user/staff/alice`);
  });

  const refusals: { name: string; caller: Caller; code: string }[] = [
    { name: "an unsigned request", caller: { kind: "anonymous" }, code: "MissingAuthenticationToken" },
    { name: "an inactive access key", caller: { kind: "accessKey", accessKeyId: "AKIAI44QH8DHBEXAMPLE" }, code: "InvalidClientTokenId" },
    { name: "an access key nobody owns", caller: { kind: "accessKey", accessKeyId: "AKIAZZZZZZZZZZZZZZZZ" }, code: "InvalidClientTokenId" },
    { name: "a user that does not exist", caller: { kind: "user", accountId: A, userName: "mallory" }, code: "InvalidClientTokenId" },
  ];
  it.each(refusals)("refuses $name", ({ caller, code }) => {
    const result = getCallerIdentity(model, caller, env());
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it("fails for expired credentials and unknown identities", () => {
    const token = getSessionToken(model, alice, { DurationSeconds: 900 }, env());
    if (!token.ok) throw new Error(token.error.message);
    const expired = getCallerIdentity(model, { kind: "session", session: token.value.session }, env(NOW + 900_000));
    expect(expired.ok ? undefined : expired.error.code).toBe("ExpiredToken");
    const unknown = getCallerIdentity(model, { kind: "user", accountId: A, userName: "mallory" }, env());
    expect(unknown.ok ? undefined : unknown.error.code).toBe("InvalidClientTokenId");
  });
});

describe(`GetAccessKeyInfo (${DOC.getAccessKeyInfo})`, () => {
  it("reads the account of keys the model holds and of keys STS issued", () => {
    const issued = getSessionToken(model, alice, {}, env());
    if (!issued.ok) throw new Error(issued.error.message);
    const cases: { key: string; account?: string; code?: string }[] = [
      { key: "AKIAIOSFODNN7EXAMPLE", account: A },
      { key: issued.value.Credentials.AccessKeyId, account: A },
      { key: generateAccessKeyId("AKIA", "999988887777", seededRandom(3)), account: "999988887777" },
      { key: "short", code: "ValidationError" },
      { key: "not-a-key-id-at-all!", code: "ValidationError" },
    ];
    for (const { key, account, code } of cases) {
      const result = getAccessKeyInfo(model, alice, { AccessKeyId: key }, env());
      expect(result.ok ? result.value.Account : result.error.code).toBe(account ?? code);
    }
  });

  it("needs sts:GetAccessKeyInfo", () => {
    const result = getAccessKeyInfo(model, bob, { AccessKeyId: "AKIAIOSFODNN7EXAMPLE" }, env());
    expect(result.ok ? undefined : result.error.code).toBe("AccessDenied");
  });

  it("round-trips every account id through a generated key id", () => {
    for (const account of ["000000000001", "111122223333", "999999999999", "123456789012"]) {
      for (const seed of [1, 2, 3]) {
        const key = generateAccessKeyId("ASIA", account, seededRandom(seed));
        expect(key).toMatch(/^ASIA[A-Z2-7]{16}$/);
        expect(accountFromAccessKeyId(key)).toBe(account);
      }
    }
  });
});
