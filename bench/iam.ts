// Evaluator throughput on a typical request: five policies, twenty statements in all, with
// conditions, policies parsed once. Compared in the same run with @cloud-copilot/iam-simulate
// (a dev dependency, imported only here and in tests) on the same cases.

import { availableParallelism, cpus } from "node:os";
import { runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import { compileCase, evaluateParsed, type EvaluationInput, type RequestInput } from "../lib/iam/index.ts";

const ACCOUNT = "111122223333";
const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;

const identityA = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "ReadOwnPrefix",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:GetObjectVersion"],
      Resource: "arn:aws:s3:::reports/${aws:username}/*",
    },
    {
      Sid: "ListOwnPrefix",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: "arn:aws:s3:::reports",
      Condition: { StringLike: { "s3:prefix": ["${aws:username}/*"] } },
    },
    { Sid: "Ec2Describe", Effect: "Allow", Action: "ec2:Describe*", Resource: "*" },
    {
      Sid: "DenyOutsideNetwork",
      Effect: "Deny",
      Action: "*",
      Resource: "*",
      Condition: {
        NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24", "2001:db8::/32"] },
        Bool: { "aws:ViaAWSService": "false" },
      },
    },
    {
      Sid: "DynamoTeamTables",
      Effect: "Allow",
      Action: ["dynamodb:GetItem", "dynamodb:Query"],
      Resource: "arn:aws:dynamodb:*:111122223333:table/team-*",
    },
  ],
};
const identityB = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "RequireMfaForWrites",
      Effect: "Deny",
      Action: ["s3:PutObject", "s3:DeleteObject"],
      Resource: "*",
      Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
    },
    {
      Sid: "TaggedProjects",
      Effect: "Allow",
      Action: "s3:*",
      Resource: "arn:aws:s3:::projects/*",
      Condition: { StringEquals: { "aws:PrincipalTag/team": "analytics" } },
    },
    {
      Sid: "KmsDecrypt",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: "arn:aws:kms:us-east-1:111122223333:key/*",
      Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
    },
    {
      Sid: "NotBefore",
      Effect: "Deny",
      Action: "s3:*",
      Resource: "*",
      Condition: { DateLessThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } },
    },
  ],
};
const identityC = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "IamSelf",
      Effect: "Allow",
      Action: ["iam:GetUser", "iam:*AccessKey*"],
      Resource: "arn:aws:iam::111122223333:user/${aws:username}",
    },
    { Sid: "NoIamElse", Effect: "Deny", NotAction: ["iam:GetUser", "iam:*AccessKey*", "iam:List*"], Resource: "arn:aws:iam::*:*" },
    {
      Sid: "Regions",
      Effect: "Deny",
      Action: "ec2:*",
      Resource: "*",
      Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
    },
  ],
};
const boundary = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "Services", Effect: "Allow", Action: ["s3:*", "ec2:*", "dynamodb:*", "kms:*", "iam:*"], Resource: "*" },
    { Sid: "NoOrg", Effect: "Deny", Action: "organizations:*", Resource: "*" },
    { Sid: "SecureOnly", Effect: "Deny", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
  ],
};
const bucketPolicy = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "OrgRead",
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: "s3:GetObject",
      Resource: "arn:aws:s3:::reports/*",
      Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
    },
    {
      Sid: "Auditors",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::444455556666:role/auditor" },
      Action: ["s3:GetObject", "s3:ListBucket"],
      Resource: ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"],
    },
    {
      Sid: "DenyInsecure",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: "arn:aws:s3:::reports/*",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      Sid: "DenyOtherOrgs",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: "arn:aws:s3:::reports/*",
      Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-abc123" } },
    },
    {
      Sid: "Logs",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: "arn:aws:s3:::reports/logs/*",
    },
  ],
};

const request: RequestInput = {
  principal: USER,
  action: "s3:GetObject",
  resource: "arn:aws:s3:::reports/alice/2024/q1.csv",
  resourceAccount: ACCOUNT,
  context: {
    "aws:SourceIp": "192.0.2.10",
    "aws:ViaAWSService": "false",
    "aws:MultiFactorAuthPresent": "true",
    "aws:PrincipalTag/team": "analytics",
    "aws:CurrentTime": "2024-06-01T12:00:00Z",
    "aws:SecureTransport": "true",
    "aws:PrincipalOrgID": "o-abc123",
    "aws:RequestedRegion": "us-east-1",
  },
};

