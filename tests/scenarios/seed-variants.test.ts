// For each seed scenario: change one policy (or one step) and check that the computed answer moves to
// what the AWS documentation predicts. Nothing here states an answer that lib/iam did not compute:
// the test changes the world and asserts the documented consequence.

import { describe, expect, it } from "vitest";
import type { AnswerValue, ScenarioDocument } from "../../lib/scenarios/index.ts";
import { answer, seedDocument } from "./support.ts";

const IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
const STS = "https://docs.aws.amazon.com/STS/latest/APIReference";
const DOC = {
  denyAllow: `How AWS enforcement code logic evaluates requests to allow or deny access — ${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
  singleAccount: `Policy evaluation for requests within a single account — ${IAM}/reference_policies_evaluation-logic_policy-eval-basics.html`,
  crossAccount: `Cross-account policy evaluation logic — ${IAM}/reference_policies_evaluation-logic-cross-account.html`,
  variables: `IAM policy elements: Variables and tags — ${IAM}/reference_policies_variables.html`,
  identifiers: `IAM identifiers (ARNs) — ${IAM}/reference_identifiers.html`,
  passRole: `Grant a user permissions to pass a role to an AWS service — ${IAM}/id_roles_use_passrole.html`,
  roleTrust: `Roles terms and concepts: trust policy — ${IAM}/id_roles.html`,
  mfa: `Configuring MFA-protected API access — ${IAM}/id_credentials_mfa_configure-api-require.html`,
  getSessionToken: `GetSessionToken — ${STS}/API_GetSessionToken.html`,
  assumeRole: `AssumeRole — ${STS}/API_AssumeRole.html`,
  compare: `Compare AWS STS credentials — ${IAM}/id_credentials_sts-comparison.html`,
  getFederationToken: `GetFederationToken — ${STS}/API_GetFederationToken.html`,
  decode: `DecodeAuthorizationMessage — ${STS}/API_DecodeAuthorizationMessage.html`,
  samlKeys: `Available keys for SAML-based federation — ${IAM}/reference_policies_iam-condition-keys.html#condition-keys-saml`,
  webIdentityKeys: `Available keys for AWS web identity federation — ${IAM}/reference_policies_iam-condition-keys.html#condition-keys-wif`,
  policySummary: `Policy summary (list of services) — ${IAM}/access_policies_understand-policy-summary.html`,
};

type Doc = ScenarioDocument & Record<string, unknown>;
// The tests edit seeds structurally; a loose view keeps the edits short.
type Loose = Record<string, any>;

async function valueOf(file: string, question: number, edit?: (doc: Loose) => void): Promise<AnswerValue> {
  const doc = seedDocument(file) as Doc;
  edit?.(doc as Loose);
  const answered = await answer(doc);
  return answered.questions[question]!.answer.value;
}

const role0 = (doc: Loose) => doc.accounts[0].roles[0];
const bucketPolicy = (doc: Loose) => doc.resources[0];
const step = (doc: Loose, id: string) => doc.steps.find((s: Loose) => s.id === id);

interface Case {
  file: string;
  doc: string;
  change: string;
  question: number;
  before: Partial<AnswerValue> | Record<string, unknown>;
  edit: (doc: Loose) => void;
  after: Partial<AnswerValue> | Record<string, unknown>;
}

const DENY_ALL_BUCKET = {
  Version: "2012-10-17",
  Statement: [{ Sid: "DenyWrites", Effect: "Deny", Principal: "*", Action: "s3:PutObject", Resource: "arn:aws:s3:::{{bucket}}/*" }],
};

