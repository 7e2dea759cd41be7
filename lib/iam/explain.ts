// The plain-English account of a decision: the steps of the documented evaluation logic, in order,
// saying what each found. Rendered only when a caller reads `explanation`.

import type { Guardrail } from "./guardrails.ts";
import type { CompiledCase, Scan } from "./decide.ts";
import type { PrincipalDescription } from "./principal.ts";
import type { Decision, MatchedStatement, PolicyType, RequestInput, ResourcePolicyKind } from "./types.ts";

export type Reason =
  | "noPermissionNeeded"
  | "awsGuardrail"
  | "explicitDeny"
  | "rcpLevel"
  | "scpLevel"
  | "resourceOnly"
  | "crossAccount"
  | "crossAccountNoResource"
  | "resourceDirect"
  | "resourceRole"
  | "resourceIssuer"
  | "resourceAccount"
  | "resourcePolicyRequired"
  | "rootOwnAccount"
  | "identity"
  | "noAllow"
  | "boundary"
  | "session"
  | "federatedNoSession";

export interface Facts {
  request: RequestInput;
  principal: PrincipalDescription;
  compiled: CompiledCase;
  kind: ResourcePolicyKind;
  resourceAccount: string | undefined;
  sameAccount: boolean;
  reason: Reason;
  /** Set when AWS's own guardrail refused the request. */
  guardrail?: Guardrail | undefined;
  failedLevel: number | undefined;
  /** Policy types the case supplied that do not apply to this caller. */
  ignored: PolicyType[];
  identity: Scan | undefined;
  boundary: Scan | undefined;
  session: Scan | undefined;
  resource: Scan | undefined;
  scps: Scan[] | undefined;
  rcps: Scan[] | undefined;
  missing: string[] | undefined;
  decision: Decision | undefined;
  denies: MatchedStatement[] | undefined;
}

const TYPE_NAMES: Record<PolicyType, string> = {
  identity: "identity-based policy",
  resource: "resource-based policy",
  permissionsBoundary: "permissions boundary",
  session: "session policy",
  scp: "service control policy",
  rcp: "resource control policy",
};

function statementName(m: MatchedStatement): string {
  const sid = m.sid ? ` "${m.sid}"` : "";
  return `statement ${m.statementIndex}${sid} of ${TYPE_NAMES[m.policyType]} "${m.policyId}"`;
}