/** The typical case, plus variants that end in each decision, so no single path is measured. */
export function typicalCases(): EvaluationInput[] {
  const base: Omit<EvaluationInput, "request"> = {
    identityPolicies: [identityA, identityB, identityC],
    permissionsBoundary: boundary,
    resourcePolicy: bucketPolicy,
  };
  return [
    { ...base, request },
    { ...base, request: { ...request, action: "s3:PutObject", context: { ...request.context, "aws:MultiFactorAuthPresent": "false" } } },
    { ...base, request: { ...request, action: "dynamodb:Query", resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/team-sales` } },
    { ...base, request: { ...request, action: "sqs:SendMessage", resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs` } },
  ];
}

function toSimulation(c: EvaluationInput): Simulation {
  const r = c.request;
  return {
    request: {
      principal: r.principal,
      action: r.action,
      resource: { resource: r.resource, accountId: r.resourceAccount ?? ACCOUNT },
      contextVariables: r.context ?? {},
    },
    identityPolicies: (c.identityPolicies ?? []).map((policy, i) => ({ name: `identity${i}`, policy })),
    permissionBoundaryPolicies: c.permissionsBoundary ? [{ name: "boundary", policy: c.permissionsBoundary }] : undefined,
    resourcePolicy: c.resourcePolicy,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}

function measure(label: string, fn: () => void, minMs: number): { label: string; perSecond: number } {
  for (let i = 0; i < 2000; i++) fn();
  let iterations = 0;
  let batch = 1000;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < batch; i++) fn();
    iterations += batch;
    elapsed = performance.now() - start;
    if (elapsed < minMs / 10) batch *= 2;
  }
  return { label, perSecond: (iterations / elapsed) * 1000 };
}

async function measureAsync(label: string, fn: () => Promise<void>, minMs: number): Promise<{ label: string; perSecond: number }> {
  for (let i = 0; i < 50; i++) await fn();
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 20; i++) await fn();
    iterations += 20;
    elapsed = performance.now() - start;
  }
  return { label, perSecond: (iterations / elapsed) * 1000 };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

export async function run(): Promise<string> {
  const cases = typicalCases();
  const compiled = cases.map((c) => ({ compiled: compileCase(c), request: c.request }));
  const decisions = compiled.map(({ compiled, request }) => evaluateParsed(compiled, request).decision);
  let k = 0;
  const ours = measure(
    "lib/iam evaluateParsed (policies compiled once)",
    () => {
      const c = compiled[k++ & 3]!;
      evaluateParsed(c.compiled, c.request);
    },
    3000,
  );
  let e = 0;
  const withExplanation = measure(
    "lib/iam evaluateParsed + reading the explanation",
    () => {
      const c = compiled[e++ & 3]!;
      void evaluateParsed(c.compiled, c.request).explanation.length;
    },
    1500,
  );
  const simulations = cases.map(toSimulation);
  let m = 0;
  const theirs = await measureAsync(
    "iam-simulate runSimulation",
    async () => {
      await runSimulation(simulations[m++ & 3]!, {});
    },
    3000,
  );
  const ratio = ours.perSecond / theirs.perSecond;
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const lines = [
    "## Evaluator",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${availableParallelism()} cores (\`nproc\`; one used), Node ${process.version}.`,
    "Case: an IAM user with three identity policies, a permissions boundary and a bucket policy (20 statements,",
    "conditions on IP, Bool, Date, String and variables), four requests cycling through allowed and denied paths",
    `(${decisions.join(", ")}). Policies parsed once; \`npx tsx bench/iam.ts\`.`,
    "",
    "| evaluator | evaluations/second |",
    "| --- | ---: |",
    ...[ours, withExplanation, theirs].map((r) => `| ${r.label} | ${fmt(r.perSecond)} |`),
    "",
    `Throughput ratio vs iam-simulate (\`runSimulation\`, its documented entry point): **${ratio.toFixed(1)}x** (targets: >= 500,000/s and >= 20x).`,
    "",
  ];
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await run());
}