const cases: Case[] = [
  {
    file: "iam-and-bucket-example-1-role-allows.yaml",
    doc: DOC.denyAllow,
    change: "a bucket policy that denies PutObject to everyone: the explicit deny wins over the role's allow",
    question: 2,
    before: { kind: "decidingPolicy", outcome: "allowed", categories: ["identity"] },
    edit: (d) => void (bucketPolicy(d).policy = DENY_ALL_BUCKET),
    after: { kind: "decidingPolicy", outcome: "explicitDeny", categories: ["bucketPolicy"] },
  },
  {
    file: "iam-and-bucket-example-2-bucket-denies-role.yaml",
    doc: DOC.singleAccount,
    change: "the bucket policy's Deny removed: the role's identity policy alone allows, within one account",
    question: 2,
    before: { outcome: "explicitDeny", categories: ["bucketPolicy"] },
    edit: (d) => void delete bucketPolicy(d).policy,
    after: { outcome: "allowed", categories: ["identity"] },
  },
  {
    file: "iam-and-bucket-example-3-bucket-allows-role.yaml",
    doc: DOC.singleAccount,
    change: "the bucket policy names another role: nothing allows the instance's role any more",
    question: 2,
    before: { outcome: "allowed", categories: ["bucketPolicy"] },
    edit: (d) => void (bucketPolicy(d).policy.Statement[0].Principal = { AWS: "arn:aws:iam::{{account}}:role/SomeOtherRole" }),
    after: { outcome: "implicitDeny", categories: ["none"] },
  },
  {
    file: "iam-and-bucket-example-4-role-denies.yaml",
    doc: DOC.singleAccount,
    change: "the role's Deny removed: the bucket policy naming the role allows on its own in the same account",
    question: 2,
    before: { outcome: "explicitDeny", categories: ["identity"] },
    edit: (d) => void (role0(d).policies = {}),
    after: { outcome: "allowed", categories: ["bucketPolicy"] },
  },
  {
    file: "instance-role-removed-reads-still-work.yaml",
    doc: DOC.denyAllow,
    change: "without the bucket policy's public read, the unsigned read after the detach is denied by default",
    question: 1,
    before: { outcome: "allowed", categories: ["bucketPolicy"] },
    edit: (d) => void delete bucketPolicy(d).policy,
    after: { outcome: "implicitDeny", categories: ["none"] },
  },
  {
    file: "secret-policy-what-does-it-allow.yaml",
    doc: DOC.identifiers,
    change: "the PassRole resource with * in the account field matches the role, so passing it is allowed",
    question: 1,
    before: { kind: "allowed", allowed: false },
    edit: (d) => void (d.accounts[0].users[0].policies.SecretPolicy.Statement[1].Resource = "arn:aws:iam::*:role/RDS-*"),
    after: { kind: "allowed", allowed: true },
  },
  {
    file: "dynamic-home-folders.yaml",
    doc: DOC.variables,
    change: 'under "Version": "2008-10-17" ${aws:username} is literal text, so alice no longer reaches her folder',
    question: 0,
    before: { allowed: true },
    edit: (d) => void (d.accounts[0].groups[0].policies.HomeFolder.Version = "2008-10-17"),
    after: { allowed: false },
  },
  {
    file: "passrole-with-trust.yaml",
    doc: DOC.roleTrust,
    change: "a trust policy that trusts Lambda instead: EC2 can no longer assume the role",
    question: 2,
    before: { outcome: "allowed", categories: ["trustPolicy"] },
    edit: (d) => void (role0(d).trustPolicy.Statement[0].Principal = { Service: "lambda.amazonaws.com" }),
    after: { outcome: "implicitDeny", categories: ["trustPolicy"] },
  },
  {
    file: "mfa-with-get-session-token.yaml",
    doc: DOC.mfa,
    change: "without the MFA condition, long-term keys suffice",
    question: 0,
    before: { allowed: false },
    edit: (d) => void delete d.accounts[0].users[0].policies.RequireMfaForInstances.Statement[0].Condition,
    after: { allowed: true },
  },
  {
    file: "assume-role-same-account.yaml",
    doc: DOC.assumeRole,
    change: "the trust policy names bob directly: in the same account that alone lets him assume the role",
    question: 1,
    before: { kind: "sts", ok: false, errorCode: "AccessDenied" },
    edit: (d) => void (role0(d).trustPolicy.Statement[0].Principal = { AWS: "arn:aws:iam::{{account}}:user/{{other}}" }),
    after: { kind: "sts", ok: true },
  },
  {
    file: "assume-role-cross-account.yaml",
    doc: DOC.crossAccount,
    change: "carol's identity policy removed: across accounts the trust policy alone is not enough",
    question: 0,
    before: { ok: true },
    edit: (d) => void (d.accounts[0].users[0].policies = {}),
    after: { ok: false, errorCode: "AccessDenied" },
  },
  {
    file: "temporary-credential-lifetimes.yaml",
    doc: DOC.assumeRole,
    change: "the role's maximum session duration raised to 2 hours: DurationSeconds 7200 is accepted",
    question: 2,
    before: { ok: false, errorCode: "ValidationError" },
    edit: (d) => void (role0(d).maxSessionDuration = 7200),
    after: { ok: true, durationSeconds: 7200 },
  },
  {
    file: "role-chaining.yaml",
    doc: DOC.assumeRole,
    change: "asking for 3600 seconds when chaining is within the one-hour limit",
    question: 1,
    before: { ok: false, errorCode: "ValidationError" },
    edit: (d) => void (step(d, "chainedLong").sts.DurationSeconds = 3600),
    after: { ok: true, durationSeconds: 3600 },
  },
  {
    file: "federation-token-intersection.yaml",
    doc: DOC.getFederationToken,
    change: "no session policy passed: the federated user has no permissions, even for reads the broker has",
    question: 0,
    before: { allowed: true },
    edit: (d) => void delete step(d, "federate").sts.Policy,
    after: { allowed: false },
  },
  {
    file: "decode-authorization-message.yaml",
    doc: DOC.decode,
    change: "the admin loses sts:DecodeAuthorizationMessage: decoding is refused with AccessDenied",
    question: 1,
    before: {
      ok: true,
      decoded: { allowed: false, explicitDeny: true, statements: [expect.objectContaining({ sid: "NoTerminate", effect: "DENY" })] },
    },
    edit: (d) => void (d.accounts[0].users[1].policies = {}),
    after: { ok: false, errorCode: "AccessDenied" },
  },
  {
    file: "assume-role-with-saml.yaml",
    doc: DOC.samlKeys,
    change: "the trust policy expects another SAML:aud: the sign-in assertion no longer matches, AccessDenied",
    question: 0,
    before: { ok: true, principalArn: "arn:aws:sts::111122223333:assumed-role/SamlReadOnly/jdoe" },
    edit: (d) => void (role0(d).trustPolicy.Statement[0].Condition.StringEquals["SAML:aud"] = "https://wiki.example.com/saml/acs"),
    after: { ok: false, errorCode: "AccessDenied" },
  },
  {
    file: "assume-role-with-web-identity.yaml",
    doc: DOC.webIdentityKeys,
    change: "the trust policy names another client id: the app's Google token is refused",
    question: 0,
    before: { ok: true },
    edit: (d) =>
      void (role0(d).trustPolicy.Statement[0].Condition.StringEquals["accounts.google.com:aud"] = "other-app.apps.googleusercontent.com"),
    after: { ok: false, errorCode: "AccessDenied" },
  },
  {
    file: "what-is-wrong-with-this-policy.yaml",
    doc: DOC.passRole,
    change: "PassRole names the app roles instead of *: the linter's security warning goes, the covered statement stays redundant",
    question: 0,
    before: { kind: "findings", findings: [{ code: "PASS_ROLE_WITH_STAR_IN_RESOURCE" }, { code: "REDUNDANT_STATEMENT" }] },
    edit: (d) => {
      const statements = d.accounts[0].users[0].policies.Deploy.Statement;
      statements[0].Action = "ec2:RunInstances";
      statements.push({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/app-*" });
    },
    after: { kind: "findings", findings: [{ code: "REDUNDANT_STATEMENT" }] },
  },
];

describe("changing one policy or step changes the answer as the documentation says", () => {
  it("has a case for every seed scenario", async () => {
    const { seedFiles } = await import("./support.ts");
    expect(new Set(cases.map((c) => c.file))).toEqual(new Set(seedFiles()));
  });

  it.each(cases)("$file: $change ($doc)", async ({ file, question, before, edit, after }) => {
    expect(await valueOf(file, question)).toMatchObject(before);
    expect(await valueOf(file, question, edit)).toMatchObject(after);
  });
});

describe(`the Secret Policy summary (${DOC.policySummary}; ${DOC.identifiers})`, () => {
  it("says EC2 and PassRole on RDS-* roles, and warns about the empty account field; fixed, the warning goes", async () => {
    const written = await valueOf("secret-policy-what-does-it-allow.yaml", 0);
    expect(written).toMatchObject({ kind: "summary" });
    const summary = written as Extract<AnswerValue, { kind: "summary" }>;
    expect(summary.sentences.join(" ")).toMatch(/Amazon EC2 actions.*passing a role.*"RDS-"/s);
    expect(summary.warnings.join(" ")).toMatch(/account field is empty/);
    const fixed = await valueOf("secret-policy-what-does-it-allow.yaml", 0, (d) => {
      d.accounts[0].users[0].policies.SecretPolicy.Statement[1].Resource = "arn:aws:iam::*:role/RDS-*";
    });
    expect((fixed as typeof summary).warnings).toEqual([]);
  });
});
