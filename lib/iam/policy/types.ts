// The normalized shape of a parsed policy: what the evaluator, the STS simulation and the policy
// summary read instead of raw JSON.

export type PolicyVersion = "2012-10-17" | "2008-10-17";

/** A Principal or NotPrincipal element, every form turned into lists. */
export interface ParsedPrincipal {
  /** `"Principal": "*"` (or `{"AWS": "*"}`): everyone, anonymous callers included. */
  wildcard: boolean;
  AWS: string[];
  Service: string[];
  Federated: string[];
  CanonicalUser: string[];
}

export interface ParsedStatement {
  /** Zero-based position in the Statement array (0 when Statement is a single object). */
  index: number;
  /** JSON path of the statement in its policy: `Statement[2]`, or `Statement` for a lone object. */
  path: string;
  sid?: string;
  effect: "Allow" | "Deny";
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  principal?: ParsedPrincipal;
  notPrincipal?: ParsedPrincipal;
  /** Operator -> condition key -> values (numbers and booleans turned into strings). */
  condition: Record<string, Record<string, string[]>>;
}

export interface PolicyWarning {
  code: "unknownAction" | "unknownService" | "duplicateSid" | "literalVariables" | "emptyPolicy";
  message: string;
  path: string;
}

export interface ParsedPolicy {
  /** The name used in matched statements and explanations (the `id` option, else `Id`, else "policy"). */
  id: string;
  /** The policy's own `Id` element, when present. */
  documentId?: string;
  /** The `Version` element; absent means the original policy language (no variables). */
  version?: PolicyVersion;
  /** Whether policy variables are substituted: only under Version 2012-10-17. */
  variablesEnabled: boolean;
  statements: ParsedStatement[];
  warnings: PolicyWarning[];
}

/**
 * Which actions exist, per service: all the parser needs for unknown-action warnings. Optional and
 * injected, so the evaluator stays free of file-system loading and runs in the browser; Node code
 * derives one from the full action catalogue (`knownActionsOf(await loadCatalogue(...))`).
 */
export interface KnownActions {
  /** Lower-case action names of a service ("getobject"), or undefined when the service is unknown. */
  actionsOf(service: string): ReadonlySet<string> | undefined;
}
