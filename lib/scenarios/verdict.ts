// "Which policy decides, and how?" read from the evaluator's trace: the policy types whose
// statements decided (explicit deny, or the grants an allow rests on), or the gate that found no
// allow (an SCP or RCP level, the boundary, the session policy, a trust or key policy that must allow
// on its own). The order follows the evaluation logic in docs/evaluator.md.

import {
  accountOfArn,
  describePrincipal,
  type Decision,
  type EvaluationInput,
  type EvaluationResult,
  type MatchedStatement,
  type PolicyType,
} from "../iam/index.ts";

export type PolicyCategory =
  | "identity"
  | "bucketPolicy"
  | "trustPolicy"
  | "keyPolicy"
  | "resourcePolicy"
  | "scp"
  | "rcp"
  | "permissionsBoundary"
  | "sessionPolicy"
  | "root"
  | "noPermissionNeeded"
  | "none";

export interface Verdict {
  decision: Decision;
  /** allow: statements granted it; deny: a Deny matched; gate: a policy type that must allow did not; noAllow: nothing allows. */
  how: "allow" | "deny" | "gate" | "noAllow";
  categories: PolicyCategory[];
  /** The statements that decided: the Denies, or the grants (identity and resource allows). */
  statements: MatchedStatement[];
  text: string;
}

export const CATEGORY_WORDS: Record<PolicyCategory, string> = {
  identity: "an identity-based policy",
  bucketPolicy: "the bucket policy",
  trustPolicy: "the role's trust policy",
  keyPolicy: "the KMS key policy",
  resourcePolicy: "the resource-based policy",
  scp: "a service control policy (SCP)",
  rcp: "a resource control policy (RCP)",
  permissionsBoundary: "the permissions boundary",
  sessionPolicy: "the session policy",
  root: "the root user's own access",
  noPermissionNeeded: "no policy (none is needed)",
  none: "no policy",
};

/** The kind of resource-based policy a case carries, from its id and the resource. */
export function resourceCategory(input: EvaluationInput | undefined): PolicyCategory {
  const policy = input?.resourcePolicy;
  const id = typeof policy === "object" && policy !== null && "id" in policy ? String(policy.id) : "";
  const resource = input?.request.resource ?? "";
  if (id.startsWith("trust")) return "trustPolicy";
  if (resource.startsWith("arn:aws:s3:")) return "bucketPolicy";
  if (resource.startsWith("arn:aws:kms:")) return "keyPolicy";
  return "resourcePolicy";
}

export function categoryOf(type: PolicyType, input: EvaluationInput | undefined): PolicyCategory {
  switch (type) {
    case "identity":
      return "identity";
    case "resource":
      return resourceCategory(input);
    case "permissionsBoundary":
      return "permissionsBoundary";
    case "session":
      return "sessionPolicy";
    case "scp":
      return "scp";
    case "rcp":
      return "rcp";
  }
}

const unique = <T>(list: T[]): T[] => [...new Set(list)];

