// What the scenario format can now say, each case checked against the AWS page that decides it:
// federated STS calls (SAML, web identity), organizations (ids derived from the world, the management
// account, AWS's default policies), session tags through role chaining, GetCallerIdentity and
// credential questions, the request keys AWS always sets, AWS's guardrails, and learner wording.

import { describe, expect, it } from "vitest";
import { answerScenario, parseScenario, type AnswerValue, type AnsweredScenario } from "../../lib/scenarios/index.ts";
import { NOW, SEED } from "./support.ts";

const IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
const STS = "https://docs.aws.amazon.com/STS/latest/APIReference";
const ORG = "https://docs.aws.amazon.com/organizations/latest/userguide";
const A = "111122223333";
const B = "444455556666";
const V = "2012-10-17";

type Loose = Record<string, any>;

function run(document: Loose, timeZone?: string): AnsweredScenario {
  return answerScenario(parseScenario({ title: "t", deck: ["Scenarios"], ...document }), {
    now: NOW,
    seed: SEED,
    ...(timeZone ? { timeZone } : {}),
  });
}

const value = (answered: AnsweredScenario, i: number) =>
  answered.questions[i]!.answer.value as Extract<AnswerValue, { kind: "sts" | "allowed" }> & Loose;

const readReports = { ReadReports: { Version: V, Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] } };

describe("AssumeRoleWithSAML steps", () => {
  const saml = (condition: Loose, assertion: Loose = {}, providers = ["CorpIdP"]) =>
    run({
      accounts: [
        {
          id: A,
          samlProviders: providers,
          roles: [
            {
              name: "Saml",
              trustPolicy: {
                Version: V,
                Statement: [
                  {
                    Effect: "Allow",
                    Principal: { Federated: `arn:aws:iam::${A}:saml-provider/CorpIdP` },
                    Action: "sts:AssumeRoleWithSAML",
                    Condition: condition,
                  },
                ],
              },
              policies: readReports,
            },
          ],
        },
      ],
      steps: [
        {
          id: "signIn",
          sts: {
            call: "AssumeRoleWithSAML",
            RoleArn: `arn:aws:iam::${A}:role/Saml`,
            PrincipalArn: `arn:aws:iam::${A}:saml-provider/CorpIdP`,
            SAMLAssertion: { Issuer: "https://idp.example.com", Subject: "jdoe", RoleSessionName: "jdoe", ...assertion },
          },
        },
        { id: "read", request: { as: { session: "signIn" }, action: "s3:GetObject", resource: "arn:aws:s3:::reports/q1.csv" } },
      ],
      questions: [
        { kind: "sts", step: "signIn", ask: "credential" },
        { kind: "allowed", step: "read" },
      ],
    });

  it.each([
    {
      name: "SAML:aud is AWS's sign-in endpoint by default, so the usual trust condition allows",
      condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
      assertion: {},
      ok: true,
      doc: `${IAM}/reference_policies_iam-condition-keys.html#condition-keys-saml`,
    },
    {
      name: "an assertion addressed to another recipient fails the SAML:aud condition",
      condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
      assertion: { Recipient: "https://wiki.example.com/acs" },
      ok: false,
      doc: `${IAM}/reference_policies_iam-condition-keys.html#condition-keys-saml`,
    },
    {
      name: "a condition on SAML:sub reads the assertion's Subject",
      condition: { StringEquals: { "SAML:sub": "someone-else" } },
      assertion: {},
      ok: false,
      doc: `${IAM}/reference_policies_iam-condition-keys.html#condition-keys-saml`,
    },
    {
      name: "an expired assertion is refused (ExpiredToken) before the trust policy",
      condition: {},
      assertion: { ExpiresInSeconds: 0 },
      ok: false,
      doc: `${STS}/API_AssumeRoleWithSAML.html`,
    },
  ])("$name ($doc)", ({ condition, assertion, ok }) => {
    const answered = saml(condition, assertion);
    expect(value(answered, 0).ok).toBe(ok);
    expect(value(answered, 1).allowed).toBe(ok);
    if (ok) {
      // The session is an assumed-role session named by the RoleSessionName attribute (AssumeRoleWithSAML response).
      expect(value(answered, 0).principalArn).toBe(`arn:aws:sts::${A}:assumed-role/Saml/jdoe`);
      expect(value(answered, 0).accessKeyId).toMatch(/^ASIA/);
    }
  });

  it(`a provider not registered in IAM is refused with InvalidIdentityToken (${STS}/API_AssumeRoleWithSAML.html)`, () => {
    expect(value(saml({}, {}, ["OtherIdP"]), 0).errorCode).toBe("InvalidIdentityToken");
  });
});

