// AWS's own guardrails: requests no policy can allow, because AWS refuses them itself. Each case names
// the AWS page that states the rule; the evaluator must refuse even with an allow-everything policy
// and even for the root user, and say it is AWS's guardrail, not a policy.

import { describe, expect, it } from "vitest";
import { awsGuardrail, evaluate } from "../../lib/iam/index.ts";

const IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
const allowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const admin = "arn:aws:iam::111122223333:user/admin";
const root = "arn:aws:iam::111122223333:root";

const cases: { name: string; action: string; resource: string; code: string | undefined; doc: string }[] = [
  ...[
    "iam:CreatePolicyVersion",
    "iam:DeletePolicy",
    "iam:DeletePolicyVersion",
    "iam:SetDefaultPolicyVersion",
    "iam:TagPolicy",
    "iam:UntagPolicy",
  ].map((action) => ({
    name: `${action} on an AWS managed policy`,
    action,
    resource: "arn:aws:iam::aws:policy/ReadOnlyAccess",
    code: "AccessDenied",
    doc: `${IAM}/access_policies_managed-vs-inline.html#aws-managed-policies`,
  })),
  {
    name: "attaching an AWS managed policy is allowed (that is what they are for)",
    action: "iam:AttachUserPolicy",
    resource: "arn:aws:iam::aws:policy/ReadOnlyAccess",
    code: undefined,
    doc: `${IAM}/access_policies_managed-vs-inline.html#aws-managed-policies`,
  },
  {
    name: "a customer managed policy can be changed",
    action: "iam:CreatePolicyVersion",
    resource: "arn:aws:iam::111122223333:policy/Mine",
    code: undefined,
    doc: `${IAM}/access_policies_managed-vs-inline.html#customer-managed-policies`,
  },
  ...[
    "iam:DeleteRole",
    "iam:PutRolePolicy",
    "iam:AttachRolePolicy",
    "iam:DetachRolePolicy",
    "iam:UpdateAssumeRolePolicy",
    "iam:PutRolePermissionsBoundary",
  ].map((action) => ({
    name: `${action} on a service-linked role`,
    action,
    resource: "arn:aws:iam::111122223333:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
    code: "UnmodifiableEntity",
    doc: `${IAM}/using-service-linked-roles.html`,
  })),
  {
    name: "a service-linked role's description can be edited",
    action: "iam:UpdateRoleDescription",
    resource: "arn:aws:iam::111122223333:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
    code: undefined,
    doc: `${IAM}/using-service-linked-roles.html#edit-service-linked-role`,
  },
  {
    name: "roles IAM Identity Center keeps under /aws-reserved/ cannot be changed in IAM",
    action: "iam:DeleteRole",
    resource: "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef",
    code: "UnmodifiableEntity",
    doc: "https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html",
  },
  ...["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"].map((action) => ({
    name: `${action} on an alias/aws/ alias`,
    action,
    resource: "arn:aws:kms:us-east-1:111122223333:alias/aws/s3",
    code: "NotAuthorizedException",
    doc: "https://docs.aws.amazon.com/kms/latest/developerguide/alias-about.html",
  })),
  {
    name: "a customer alias can be deleted",
    action: "kms:DeleteAlias",
    resource: "arn:aws:kms:us-east-1:111122223333:alias/my-key",
    code: undefined,
    doc: "https://docs.aws.amazon.com/kms/latest/developerguide/alias-about.html",
  },
];

describe("AWS guardrails", () => {
  it.each(cases)("$name ($doc)", ({ action, resource, code }) => {
    expect(awsGuardrail(action, resource)?.code).toBe(code);
    for (const principal of [admin, root]) {
      const result = evaluate({ request: { principal, action, resource }, identityPolicies: [allowAll] });
      if (code === undefined) {
        expect(result.decision).toBe("allowed");
        expect(result.guardrail).toBeUndefined();
      } else {
        expect(result.decision).toBe("explicitDeny");
        expect(result.matchedStatements).toEqual([]);
        expect(result.guardrail?.code).toBe(code);
        expect(result.explanation.join(" ")).toMatch(/AWS's guardrail, not a policy/);
        expect(result.toJSON?.().guardrail?.documentation).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      }
    }
  });

  it("compares the action without case, as IAM does", () => {
    expect(awsGuardrail("IAM:deletepolicy", "arn:aws:iam::aws:policy/AdministratorAccess")?.code).toBe("AccessDenied");
  });
});

describe("PassRole stays within the role's account", () => {
  const doc = `${IAM}/id_roles_use_passrole.html`;
  it.each([
    { name: "a role of the caller's own account can be passed", role: "arn:aws:iam::111122223333:role/app", decision: "allowed" },
    {
      name: "a role of another account cannot, whatever the policies say",
      role: "arn:aws:iam::444455556666:role/app",
      decision: "explicitDeny",
    },
  ])(`$name (${doc})`, ({ role, decision }) => {
    const result = evaluate({ request: { principal: admin, action: "iam:PassRole", resource: role }, identityPolicies: [allowAll] });
    expect(result.decision).toBe(decision);
    if (decision !== "allowed") expect(result.explanation.join(" ")).toMatch(/can only be passed within its own account/);
  });
});