export function verdictText(decision: Decision, how: Verdict["how"], categories: PolicyCategory[]): string {
  const words = categories.map((c) => CATEGORY_WORDS[c]);
  const joined = words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)} together` : (words[0] ?? "no policy");
  if (decision === "allowed") {
    if (categories[0] === "noPermissionNeeded") return "Allowed: no permission is needed for this action";
    if (categories[0] === "root") return "Allowed: the root user has full access in its own account";
    return `Allowed by ${joined}`;
  }
  if (how === "deny") return `Explicitly denied by ${joined}`;
  if (how === "gate") return `Implicitly denied: ${words[0]} does not allow it`;
  return "Implicitly denied: no policy allows it";
}

const isAccountIdentity = (principal: string) => {
  const kind = describePrincipal(principal)?.kind;
  return kind === "user" || kind === "role" || kind === "assumed-role" || kind === "federated-user" || kind === "root";
};

export function verdictOf(evaluation: EvaluationResult, input: EvaluationInput | undefined): Verdict {
  const { decision, matchedStatements, details } = evaluation;
  const make = (how: Verdict["how"], categories: PolicyCategory[], statements: MatchedStatement[]): Verdict => ({
    decision,
    how,
    categories,
    statements,
    text: verdictText(decision, how, categories),
  });

  if (decision === "explicitDeny") {
    const denies = matchedStatements.filter((m) => m.effect === "Deny");
    return make("deny", unique(denies.map((m) => categoryOf(m.policyType, input))), denies);
  }
  if (decision === "allowed") {
    const grants = matchedStatements.filter((m) => m.policyType === "resource" || m.policyType === "identity");
    if (grants.length > 0) {
      // Resource first: when both appear, both were needed (cross-account, or a trust policy naming the account).
      const categories = unique(grants.map((m) => categoryOf(m.policyType, input))).sort((a, b) =>
        a === "identity" ? 1 : b === "identity" ? -1 : 0,
      );
      // Show the limits that let it through too (session policy, boundary): they are part of why.
      const limits = matchedStatements.filter((m) => m.policyType === "session" || m.policyType === "permissionsBoundary");
      return make("allow", categories, [...grants, ...limits]);
    }
    const principal = input?.request.principal ?? "";
    const root = describePrincipal(principal)?.kind === "root";
    if (root) return make("allow", ["root"], []);
    if (input?.request.action.toLowerCase() === "sts:getcalleridentity" || matchedStatements.length === 0)
      return make("allow", ["noPermissionNeeded"], []);
    return make("allow", unique(matchedStatements.map((m) => categoryOf(m.policyType, input))), matchedStatements);
  }

  // Implicit deny: find the first gate, in the order the evaluation logic checks them.
  const principal = input?.request.principal ?? "";
  const inAccount = isAccountIdentity(principal);
  const allowedBy = (type: PolicyType) => details[type]?.decision === "allowed";
  const notAllowedBy = (type: PolicyType) => details[type] !== undefined && details[type]?.decision !== "allowed";
  if (notAllowedBy("rcp")) return make("gate", ["rcp"], []);
  if (inAccount && notAllowedBy("scp")) return make("gate", ["scp"], []);
  const kind = resourceCategory(input);
  const resourceAccount = input?.request.resourceAccount ?? accountOfArn(input?.request.resource ?? "");
  const callerAccount = describePrincipal(principal)?.account;
  const crossAccount = resourceAccount !== undefined && callerAccount !== undefined && resourceAccount !== callerAccount;
  if ((kind === "trustPolicy" || kind === "keyPolicy" || crossAccount) && input?.resourcePolicy !== undefined && !allowedBy("resource")) {
    return make("gate", [kind], []);
  }
  // Cross-account: the resource policy allowed, but the caller's own account did not (Cross-account
  // policy evaluation logic: both sides must allow).
  if (crossAccount && allowedBy("resource") && inAccount && !allowedBy("identity")) {
    return {
      ...make("gate", ["identity"], []),
      text: `Implicitly denied: the resource policy in account ${resourceAccount} allows it, but this is a cross-account request, so the caller's own identity-based policies in account ${callerAccount} must allow it too, and they do not`,
    };
  }
  const granted = allowedBy("identity") || allowedBy("resource");
  if (granted && notAllowedBy("permissionsBoundary")) return make("gate", ["permissionsBoundary"], []);
  if (granted && notAllowedBy("session")) return make("gate", ["sessionPolicy"], []);
  if (describePrincipal(principal)?.kind === "federated-user" && details.session === undefined && allowedBy("identity")) {
    // No session policy was passed: the federated user has no permissions of its own (GetFederationToken).
    return {
      ...make("gate", ["sessionPolicy"], []),
      text: "Implicitly denied: no session policy was passed to GetFederationToken, and a federated user without one has no permissions (only a resource policy naming it could allow)",
    };
  }
  return make("noAllow", ["none"], []);
}