describe("AssumeRoleWithWebIdentity steps", () => {
  const web = (principal: string, condition: Loose, token: Loose, extra: Loose = {}) =>
    run({
      accounts: [
        {
          id: A,
          ...extra,
          roles: [
            {
              name: "App",
              trustPolicy: {
                Version: V,
                Statement: [
                  { Effect: "Allow", Principal: { Federated: principal }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition },
                ],
              },
              policies: readReports,
            },
          ],
        },
      ],
      steps: [
        {
          id: "exchange",
          sts: { call: "AssumeRoleWithWebIdentity", RoleArn: `arn:aws:iam::${A}:role/App`, RoleSessionName: "u1", WebIdentityToken: token },
        },
        { id: "who", sts: { call: "GetCallerIdentity", as: { session: "exchange" } } },
      ],
      questions: [
        { kind: "sts", step: "exchange", ask: "outcome" },
        { kind: "sts", step: "who", ask: "identity" },
      ],
    });
  const doc = `${IAM}/reference_policies_iam-condition-keys.html#condition-keys-wif`;

  it.each([
    {
      name: "Google: accounts.google.com:aud is the app's client id",
      principal: "accounts.google.com",
      condition: { StringEquals: { "accounts.google.com:aud": "app-1" } },
      token: { iss: "https://accounts.google.com", sub: "42", aud: "app-1" },
      ok: true,
    },
    {
      name: "Google: another client id fails",
      principal: "accounts.google.com",
      condition: { StringEquals: { "accounts.google.com:aud": "app-1" } },
      token: { iss: "https://accounts.google.com", sub: "42", aud: "app-2" },
      ok: false,
    },
    {
      name: "Google: with azp, accounts.google.com:aud reads the azp",
      principal: "accounts.google.com",
      condition: { StringEquals: { "accounts.google.com:aud": "app-1" } },
      token: { iss: "https://accounts.google.com", sub: "42", aud: "server", azp: "app-1" },
      ok: true,
    },
    {
      name: "Cognito: amr says authenticated",
      principal: "cognito-identity.amazonaws.com",
      condition: { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } },
      token: {
        iss: "https://cognito-identity.amazonaws.com",
        sub: "us-east-1:abc",
        aud: "us-east-1:pool",
        amr: ["authenticated", "accounts.google.com"],
      },
      ok: true,
    },
    {
      name: "Cognito: an unauthenticated identity fails",
      principal: "cognito-identity.amazonaws.com",
      condition: { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } },
      token: { iss: "https://cognito-identity.amazonaws.com", sub: "us-east-1:abc", aud: "us-east-1:pool", amr: ["unauthenticated"] },
      ok: false,
    },
  ])(`$name (${doc})`, ({ principal, condition, token, ok }) => {
    const answered = web(principal, condition, token);
    expect(value(answered, 0).ok).toBe(ok);
    if (ok) {
      const identity = value(answered, 1).identity as Loose;
      expect(identity.arn).toBe(`arn:aws:sts::${A}:assumed-role/App/u1`);
      // "UserId: the role's unique id and the session name" (GetCallerIdentity; IAM identifiers).
      expect(identity.userId).toMatch(/^AROA[A-Z2-7]{17}:u1$/);
      expect(identity.account).toBe(A);
    }
  });

  it(`an IAM OIDC provider is named by its ARN and must list the token's audience (${STS}/API_AssumeRoleWithWebIdentity.html)`, () => {
    const provider = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;
    const condition = { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } };
    const token = {
      iss: "https://token.actions.githubusercontent.com",
      sub: "repo:acme/app:ref:refs/heads/main",
      aud: "sts.amazonaws.com",
    };
    const registered = { oidcProviders: [{ url: "token.actions.githubusercontent.com", clientIds: ["sts.amazonaws.com"] }] };
    expect(value(web(provider, condition, token, registered), 0).ok).toBe(true);
    expect(value(web(provider, condition, { ...token, sub: "repo:evil/app" }, registered), 0).ok).toBe(false);
    expect(value(web(provider, condition, token), 0).errorCode).toBe("InvalidIdentityToken");
  });
});