function list(ms: readonly MatchedStatement[]): string {
  const names = ms.map(statementName);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function describeCaller(p: PrincipalDescription): string {
  switch (p.kind) {
    case "user":
      return `the IAM user "${p.name}" in account ${p.account}`;
    case "role":
      return `a session of the IAM role "${p.name}" in account ${p.account}`;
    case "assumed-role":
      return `the session "${p.sessionName}" of the IAM role "${p.roleName}" in account ${p.account}`;
    case "federated-user":
      return `the federated user "${p.name}" (a GetFederationToken session) in account ${p.account}`;
    case "root":
      return `the root user of account ${p.account}`;
    case "service":
      return `the AWS service ${p.name}`;
    case "identity-provider":
      return `a user of the identity provider ${p.name}`;
    case "canonical-user":
      return `the canonical user ${p.name}`;
    case "anonymous":
      return "an anonymous (unsigned) caller";
  }
}

const MATCH_WORDS = {
  wildcard: 'names every principal ("*")',
  direct: "names the caller's own ARN",
  role: "names the role behind the caller's session",
  issuer: "names the IAM user who created the federated session",
  account: "names the caller's account",
  none: "does not name the caller",
} as const;

export function explain(f: Facts): string[] {
  const steps: string[] = [];
  const r = f.request;
  steps.push(`Request: ${describeCaller(f.principal)} asks for ${r.action} on ${r.resource}.`);
  if (f.reason === "awsGuardrail" && f.guardrail) {
    steps.push(`AWS's guardrail, not a policy: ${f.guardrail.message}`);
    steps.push(`Decision: refused by AWS (${f.guardrail.code}) whatever the policies say; see ${f.guardrail.documentation}.`);
    return steps;
  }
  if (f.reason === "noPermissionNeeded") {
    steps.push("sts:GetCallerIdentity needs no permission: AWS answers it even when a policy denies it explicitly.");
    steps.push("Decision: allowed.");
    return steps;
  }
  if (f.principal.account !== undefined) {
    const given = r.resourceAccount !== undefined;
    const where = f.sameAccount
      ? "the caller's own account, so the same-account rules apply"
      : `account ${f.resourceAccount}, a different account, so the cross-account rules apply: the resource policy and the caller's own policies must both allow`;
    const basis = given
      ? ""
      : f.sameAccount && f.resourceAccount === f.principal.account
        ? " (the resource ARN names no other account)"
        : "";
    steps.push(`The resource is in ${where}${basis}.`);
  }
  for (const type of f.ignored) {
    steps.push(`The ${TYPE_NAMES[type]} supplied does not apply to ${describeCaller(f.principal)}, so it was not evaluated.`);
  }
  if (f.kind === "roleTrust") steps.push("The resource policy is a role trust policy: it must allow the request itself.");
  if (f.kind === "kmsKey") steps.push("The resource policy is a KMS key policy: it must allow the request itself.");

  // Step 1: explicit deny.
  if (f.reason === "explicitDeny") {
    steps.push(`Explicit deny: ${list(f.denies ?? [])} denies this request. An explicit deny in any policy overrides every allow.`);
    steps.push("Decision: explicitly denied.");
    return steps;
  }
  steps.push("Explicit deny: no Deny statement in any policy applies to this request.");

  // Steps 2 and 3: organization policies, level by level from the root.
  for (const [type, scans] of [
    ["rcp", f.rcps],
    ["scp", f.scps],
  ] as const) {
    if (!scans) continue;
    const name = type === "rcp" ? "Resource control policies (RCPs)" : "Service control policies (SCPs)";
    const failed = (type === "rcp" && f.reason === "rcpLevel") || (type === "scp" && f.reason === "scpLevel") ? f.failedLevel : undefined;
    if (failed !== undefined) {
      steps.push(
        `${name}: level ${failed + 1} of ${scans.length} (counting from the organization root) has no Allow statement that applies. Every level must allow, so the request is implicitly denied.`,
      );
      steps.push("Decision: implicitly denied.");
      return steps;
    }
    steps.push(
      `${name}: each of the ${scans.length} level(s) from the root down has an Allow that applies (${list(scans.map((s) => s.allows[0]!))}).`,
    );
  }

  const resource = f.resource;
  if (resource) {
    steps.push(
      resource.allows.length > 0
        ? `Resource-based policy: ${list(resource.allows)} allows; it ${MATCH_WORDS[resource.best]}.`
        : "Resource-based policy: no Allow statement applies to this caller and request.",
    );
  } else if (f.kind !== "standard") {
    steps.push("No resource policy was supplied.");
  }
  if (f.identity) {
    steps.push(
      f.identity.allows.length > 0
        ? `Identity-based policies: ${list(f.identity.allows)} allows.`
        : f.compiled.identity.length > 0
          ? "Identity-based policies: no Allow statement applies, an implicit deny."
          : "Identity-based policies: none are attached, an implicit deny.",
    );
  } else if (f.principal.kind === "root") {
    steps.push("The root user has full access in its own account; identity-based policies cannot be attached to it.");
  }
  if (f.boundary) {
    steps.push(
      f.boundary.allows.length > 0
        ? `Permissions boundary: ${list(f.boundary.allows)} allows, so the boundary does not limit this request.`
        : "Permissions boundary: it does not allow this action, so it caps what identity-based policies (and a resource policy naming the role or user behind a session) can grant.",
    );
  }
  if (f.session) {
    steps.push(
      f.session.allows.length > 0
        ? `Session policy: ${list(f.session.allows)} allows.`
        : "Session policy: it does not allow this action, so the session cannot use it (unless a resource policy names the session itself).",
    );
  } else if (f.principal.kind === "federated-user") {
    steps.push(
      'Session policy: none was passed to GetFederationToken, so the federated user session has no permissions of its own; only a resource policy naming the federated user (or "*") can grant access.',
    );
  }

  const verdicts: Record<Exclude<Reason, "noPermissionNeeded" | "awsGuardrail" | "explicitDeny" | "rcpLevel" | "scpLevel">, string> = {
    resourceOnly: "Decision: allowed, by the resource-based policy alone (this caller has no identity-based policies).",
    crossAccount:
      "Decision: allowed: cross-account access needs both the resource policy and the caller's own policies to allow, and both do.",
    crossAccountNoResource:
      "Decision: implicitly denied: for cross-account access the resource policy in the resource's account must allow the caller, and it does not.",
    resourceDirect:
      'Decision: allowed: within one account, a resource policy that names the caller itself (or "*") grants access even where identity-based policies, a permissions boundary or a session policy are silent.',
    resourceRole:
      "Decision: allowed: the resource policy names the role, which grants access to its sessions as long as the permissions boundary and session policy do not implicitly deny it.",
    resourceIssuer:
      "Decision: allowed: the resource policy names the IAM user behind the federated session, and the permissions boundary and session policy allow it too.",
    resourceAccount: "Decision: allowed: the resource policy delegates to the account's IAM policies, and they allow it.",
    resourcePolicyRequired:
      "Decision: implicitly denied: a role trust policy or KMS key policy must allow the principal itself, and it does not.",
    rootOwnAccount: "Decision: allowed: the root user has full access to its own account's resources unless something denies it.",
    identity: "Decision: allowed by the identity-based policies (within the limits of any permissions boundary and session policy).",
    noAllow: "Decision: implicitly denied: no policy allows this request, and AWS denies by default.",
    boundary:
      "Decision: implicitly denied: the permissions boundary does not allow the action, and a boundary sets the maximum permissions.",
    session:
      "Decision: implicitly denied: the session policy does not allow the action, and a session policy limits what the session can do.",
    federatedNoSession:
      "Decision: implicitly denied: a federated user session without a session policy has no permissions, and no resource policy names it directly.",
  };
  const reason = f.reason as keyof typeof verdicts;
  steps.push(verdicts[reason]);
  if (f.missing && f.missing.length > 0) {
    steps.push(
      `Context keys that conditions asked for but the request did not give: ${f.missing.join(", ")}. A missing key fails a condition unless the operator is negated, ends in IfExists, is Null, or uses ForAllValues.`,
    );
  }
  return steps;
}
