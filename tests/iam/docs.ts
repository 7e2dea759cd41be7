// The AWS documentation pages the table-driven cases come from. Each case cites one of these; the
// rules it checks were read on that page, not guessed.

const IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide";

export const DOCS = {
  denyAllow: `How AWS enforcement code logic evaluates requests to allow or deny access — ${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
  singleAccount: `Policy evaluation for requests within a single account — ${IAM}/reference_policies_evaluation-logic_policy-eval-basics.html`,
  crossAccount: `Cross-account policy evaluation logic — ${IAM}/reference_policies_evaluation-logic-cross-account.html`,
  conditionOperators: `IAM JSON policy elements: Condition operators — ${IAM}/reference_policies_elements_condition_operators.html`,
  multivalued: `Single-valued vs. multivalued context keys (set operators) — ${IAM}/reference_policies_condition-single-vs-multi-valued-context-keys.html`,
  variables: `IAM policy elements: Variables and tags — ${IAM}/reference_policies_variables.html`,
  version: `IAM JSON policy elements: Version — ${IAM}/reference_policies_elements_version.html`,
  principal: `AWS JSON policy elements: Principal — ${IAM}/reference_policies_elements_principal.html`,
  notPrincipal: `AWS JSON policy elements: NotPrincipal — ${IAM}/reference_policies_elements_notprincipal.html`,
  action: `IAM JSON policy elements: Action — ${IAM}/reference_policies_elements_action.html`,
  resource: `IAM JSON policy elements: Resource — ${IAM}/reference_policies_elements_resource.html`,
  boundaries: `Permissions boundaries for IAM entities — ${IAM}/access_policies_boundaries.html`,
  sessionPolicies: `Policies and permissions in IAM: Session policies — ${IAM}/access_policies.html#policies_session`,
  getFederationToken:
    "GetFederationToken (AWS STS API Reference) — https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html",
  getCallerIdentity:
    "GetCallerIdentity (AWS STS API Reference) — https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html",
  conditionKeys: `AWS global condition context keys — ${IAM}/reference_policies_condition-keys.html`,
  kmsKeyPolicies: "Key policies in AWS KMS — https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html",
  scps: "Service control policies (SCPs) — https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html",
  rcps: "Resource control policies (RCPs) — https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html",
  grammar: `Grammar of the IAM JSON policy language — ${IAM}/reference_policies_grammar.html`,
} as const;