describe("organizations", () => {
  const bucketPolicy = (orgId: string) => ({
    Version: V,
    Statement: [
      {
        Effect: "Allow",
        Principal: "*",
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::shared/*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": orgId } },
      },
    ],
  });
  const org = (organization: Loose, accountExtra: Loose = {}, resources: Loose[] = []) =>
    run({
      organization,
      accounts: [
        { id: A, unit: "Workloads", users: [{ name: "alice", policies: readReports }], ...accountExtra },
        { id: B, users: [{ name: "bob", policies: readReports }] },
      ],
      resources,
      steps: [
        { id: "alice", request: { as: { user: "alice" }, action: "s3:GetObject", resource: "arn:aws:s3:::shared/x", resourceAccount: B } },
        { id: "bob", request: { as: { user: "bob" }, action: "s3:GetObject", resource: "arn:aws:s3:::mine/x", resourceAccount: B } },
      ],
      questions: [
        { kind: "allowed", step: "alice" },
        { kind: "allowed", step: "bob" },
      ],
    });
  const units = [{ name: "Workloads" }];
  const denyS3 = { DenyS3: { Version: V, Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*" }] } };

  it(`aws:PrincipalOrgID comes from the world, not from the request (${IAM}/reference_policies_condition-keys.html#condition-keys-principalorgid)`, () => {
    const resources = [{ arn: "arn:aws:s3:::shared", account: B, policy: bucketPolicy("o-abcdefghij") }];
    expect(value(org({ id: "o-abcdefghij", units }, {}, resources), 0).allowed).toBe(true);
    expect(value(org({ id: "o-zzzzzzzzzz", units }, {}, resources), 0).allowed).toBe(false);
  });

  it(`aws:PrincipalOrgPaths is o-id/r-root/ou-.../ (${IAM}/reference_policies_condition-keys.html#condition-keys-principalorgpaths)`, () => {
    const policy = {
      Version: V,
      Statement: [
        {
          Effect: "Allow",
          Principal: "*",
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::shared/*",
          Condition: { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-abcdefghij/r-*/ou-*/" } },
        },
      ],
    };
    const resources = [{ arn: "arn:aws:s3:::shared", account: B, policy }];
    expect(value(org({ id: "o-abcdefghij", units }, {}, resources), 0).allowed).toBe(true);
    // Outside any OU the path ends at the root, so an OU pattern does not match.
    expect(value(org({ id: "o-abcdefghij", units }, { unit: undefined }, resources), 0).allowed).toBe(false);
  });

  it(`SCPs do not apply to the management account (${ORG}/orgs_manage_policies_scps.html)`, () => {
    const mine = [
      {
        arn: "arn:aws:s3:::mine",
        account: B,
        policy: {
          Version: V,
          Statement: [
            { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: "s3:GetObject", Resource: "arn:aws:s3:::mine/*" },
          ],
        },
      },
    ];
    expect(value(org({ id: "o-abcdefghij", units, root: { scps: denyS3 } }, {}, mine), 1).allowed).toBe(false);
    expect(value(org({ id: "o-abcdefghij", units, root: { scps: denyS3 }, managementAccount: B }, {}, mine), 1).allowed).toBe(true);
  });

  it(`RCPFullAWSAccess stays attached: one more RCP does not deny everything (${ORG}/orgs_manage_policies_rcps_evaluation.html)`, () => {
    const allowOnly = {
      OnlyReads: { Version: V, Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] },
    };
    const denyDeletes = {
      NoDeletes: { Version: V, Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:DeleteObject", Resource: "*" }] },
    };
    expect(value(org({ id: "o-abcdefghij", units, root: { rcps: denyDeletes } }), 1).allowed).toBe(true);
    // Only in a what-if where the default was replaced does a level need its own Allow.
    expect(value(org({ id: "o-abcdefghij", units, root: { rcps: denyDeletes, rcpFullAWSAccess: false } }), 1).allowed).toBe(false);
    expect(value(org({ id: "o-abcdefghij", units, root: { rcps: allowOnly, rcpFullAWSAccess: false } }), 1).allowed).toBe(true);
  });

  it(`FullAWSAccess next to a deny-list SCP when the case keeps the default (${ORG}/orgs_manage_policies_scps_evaluation.html)`, () => {
    const denyDeletes = { NoDeletes: { Version: V, Statement: [{ Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" }] } };
    expect(value(org({ id: "o-abcdefghij", units, root: { scps: denyDeletes } }), 1).allowed).toBe(false);
    expect(value(org({ id: "o-abcdefghij", units, root: { scps: denyDeletes, fullAWSAccess: true } }), 1).allowed).toBe(true);
  });
});

describe("session tags through role chaining", () => {
  const chained = (transitive: string[] | undefined) =>
    run({
      accounts: [
        {
          id: A,
          users: [
            {
              name: "alice",
              policies: {
                Assume: { Version: V, Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: "*" }] },
              },
            },
          ],
          roles: [
            {
              name: "First",
              trustPolicy: {
                Version: V,
                Statement: [
                  { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: ["sts:AssumeRole", "sts:TagSession"] },
                ],
              },
              policies: { Next: { Version: V, Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] } },
            },
            {
              name: "Second",
              trustPolicy: {
                Version: V,
                Statement: [
                  { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:role/First` }, Action: ["sts:AssumeRole", "sts:TagSession"] },
                ],
              },
              policies: {
                ByProject: {
                  Version: V,
                  Statement: [
                    {
                      Effect: "Allow",
                      Action: "s3:GetObject",
                      Resource: "*",
                      Condition: { StringEquals: { "aws:PrincipalTag/project": "blue" } },
                    },
                  ],
                },
              },
            },
          ],
        },
      ],
      steps: [
        {
          id: "first",
          sts: {
            call: "AssumeRole",
            as: { user: "alice" },
            RoleArn: `arn:aws:iam::${A}:role/First`,
            RoleSessionName: "s1",
            Tags: [{ Key: "project", Value: "blue" }],
            ...(transitive ? { TransitiveTagKeys: transitive } : {}),
          },
        },
        {
          id: "second",
          sts: { call: "AssumeRole", as: { session: "first" }, RoleArn: `arn:aws:iam::${A}:role/Second`, RoleSessionName: "s2" },
        },
        {
          id: "tooLong",
          sts: {
            call: "AssumeRole",
            as: { session: "first" },
            RoleArn: `arn:aws:iam::${A}:role/Second`,
            RoleSessionName: "s3",
            DurationSeconds: 7200,
          },
        },
        { id: "read", request: { as: { session: "second" }, action: "s3:GetObject", resource: "arn:aws:s3:::b/k" } },
      ],
      questions: [
        { kind: "allowed", step: "read" },
        { kind: "sts", step: "tooLong", ask: "outcome" },
        { kind: "sts", step: "second", ask: "duration" },
      ],
    });

  it(`a transitive session tag is carried into the chained session (${IAM}/id_session-tags.html#id_session-tags_role-chaining)`, () => {
    expect(value(chained(["project"]), 0).allowed).toBe(true);
    expect(value(chained(undefined), 0).allowed).toBe(false);
  });

  it(`role chaining limits a session to one hour (${STS}/API_AssumeRole.html)`, () => {
    const answered = chained(["project"]);
    expect(value(answered, 1).errorCode).toBe("ValidationError");
    expect(value(answered, 2).durationSeconds).toBe(3600);
  });
});

describe("GetCallerIdentity and credentials", () => {
  const answered = run({
    accounts: [{ id: A, users: [{ name: "alice" }] }],
    steps: [
      { id: "who", sts: { call: "GetCallerIdentity", as: { user: "alice" } } },
      { id: "token", sts: { call: "GetSessionToken", as: { user: "alice" }, DurationSeconds: 7200 } },
    ],
    questions: [
      { kind: "sts", step: "who", ask: "identity" },
      { kind: "sts", step: "token", ask: "credential" },
      { kind: "sts", step: "token", ask: "duration" },
    ],
  });

  it(`an IAM user's UserId is its AIDA... unique id (${STS}/API_GetCallerIdentity.html, ${IAM}/reference_identifiers.html#identifiers-unique-ids)`, () => {
    const identity = value(answered, 0).identity as Loose;
    expect(identity).toMatchObject({ account: A, arn: `arn:aws:iam::${A}:user/alice` });
    expect(identity.userId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(answered.questions[0]!.options!.filter((o) => o.correct)).toHaveLength(1);
  });

  it(`temporary credentials carry an ASIA key id and expire after DurationSeconds (${STS}/API_GetSessionToken.html)`, () => {
    expect(value(answered, 1).accessKeyId).toMatch(/^ASIA/);
    expect(value(answered, 2).durationSeconds).toBe(7200);
    expect(value(answered, 2).expiration).toBe("2025-01-15T14:00:00Z");
  });
});

describe("request keys AWS sets", () => {
  const denyHttp = {
    Version: V,
    Statement: [
      {
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: "arn:aws:s3:::b/*",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  };
  const fromOffice = {
    ReadFromOffice: {
      Version: V,
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } },
      ],
    },
  };
  const keys = (request: Loose) =>
    run({
      accounts: [
        {
          id: A,
          users: [
            { name: "alice", policies: { ...readReports } },
            { name: "carol", policies: fromOffice },
          ],
        },
      ],
      resources: [{ arn: "arn:aws:s3:::b", account: A, policy: denyHttp }],
      steps: [{ id: "r", request: { action: "s3:GetObject", resource: "arn:aws:s3:::b/k", as: { user: "alice" }, ...request } }],
      questions: [{ kind: "allowed", step: "r" }],
    });

  it(`a Deny on aws:SecureTransport = false applies over HTTP only (${IAM}/reference_policies_condition-keys.html#condition-keys-securetransport)`, () => {
    expect(value(keys({}), 0).allowed).toBe(true);
    expect(value(keys({ transport: "https" }), 0).allowed).toBe(true);
    expect(value(keys({ transport: "http" }), 0).allowed).toBe(false);
  });

  it(`aws:SourceIp is the address the scenario gives (${IAM}/reference_policies_condition-keys.html#condition-keys-sourceip)`, () => {
    expect(value(keys({ as: { user: "carol" }, sourceIp: "203.0.113.7" }), 0).allowed).toBe(true);
    expect(value(keys({ as: { user: "carol" }, sourceIp: "198.51.100.7" }), 0).allowed).toBe(false);
    expect(value(keys({ as: { user: "carol" } }), 0).allowed).toBe(false);
  });
});

describe("AWS guardrails in scenarios", () => {
  it(`even an administrator cannot change an AWS managed policy (${IAM}/access_policies_managed-vs-inline.html#aws-managed-policies)`, () => {
    const answered = run({
      accounts: [
        {
          id: A,
          users: [{ name: "admin", policies: { All: { Version: V, Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } } }],
        },
      ],
      steps: [
        {
          id: "edit",
          request: { as: { user: "admin" }, action: "iam:CreatePolicyVersion", resource: "arn:aws:iam::aws:policy/ReadOnlyAccess" },
        },
      ],
      questions: [{ kind: "allowed", step: "edit" }],
    });
    expect(value(answered, 0)).toMatchObject({ allowed: false, outcome: "AccessDenied" });
    expect(answered.questions[0]!.explanation.join(" ")).toMatch(/AWS's guardrail, not a policy/);
  });
});

describe("learner wording (issue 14)", () => {
  const answered = (timeZone?: string) =>
    run(
      {
        accounts: [
          {
            id: A,
            users: [
              {
                name: "alice",
                policies: { Assume: { Version: V, Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] } },
              },
            ],
            roles: [
              {
                name: "demo",
                trustPolicy: {
                  Version: V,
                  Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "sts:AssumeRole" }],
                },
              },
            ],
          },
        ],
        steps: [
          {
            id: "assume",
            sts: { call: "AssumeRole", as: { user: "alice" }, RoleArn: `arn:aws:iam::${A}:role/demo`, RoleSessionName: "s1" },
          },
          { id: "who", sts: { call: "GetCallerIdentity", as: { session: "assume" } } },
        ],
        questions: [
          { kind: "sts", step: "assume", ask: "duration" },
          { kind: "sts", step: "who", ask: "identity" },
        ],
      },
      timeZone,
    );

  it("names steps by their number and policies in words, never by internal ids or keys", () => {
    const texts = answered().questions.flatMap((q) => [q.prompt, q.answer.text, ...q.explanation, ...(q.options ?? []).map((o) => o.text)]);
    for (const text of texts) {
      expect(text).not.toMatch(/[Ss]tep (assume|who)\b/);
      expect(text).not.toMatch(/trust:arn:/);
    }
    expect(answered().questions[1]!.prompt).toMatch(/step 1/);
  });

  it("shows times in the learner's time zone, while answer values keep ISO UTC", () => {
    const utc = answered().questions[0]!;
    const paris = answered("Europe/Paris").questions[0]!;
    expect(utc.answer.text).toContain("15 Jan 2025, 13:00:00 UTC");
    expect(paris.answer.text).toMatch(/15 Jan 2025, 14:00:00 (CET|GMT\+1)/);
    expect(paris.answer.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect((paris.answer.value as Loose).expiration).toBe("2025-01-15T13:00:00Z");
  });
});

describe("answer texts name the real reason", () => {
  it(`cross-account: the bucket policy allows but the caller's identity policy does not (${IAM}/reference_policies_evaluation-logic-cross-account.html)`, () => {
    const answered = run({
      accounts: [{ id: A, users: [{ name: "alice" }] }, { id: B }],
      resources: [
        {
          arn: "arn:aws:s3:::shared",
          account: B,
          policy: {
            Version: V,
            Statement: [
              {
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${A}:user/alice` },
                Action: "s3:GetObject",
                Resource: "arn:aws:s3:::shared/*",
              },
            ],
          },
        },
      ],
      steps: [{ id: "read", request: { as: { user: "alice" }, action: "s3:GetObject", resource: "arn:aws:s3:::shared/k" } }],
      questions: [{ kind: "decidingPolicy", step: "read" }],
    });
    const q = answered.questions[0]!;
    expect(q.answer.value).toMatchObject({ outcome: "implicitDeny", how: "gate", categories: ["identity"] });
    expect(q.answer.text).toMatch(/resource policy in account 444455556666 allows it, but this is a cross-account request/);
  });

  it(`PassRole of another account's role is refused because roles pass only within their account (${IAM}/id_roles_use_passrole.html)`, () => {
    const admin = { All: { Version: V, Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } };
    const answered = run({
      accounts: [
        { id: A, users: [{ name: "admin", policies: admin }] },
        {
          id: B,
          roles: [
            {
              name: "app",
              trustPolicy: {
                Version: V,
                Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
              },
            },
          ],
        },
      ],
      steps: [{ id: "pass", request: { as: { user: "admin" }, action: "iam:PassRole", resource: `arn:aws:iam::${B}:role/app` } }],
      questions: [{ kind: "allowed", step: "pass" }],
    });
    expect(value(answered, 0).allowed).toBe(false);
    expect(answered.questions[0]!.answer.text + answered.questions[0]!.explanation.join(" ")).toMatch(
      /can only be passed within its own account/,
    );
    expect(answered.questions[0]!.answer.text).not.toMatch(/resource policy/);
  });

  it(`"the session policy" is named only when one was passed (${STS}/API_GetFederationToken.html)`, () => {
    const readAll = {
      Read: { Version: V, Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "sts:GetFederationToken"], Resource: "*" }] },
    };
    const federated = (policy: Loose | undefined) =>
      run({
        accounts: [{ id: A, users: [{ name: "alice", policies: readAll }] }],
        steps: [
          { id: "fed", sts: { call: "GetFederationToken", as: { user: "alice" }, Name: "bob", ...(policy ? { Policy: policy } : {}) } },
          { id: "read", request: { as: { session: "fed" }, action: "s3:GetObject", resource: "arn:aws:s3:::b/k" } },
        ],
        questions: [{ kind: "decidingPolicy", step: "read" }],
      }).questions[0]!.answer.text;
    expect(federated(undefined)).toMatch(/no session policy was passed/);
    expect(federated({ Version: V, Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "*" }] })).toMatch(
      /the session policy does not allow it/,
    );
  });
});

describe("validation of the new elements", () => {
  it.each([
    { name: "an organization id in the wrong form", doc: { organization: { id: "org-1" } }, path: "organization.id" },
    {
      name: "a management account that is not in the scenario",
      doc: { organization: { managementAccount: B } },
      path: "organization.managementAccount",
    },
    {
      name: "a federated call given a caller",
      doc: {
        steps: [
          {
            sts: {
              call: "AssumeRoleWithWebIdentity",
              as: { user: "x" },
              RoleArn: "r",
              RoleSessionName: "s",
              WebIdentityToken: { sub: "1", aud: "a" },
            },
          },
        ],
      },
      path: "steps[0].sts",
    },
    {
      name: "an unknown transport",
      doc: { steps: [{ request: { as: { anonymous: true }, action: "s3:GetObject", resource: "*", transport: "ftp" } }] },
      path: "steps[0].request.transport",
    },
  ])("rejects $name, naming where", ({ doc, path }) => {
    const source = { title: "t", deck: ["Scenarios"], accounts: [{ id: A }], questions: [{ kind: "summary", policy: "x" }], ...doc };
    expect(() => parseScenario(source)).toThrow(
      expect.objectContaining({ where: expect.objectContaining({ path: expect.stringContaining(path) }) }),
    );
  });
});
