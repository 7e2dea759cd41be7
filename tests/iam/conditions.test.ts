// Condition operators, set qualifiers, IfExists, missing keys and policy variables, each row naming
// the documentation page it comes from. A condition "holds" when an Allow statement carrying it
// allows the request.

import { describe, expect, it } from "vitest";
import { evaluate, type ContextValue } from "../../lib/iam/index.ts";
import { DOCS } from "./docs.ts";
import { USER } from "./fixtures.ts";

function holds(
  condition: Record<string, Record<string, unknown>>,
  context: Record<string, ContextValue>,
  extra: { version?: string; now?: string } = {},
): boolean {
  const document: Record<string, unknown> = {
    Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: condition }],
  };
  if (extra.version !== "none") document.Version = extra.version ?? "2012-10-17";
  const input = {
    request: { principal: USER, action: "s3:GetObject", resource: "arn:aws:s3:::b/k", context },
    identityPolicies: [document],
  };
  return evaluate(extra.now ? { ...input, now: extra.now } : input).decision === "allowed";
}

interface Row {
  doc: string;
  condition: Record<string, Record<string, unknown>>;
  context: Record<string, ContextValue>;
  expected: boolean;
  now?: string;
}

const C = DOCS.conditionOperators;
const M = DOCS.multivalued;

