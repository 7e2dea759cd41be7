// Refusals that come from AWS itself, not from any policy a customer writes: AWS managed policies
// cannot be changed, service-linked roles and roles under AWS-reserved paths can only be changed by
// the service that owns them, and aliases under alias/aws/ belong to AWS managed KMS keys. No Allow,
// not even the root user's, gets past these; the evaluator reports them as AWS's guardrail.

export interface Guardrail {
  /** The error AWS returns. */
  code: string;
  /** Why, for a learner. */
  message: string;
  /** The AWS documentation page that states the rule. */
  documentation: string;
}

const MANAGED_POLICY_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies";
const SERVICE_LINKED_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html";
const RESERVED_SSO_DOC = "https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html";
const KMS_ALIAS_DOC = "https://docs.aws.amazon.com/kms/latest/developerguide/alias-about.html";

/** Changes to a policy document or its tags; attaching an AWS managed policy is allowed and common. */
const POLICY_CHANGES = new Set([
  "iam:createpolicyversion",
  "iam:deletepolicy",
  "iam:deletepolicyversion",
  "iam:setdefaultpolicyversion",
  "iam:tagpolicy",
  "iam:untagpolicy",
]);

/**
 * What IAM refuses on a service-linked role ("you cannot edit the permissions or trust policy ... you
 * can edit the description"; deletion goes through DeleteServiceLinkedRole) and on roles IAM Identity
 * Center manages under /aws-reserved/.
 */
const ROLE_CHANGES = new Set([
  "iam:deleterole",
  "iam:updateassumerolepolicy",
  "iam:putrolepolicy",
  "iam:deleterolepolicy",
  "iam:attachrolepolicy",
  "iam:detachrolepolicy",
  "iam:putrolepermissionsboundary",
  "iam:deleterolepermissionsboundary",
  "iam:tagrole",
  "iam:untagrole",
]);

const KMS_ALIAS_CHANGES = new Set(["kms:createalias", "kms:deletealias", "kms:updatealias"]);

const AWS_MANAGED_POLICY = /^arn:aws[\w-]*:iam::aws:policy\//;
const SERVICE_LINKED_ROLE = /^arn:aws[\w-]*:iam::\d{12}:role\/aws-service-role\//;
const RESERVED_ROLE = /^arn:aws[\w-]*:iam::\d{12}:role\/aws-reserved\//;
const AWS_KMS_ALIAS = /^arn:aws[\w-]*:kms:[\w-]*:\d{12}:alias\/aws\//;

/** The guardrail a request runs into, if any (action compared without case, as IAM does). */
export function awsGuardrail(action: string, resource: string): Guardrail | undefined {
  return guardrailOf(action.toLowerCase(), action, resource);
}

/** The same, for the evaluator, which already holds the lower-cased action. */
export function guardrailOf(lower: string, action: string, resource: string): Guardrail | undefined {
  if (POLICY_CHANGES.has(lower) && AWS_MANAGED_POLICY.test(resource)) {
    return {
      code: "AccessDenied",
      message: `${resource} is an AWS managed policy: AWS maintains it and no customer can change or delete it (${action}); copy it into a customer managed policy to change it.`,
      documentation: MANAGED_POLICY_DOC,
    };
  }
  if (ROLE_CHANGES.has(lower) && SERVICE_LINKED_ROLE.test(resource)) {
    return {
      code: "UnmodifiableEntity",
      message: `${resource} is a service-linked role: only the service that owns it may change or delete it (${action}); its description is the one thing a customer can edit.`,
      documentation: SERVICE_LINKED_DOC,
    };
  }
  if (ROLE_CHANGES.has(lower) && RESERVED_ROLE.test(resource)) {
    return {
      code: "UnmodifiableEntity",
      message: `${resource} sits under the AWS-reserved path /aws-reserved/: IAM Identity Center manages it, so it cannot be changed in IAM (${action}).`,
      documentation: RESERVED_SSO_DOC,
    };
  }
  if (KMS_ALIAS_CHANGES.has(lower) && AWS_KMS_ALIAS.test(resource)) {
    return {
      code: "NotAuthorizedException",
      message: `Aliases beginning with alias/aws/ are reserved for AWS managed keys: no customer can create, update or delete them (${action}).`,
      documentation: KMS_ALIAS_DOC,
    };
  }
  return undefined;
}

const PASS_ROLE_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html";

/**
 * "You can only use the PassRole permission to pass an IAM role to a service that shares the same
 * AWS account" (IAM User Guide, id_roles_use_passrole): passing a role of another account is refused
 * whatever the policies say, so the reason is not a missing resource policy.
 */
export function passRoleGuardrail(callerAccount: string | undefined, resource: string): Guardrail | undefined {
  const roleAccount = /^arn:aws[\w-]*:iam::(\d{12}):role\//.exec(resource)?.[1];
  if (callerAccount === undefined || roleAccount === undefined || roleAccount === callerAccount) return undefined;
  return {
    code: "AccessDenied",
    message: `the role ${resource} belongs to account ${roleAccount}, and a role can only be passed within its own account (the caller is in ${callerAccount}): cross-account pass role is not allowed.`,
    documentation: PASS_ROLE_DOC,
  };
}
