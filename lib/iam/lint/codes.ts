// Every finding code the linter gives: its kind and the AWS page that explains it. Where IAM Access
// Analyzer's policy validation has a check for the same problem, the code and kind are Access
// Analyzer's and the link is that check's entry in its reference (IAM User Guide, "IAM Access
// Analyzer policy check reference"); the others are ours and link to the IAM page on the element.

import type { FindingKind } from "./types.ts";

const CHECKS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";
const GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
const anchor = (type: string, slug: string) => `${CHECKS}#access-analyzer-reference-policy-checks-${type}-${slug}`;

export interface CodeInfo {
  kind: FindingKind;
  learnMore: string;
  /** Whether the code is Access Analyzer's (else it is IAM Recall's own). */
  accessAnalyzer: boolean;
  /** A short title for docs and lists. */
  title: string;
}

const aa = (kind: FindingKind, type: string, slug: string, title: string): CodeInfo => ({
  kind,
  learnMore: anchor(type, slug),
  accessAnalyzer: true,
  title,
});
const own = (kind: FindingKind, learnMore: string, title: string): CodeInfo => ({ kind, learnMore, accessAnalyzer: false, title });

export const FINDING_CODES = {
  JSON_SYNTAX_ERROR: aa("error", "error", "json-syntax-error", "The text is not valid JSON"),
  INVALID_POLICY_ELEMENT: aa("error", "error", "invalid-policy-element", "An element name IAM does not know"),
  DATA_TYPE_MISMATCH: aa("error", "error", "data-type-mismatch", "An element holds the wrong JSON type"),
  MISSING_STATEMENT: aa("error", "error", "missing-statement", "No Statement element"),
  MISSING_EFFECT: aa("error", "error", "missing-effect", "A statement without Effect"),
  MISSING_ACTION: aa("error", "error", "missing-action", "A statement without Action or NotAction"),
  MISSING_RESOURCE: aa("error", "error", "missing-resource", "A statement without Resource or NotResource where one is required"),
  MISSING_PRINCIPAL: aa("error", "error", "missing-principal", "A resource or trust policy statement without Principal"),
  UNSUPPORTED_PRINCIPAL: aa("error", "error", "unsupported-principal", "Principal in a policy attached to a principal"),
  UNSUPPORTED_ELEMENT_COMBINATION: aa("error", "error", "unsupported-element-combination", "Two elements that cannot be together"),
  INVALID_VERSION: aa("error", "error", "invalid-version", "A Version IAM does not know"),
  INVALID_EFFECT: aa("error", "error", "invalid-effect", "Effect other than Allow or Deny"),
  INVALID_ACTION: aa("error", "error", "invalid-action", "An action that does not exist"),
  INVALID_SERVICE: aa("error", "error", "invalid-service", "A service prefix that does not exist"),
  INVALID_ARN_PREFIX: aa("error", "error", "invalid-arn-prefix", "A resource that is neither * nor an ARN"),
  INVALID_PRINCIPAL_FORMAT: aa("error", "error", "invalid-principal-format", "A principal IAM cannot read"),
  INVALID_CONDITION_OPERATOR: aa("error", "error", "invalid-condition-operator", "A condition operator that does not exist"),
  INVALID_SERVICE_CONDITION_KEY: aa("error", "error", "invalid-service-condition-key", "A condition key the service does not define"),
  VARIABLE_UNSUPPORTED_IN_VERSION: aa("error", "error", "variable-unsupported-in-version", "A policy variable without Version 2012-10-17"),
  // Access Analyzer reports these four as general warnings; IAM Recall's evaluator refuses such a
  // value outright, so here they are errors (the policy cannot be evaluated until they are fixed).
  TYPE_MISMATCH_NUMBER: aa("error", "general-warning", "type-mismatch-number", "A numeric operator with a value that is not a number"),
  TYPE_MISMATCH_DATE: aa("error", "general-warning", "type-mismatch-date", "A date operator with a value that is not a date"),
  TYPE_MISMATCH_BOOLEAN: aa("error", "general-warning", "type-mismatch-boolean", "Bool or Null with a value other than true/false"),
  TYPE_MISMATCH_IP: own(
    "error",
    `${GUIDE}/reference_policies_elements_condition_operators.html#Conditions_IPAddress`,
    "An IP operator with a value that is not an address or CIDR block",
  ),
  TYPE_MISMATCH_ARN: own(
    "warning",
    `${GUIDE}/reference_policies_elements_condition_operators.html#Conditions_ARN`,
    "An ARN operator with a value that is not an ARN",
  ),
  TYPE_MISMATCH: aa("warning", "general-warning", "type-mismatch", "An operator of the wrong type for its condition key"),
  CONDITION_KEY_NOT_SUPPORTED_BY_ACTION: own(
    "warning",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
    "A service condition key none of the statement's actions supports",
  ),
  RESOURCE_TYPE_MISMATCH: own(
    "warning",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
    "A resource ARN the action can never act on",
  ),
  PASS_ROLE_WITH_STAR_IN_RESOURCE: aa("security", "security-warning", "pass-role-with-star-in-resource", "iam:PassRole on every role"),
  ALLOW_WITH_NOT_PRINCIPAL: aa("security", "security-warning", "allow-with-not-principal", "Allow with NotPrincipal"),
  ALLOW_WITH_NOT_ACTION: own("security", `${GUIDE}/reference_policies_elements_notaction.html`, "Allow with NotAction"),
  ALLOW_WITH_NOT_RESOURCE: own("security", `${GUIDE}/reference_policies_elements_notresource.html`, "Allow with NotResource"),
  PUBLIC_PRINCIPAL_WITHOUT_CONDITION: own(
    "security",
    `${GUIDE}/reference_policies_elements_principal.html#principal-anonymous`,
    'Principal "*" allowed without a condition',
  ),
  PRIVILEGE_ESCALATION_WILDCARD: own(
    "security",
    `${GUIDE}/best-practices.html#grant-least-privilege`,
    "A wildcard action that includes a privilege-escalation action",
  ),
  REDUNDANT_STATEMENT: aa("suggestion", "suggestion", "redundant-statement", "A statement another statement already covers"),
  DUPLICATE_SID: own("warning", `${GUIDE}/reference_policies_elements_sid.html`, "The same Sid twice"),
  NO_STATEMENTS: own("warning", `${GUIDE}/reference_policies_elements_statement.html`, "A Statement list with nothing in it"),
} satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;