const rows: [string, Row][] = [
  // String.
  [
    "StringEquals is case-sensitive",
    {
      doc: C,
      condition: { StringEquals: { "aws:PrincipalTag/team": "Blue" } },
      context: { "aws:PrincipalTag/team": "blue" },
      expected: false,
    },
  ],
  [
    "StringEquals with several values ORs them",
    {
      doc: C,
      condition: { StringEquals: { "aws:PrincipalTag/team": ["red", "blue"] } },
      context: { "aws:PrincipalTag/team": "blue" },
      expected: true,
    },
  ],
  [
    "StringEqualsIgnoreCase",
    {
      doc: C,
      condition: { StringEqualsIgnoreCase: { "aws:PrincipalTag/team": "Blue" } },
      context: { "aws:PrincipalTag/team": "BLUE" },
      expected: true,
    },
  ],
  [
    "StringNotEquals is a NOR over the values",
    {
      doc: C,
      condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
      context: { "aws:RequestedRegion": "eu-west-1" },
      expected: false,
    },
  ],
  [
    "StringNotEquals with no value matching",
    {
      doc: C,
      condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
      context: { "aws:RequestedRegion": "ap-south-1" },
      expected: true,
    },
  ],
  [
    "StringNotEqualsIgnoreCase",
    {
      doc: C,
      condition: { StringNotEqualsIgnoreCase: { "aws:RequestedRegion": "US-EAST-1" } },
      context: { "aws:RequestedRegion": "us-east-1" },
      expected: false,
    },
  ],
  [
    "StringLike with * and ?",
    {
      doc: C,
      condition: { StringLike: { "s3:prefix": "home/?lice/*" } },
      context: { "s3:prefix": "home/alice/docs/a.txt" },
      expected: true,
    },
  ],
  [
    "StringLike is case-sensitive",
    { doc: C, condition: { StringLike: { "s3:prefix": "Home/*" } }, context: { "s3:prefix": "home/x" }, expected: false },
  ],
  [
    "StringNotLike",
    { doc: C, condition: { StringNotLike: { "s3:prefix": ["tmp/*", "cache/*"] } }, context: { "s3:prefix": "home/x" }, expected: true },
  ],
  // Missing keys.
  [
    "a missing key fails a positive operator",
    { doc: C, condition: { StringEquals: { "aws:PrincipalTag/team": "blue" } }, context: {}, expected: false },
  ],
  [
    "a missing key satisfies a negated operator (StringNotLike)",
    { doc: C, condition: { StringNotLike: { "aws:PrincipalTag/team": "blue" } }, context: {}, expected: true },
  ],
  [
    "a missing key satisfies ArnNotLike",
    { doc: C, condition: { ArnNotLike: { "aws:SourceArn": "arn:aws:sns:*:*:topic" } }, context: {}, expected: true },
  ],
  [
    "a missing key fails NumericLessThan",
    { doc: C, condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } }, context: {}, expected: false },
  ],
  [
    "...IfExists: a missing key makes the condition true",
    { doc: C, condition: { StringEqualsIfExists: { "ec2:InstanceType": "t3.micro" } }, context: {}, expected: true },
  ],
  [
    "...IfExists: a present key is tested",
    {
      doc: C,
      condition: { StringEqualsIfExists: { "ec2:InstanceType": "t3.micro" } },
      context: { "ec2:InstanceType": "m5.large" },
      expected: false,
    },
  ],
  [
    "BoolIfExists with the key absent",
    { doc: C, condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } }, context: {}, expected: true },
  ],
  ["Null true: the key is absent", { doc: C, condition: { Null: { "aws:TokenIssueTime": "true" } }, context: {}, expected: true }],
  [
    "Null true: the key is present",
    {
      doc: C,
      condition: { Null: { "aws:TokenIssueTime": "true" } },
      context: { "aws:TokenIssueTime": "2024-01-01T00:00:00Z" },
      expected: false,
    },
  ],
  [
    "Null false: the key is present",
    {
      doc: C,
      condition: { Null: { "aws:TokenIssueTime": "false" } },
      context: { "aws:TokenIssueTime": "2024-01-01T00:00:00Z" },
      expected: true,
    },
  ],
  // Numeric.
  ["NumericLessThan", { doc: C, condition: { NumericLessThan: { "s3:max-keys": "10" } }, context: { "s3:max-keys": "9" }, expected: true }],
  [
    "NumericLessThanEquals at the boundary",
    { doc: C, condition: { NumericLessThanEquals: { "s3:max-keys": 10 } }, context: { "s3:max-keys": "10" }, expected: true },
  ],
  [
    "NumericGreaterThan",
    { doc: C, condition: { NumericGreaterThan: { "s3:max-keys": "10" } }, context: { "s3:max-keys": "10" }, expected: false },
  ],
  [
    "NumericGreaterThanEquals with a float",
    {
      doc: C,
      condition: { NumericGreaterThanEquals: { "aws:MultiFactorAuthAge": "1.5" } },
      context: { "aws:MultiFactorAuthAge": "2" },
      expected: true,
    },
  ],
  ["NumericEquals", { doc: C, condition: { NumericEquals: { "s3:max-keys": "10" } }, context: { "s3:max-keys": "10.0" }, expected: true }],
  [
    "NumericNotEquals",
    { doc: C, condition: { NumericNotEquals: { "s3:max-keys": ["10", "20"] } }, context: { "s3:max-keys": "20" }, expected: false },
  ],
  [
    "a non-numeric context value does not match",
    { doc: C, condition: { NumericEquals: { "s3:max-keys": "10" } }, context: { "s3:max-keys": "ten" }, expected: false },
  ],
  // Date.
  [
    "DateLessThan with ISO 8601 against aws:CurrentTime from the context",
    {
      doc: C,
      condition: { DateLessThan: { "aws:CurrentTime": "2025-01-01T00:00:00Z" } },
      context: { "aws:CurrentTime": "2024-12-31T23:59:59Z" },
      expected: true,
    },
  ],
  [
    "DateGreaterThan with epoch seconds",
    {
      doc: C,
      condition: { DateGreaterThan: { "aws:EpochTime": "1700000000" } },
      context: { "aws:EpochTime": "1700000001" },
      expected: true,
    },
  ],
  [
    "DateEquals compares instants across time zones",
    {
      doc: C,
      condition: { DateEquals: { "aws:TokenIssueTime": "2024-05-01T12:00:00+02:00" } },
      context: { "aws:TokenIssueTime": "2024-05-01T10:00:00Z" },
      expected: true,
    },
  ],
  [
    "DateLessThanEquals mixes epoch and ISO",
    {
      doc: C,
      condition: { DateLessThanEquals: { "aws:CurrentTime": "2023-11-14T22:13:20Z" } },
      context: { "aws:CurrentTime": "1700000000" },
      expected: true,
    },
  ],
  [
    "DateNotEquals",
    {
      doc: C,
      condition: { DateNotEquals: { "aws:CurrentTime": "2024-01-01" } },
      context: { "aws:CurrentTime": "2024-01-01T00:00:00Z" },
      expected: false,
    },
  ],
  [
    "DateGreaterThanEquals against the request time given as now",
    {
      doc: C,
      condition: { DateGreaterThanEquals: { "aws:CurrentTime": "2024-06-01T00:00:00Z" } },
      context: {},
      now: "2024-06-01T00:00:00Z",
      expected: true,
    },
  ],
  // Bool, Binary.
  [
    "Bool true",
    { doc: C, condition: { Bool: { "aws:SecureTransport": "true" } }, context: { "aws:SecureTransport": "true" }, expected: true },
  ],
  [
    "Bool compares case-insensitively and takes JSON booleans",
    { doc: C, condition: { Bool: { "aws:SecureTransport": false } }, context: { "aws:SecureTransport": "FALSE" }, expected: true },
  ],
  [
    "BinaryEquals compares base64 values",
    {
      doc: C,
      condition: { BinaryEquals: { "key:Blob": "QmluYXJ5VmFsdWU=" } },
      context: { "key:Blob": "QmluYXJ5VmFsdWU=" },
      expected: true,
    },
  ],
  // IP.
  [
    "IpAddress with an IPv4 CIDR",
    { doc: C, condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, context: { "aws:SourceIp": "203.0.113.77" }, expected: true },
  ],
  [
    "IpAddress outside the IPv4 CIDR",
    { doc: C, condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, context: { "aws:SourceIp": "203.0.114.1" }, expected: false },
  ],
  [
    "IpAddress with an IPv6 CIDR",
    {
      doc: C,
      condition: { IpAddress: { "aws:SourceIp": "2001:DB8:1234:5678::/64" } },
      context: { "aws:SourceIp": "2001:db8:1234:5678:abcd::1" },
      expected: true,
    },
  ],
  [
    "an IPv4 address is not in an IPv6 block",
    { doc: C, condition: { IpAddress: { "aws:SourceIp": "::/0" } }, context: { "aws:SourceIp": "192.0.2.1" }, expected: false },
  ],
  [
    "IpAddress with a bare address",
    { doc: C, condition: { IpAddress: { "aws:SourceIp": "192.0.2.1" } }, context: { "aws:SourceIp": "192.0.2.1" }, expected: true },
  ],
  [
    "NotIpAddress",
    {
      doc: C,
      condition: { NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"] } },
      context: { "aws:SourceIp": "2001:db8::5" },
      expected: false,
    },
  ],
  // ARN.
  [
    "ArnLike compares each ARN part with wildcards",
    {
      doc: C,
      condition: { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:111122223333:alerts-*" } },
      context: { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:alerts-prod" },
      expected: true,
    },
  ],
  [
    "ArnLike: a wildcard does not cross into another ARN part",
    {
      doc: C,
      condition: { ArnLike: { "aws:SourceArn": "arn:aws:sns:us-east-1:*" } },
      context: { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic" },
      expected: false,
    },
  ],
  [
    "ArnEquals behaves like ArnLike",
    {
      doc: C,
      condition: { ArnEquals: { "aws:SourceArn": "arn:aws:s3:::bucket-*" } },
      context: { "aws:SourceArn": "arn:aws:s3:::bucket-logs" },
      expected: true,
    },
  ],
  [
    "ArnNotEquals",
    { doc: C, condition: { ArnNotEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:user/alice" } }, context: {}, expected: false },
  ],
  // Several operators and keys are ANDed.
  [
    "several keys in one operator are ANDed",
    {
      doc: C,
      condition: { StringEquals: { "aws:PrincipalTag/team": "blue", "aws:RequestedRegion": "us-east-1" } },
      context: { "aws:PrincipalTag/team": "blue", "aws:RequestedRegion": "eu-west-1" },
      expected: false,
    },
  ],
  [
    "several operators are ANDed",
    {
      doc: C,
      condition: { StringEquals: { "aws:PrincipalTag/team": "blue" }, Bool: { "aws:SecureTransport": "true" } },
      context: { "aws:PrincipalTag/team": "blue", "aws:SecureTransport": "true" },
      expected: true,
    },
  ],
  [
    "context key names are case-insensitive",
    {
      doc: DOCS.variables,
      condition: { StringEquals: { "AWS:principaltag/TEAM": "blue" } },
      context: { "aws:PrincipalTag/team": "blue" },
      expected: true,
    },
  ],
  // Set qualifiers.
  [
    "ForAllValues: every context value must match",
    {
      doc: M,
      condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "team"] } },
      context: { "aws:TagKeys": ["env", "owner"] },
      expected: false,
    },
  ],
  [
    "ForAllValues: a subset matches",
    {
      doc: M,
      condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "team"] } },
      context: { "aws:TagKeys": ["team"] },
      expected: true,
    },
  ],
  [
    "ForAllValues: a missing key is true",
    { doc: M, condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["env"] } }, context: {}, expected: true },
  ],
  [
    "ForAllValues: an empty set is true",
    { doc: M, condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["env"] } }, context: { "aws:TagKeys": [] }, expected: true },
  ],
  [
    "ForAnyValue: one matching value is enough",
    {
      doc: M,
      condition: { "ForAnyValue:StringEquals": { "aws:TagKeys": ["env"] } },
      context: { "aws:TagKeys": ["owner", "env"] },
      expected: true,
    },
  ],
  [
    "ForAnyValue: a missing key is false",
    { doc: M, condition: { "ForAnyValue:StringEquals": { "aws:TagKeys": ["env"] } }, context: {}, expected: false },
  ],
  [
    "ForAnyValue:StringNotEquals: some value outside the list",
    {
      doc: M,
      condition: { "ForAnyValue:StringNotEquals": { "aws:TagKeys": ["env", "team"] } },
      context: { "aws:TagKeys": ["env", "owner"] },
      expected: true,
    },
  ],
  [
    "ForAllValues:StringNotEquals: no value in the list",
    {
      doc: M,
      condition: { "ForAllValues:StringNotEquals": { "aws:TagKeys": ["secret"] } },
      context: { "aws:TagKeys": ["env", "secret"] },
      expected: false,
    },
  ],
  [
    "ForAnyValue:StringLike",
    {
      doc: M,
      condition: { "ForAnyValue:StringLike": { "aws:TagKeys": ["cost-*"] } },
      context: { "aws:TagKeys": ["env", "cost-center"] },
      expected: true,
    },
  ],
  // Policy variables in conditions.
  [
    "a variable in a string condition",
    {
      doc: DOCS.variables,
      condition: { StringLike: { "s3:prefix": "${aws:username}/*" } },
      context: { "s3:prefix": "alice/x" },
      expected: true,
    },
  ],
  [
    "a variable with a default value",
    {
      doc: DOCS.variables,
      condition: { StringEquals: { "aws:PrincipalTag/project": "${aws:PrincipalTag/default-project, 'none'}" } },
      context: { "aws:PrincipalTag/project": "none" },
      expected: true,
    },
  ],
  [
    "${*} is a literal asterisk, not a wildcard",
    { doc: DOCS.variables, condition: { StringLike: { "s3:prefix": "a${*}b" } }, context: { "s3:prefix": "aXb" }, expected: false },
  ],
  [
    "${*} matches a literal asterisk",
    { doc: DOCS.variables, condition: { StringLike: { "s3:prefix": "a${*}b" } }, context: { "s3:prefix": "a*b" }, expected: true },
  ],
  [
    "${?} and ${$} are literal characters",
    { doc: DOCS.variables, condition: { StringEquals: { "s3:prefix": "${$}{x}${?}" } }, context: { "s3:prefix": "${x}?" }, expected: true },
  ],
  [
    "a variable with no value and no default makes the statement not apply",
    {
      doc: DOCS.variables,
      condition: { StringNotEquals: { "s3:prefix": "${aws:PrincipalTag/none}" } },
      context: { "s3:prefix": "x" },
      expected: false,
    },
  ],
  [
    "aws:username derived for an IAM user",
    { doc: DOCS.variables, condition: { StringEquals: { "aws:username": "alice" } }, context: {}, expected: true },
  ],
];

