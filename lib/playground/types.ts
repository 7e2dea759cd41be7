// The playground's state: the policies as the learner typed them and the request they ask about.
// Everything here is plain JSON, so the whole state fits in a shareable link.

/** The roles a policy can play in the playground, in the order the editors list them. */
export const POLICY_KINDS = ["identity", "resource", "boundary", "session", "scp"] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** Kinds that may appear more than once (a principal has several identity policies; SCPs stack). */
export const REPEATABLE_KINDS: ReadonlySet<PolicyKind> = new Set(["identity", "scp"]);

export const KIND_LABELS: Record<PolicyKind, string> = {
  identity: "Identity policy",
  resource: "Resource policy",
  boundary: "Permissions boundary",
  session: "Session policy",
  scp: "SCP",
};

export interface PolicyDraft {
  kind: PolicyKind;
  /** The name the explanation uses for this policy; a default is derived when empty. */
  name: string;
  /** The JSON text exactly as typed, errors and all. */
  text: string;
}

export interface ContextRow {
  key: string;
  /** One value, or several separated by commas (a multivalued key such as aws:TagKeys). */
  value: string;
}

export interface RequestDraft {
  principal: string;
  action: string;
  resource: string;
  /** Empty: the evaluator reads the account from the resource ARN, else the caller's. */
  resourceAccount: string;
  context: ContextRow[];
}

export interface PlaygroundState {
  policies: PolicyDraft[];
  request: RequestDraft;
}
