// The public data shapes of the evaluator. Shared by the evaluator core (policy parsing, matching,
// conditions, decision logic), the STS simulation and the policy summary, so each can be built
// against the same contract. Shapes follow the request format documented in docs/evaluator.md.

import type { ParsedPolicy } from "./policy/types.ts";

/** A policy document as a learner writes it: JSON text or an already parsed object. */
export type PolicySource = string | Record<string, unknown>;

/** A policy handed to the evaluator, with a name used in matched statements and explanations. */
export interface NamedPolicy {
  /** Identifies the policy in results: a managed policy ARN, "inline:alice/S3Home", "bucket:my_bucket"... */
  id: string;
  document: PolicySource;
}

/** Raw or named policies, or policies already parsed by `parsePolicy` (parsed once, evaluated often). */
export type PolicyInput = PolicySource | NamedPolicy | ParsedPolicy;

export type ContextValue = string | string[];

export interface RequestInput {
  /** An ARN (user, role, assumed-role session, federated user, root, service) or "anonymous". */
  principal: string;
  action: string;
  resource: string;
  /** The account that owns the resource; derived from the resource ARN when it carries one. */
  resourceAccount?: string;
  context?: Record<string, ContextValue>;
  /**
   * The unique id of the IAM user (AIDA...) or role (AROA...) behind the principal; used to derive
   * `aws:userid` (for a role session "<role id>:<session name>"). Without it aws:userid is not present.
   */
  principalId?: string;
  /**
   * The identity a session was issued to: for an assumed-role session the role ARN (with its path,
   * which the session ARN does not show), for a federated user the IAM user who called
   * GetFederationToken. A resource policy naming this ARN grants through the issuer, which
   * permissions boundaries and session policies still limit.
   */
  sessionIssuer?: string;
  /** Whether the user or role has a permissions boundary; implied when one is supplied. */
  hasPermissionsBoundary?: boolean;
}

/** One evaluation case, exactly the JSON that `npm run cli -- eval` reads. */
export interface EvaluationInput {
  request: RequestInput;
  identityPolicies?: PolicyInput[];
  resourcePolicy?: PolicyInput;
  permissionsBoundary?: PolicyInput;
  sessionPolicy?: PolicyInput;
  /** Service control policies, one array per level of the organization, root first. */
  scps?: PolicyInput[][];
  /** Resource control policies, one array per level, root first. */
  rcps?: PolicyInput[][];
  /** Which rules the resource policy follows; detected from the action and resource when absent. */
  resourcePolicyKind?: ResourcePolicyKind;
  /** The time of the request (ISO 8601 or epoch seconds), for aws:CurrentTime / aws:EpochTime. */
  now?: string | number;
}

export type Decision = "allowed" | "explicitDeny" | "implicitDeny";

export type PolicyType = "identity" | "resource" | "permissionsBoundary" | "session" | "scp" | "rcp";

export interface MatchedStatement {
  policyType: PolicyType;
  policyId: string;
  /** Zero-based index in the policy's Statement array (0 when Statement is a single object). */
  statementIndex: number;
  sid?: string;
  effect: "Allow" | "Deny";
}

export interface EvaluationResult {
  decision: Decision;
  matchedStatements: MatchedStatement[];
  /** Context keys that conditions asked for and the request did not give. */
  missingContextValues: string[];
  /** Plain-English steps, in the order the documented evaluation logic takes them. */
  explanation: string[];
  /** Per-policy-type detail; present for the types the case supplied. */
  details: Partial<Record<PolicyType, { decision: Decision; matchedStatements: MatchedStatement[] }>>;
  /** Set when AWS itself refused the request (an AWS managed policy, a service-linked role...), not a policy. */
  guardrail?: { code: string; message: string; documentation: string };
  /**
   * A plain copy with every field filled in. Results from `evaluate` compute `explanation` and
   * `details` on first read, so object spread would leave them out; copy with this instead.
   */
  toJSON?(): EvaluationResult;
}

// ---------------------------------------------------------------------------------------------
// Additions by the evaluator core. Everything above is the original contract and stays as is.
// ---------------------------------------------------------------------------------------------

/** How the resource policy takes part in the decision; see docs/evaluator.md. */
export type ResourcePolicyKind = "standard" | "roleTrust" | "kmsKey";