describe("condition operators (table)", () => {
  it.each(rows)("%s", (_name, row) => {
    expect(row.doc).toMatch(/^[^—]+ — https:\/\/docs\.aws\.amazon\.com\//);
    expect(holds(row.condition, row.context, row.now ? { now: row.now } : {})).toBe(row.expected);
  });
});

describe("policy variables and Version", () => {
  const doc = DOCS.variables;
  const resourceCase = (version: string | undefined, resource: string, principal = USER) => {
    const document: Record<string, unknown> = {
      Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::home/${aws:username}/*" }],
    };
    if (version) document.Version = version;
    return evaluate({ request: { principal, action: "s3:GetObject", resource }, identityPolicies: [document] }).decision;
  };
  it(`substitutes in Resource under 2012-10-17 — ${doc}`, () => {
    expect(resourceCase("2012-10-17", "arn:aws:s3:::home/alice/a.txt")).toBe("allowed");
    expect(resourceCase("2012-10-17", "arn:aws:s3:::home/bob/a.txt")).toBe("implicitDeny");
  });
  it(`treats variables as literal text under 2008-10-17 — ${doc}`, () => {
    expect(resourceCase("2008-10-17", "arn:aws:s3:::home/alice/a.txt")).toBe("implicitDeny");
    expect(resourceCase("2008-10-17", "arn:aws:s3:::home/${aws:username}/a.txt")).toBe("allowed");
  });
  it(`treats variables as literal text without a Version — ${DOCS.version}`, () => {
    expect(resourceCase(undefined, "arn:aws:s3:::home/alice/a.txt")).toBe("implicitDeny");
    expect(holds({ StringEquals: { "s3:prefix": "${aws:username}" } }, { "s3:prefix": "${aws:username}" }, { version: "none" })).toBe(true);
  });
  it(`a missing variable value (aws:username for a role session) makes the statement not apply — ${doc}`, () => {
    const result = evaluate({
      request: { principal: "arn:aws:sts::111122223333:assumed-role/app/s", action: "s3:GetObject", resource: "arn:aws:s3:::home/x/a" },
      identityPolicies: [
        { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", NotResource: "arn:aws:s3:::home/${aws:username}/*" }] },
      ],
    });
    expect(result.decision).toBe("implicitDeny");
    expect(result.missingContextValues).toEqual(["aws:username"]);
  });
});

describe("missingContextValues", () => {
  it(`lists the keys conditions asked for and the request did not give — ${C}`, () => {
    const result = evaluate({
      request: { principal: USER, action: "s3:GetObject", resource: "arn:aws:s3:::b/k", context: { "aws:SecureTransport": "true" } },
      identityPolicies: [
        {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: "s3:*",
              Resource: "*",
              Condition: { Bool: { "aws:SecureTransport": "true" }, IpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
            },
            { Effect: "Deny", Action: "s3:*", Resource: "*", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } },
            { Effect: "Deny", Action: "ec2:*", Resource: "*", Condition: { Bool: { "aws:ViaAWSService": "false" } } },
          ],
        },
      ],
    });
    expect(result.missingContextValues.sort()).toEqual(["aws:MultiFactorAuthPresent", "aws:SourceIp"]);
  });
});
