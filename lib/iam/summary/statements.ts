// The parts of a policy a summary reads. Parsing and validation are the core parser's job (it
// throws a PolicyError with the JSON path of any problem); this only reshapes its result.

import { isParsedPolicy, parsePolicy, type NamedPolicy, type ParsedPolicy, type ParsedPrincipal, type PolicyInput } from "../index.ts";

export interface SummaryCondition {
  operator: string;
  key: string;
  values: string[];
}

export interface SummaryStatement {
  index: number;
  sid?: string;
  effect: "Allow" | "Deny";
  /** Exactly one of actions / notActions is set. */
  actions?: string[];
  notActions?: string[];
  /** Resource and NotResource; neither is set in a policy attached to its resource (a trust policy). */
  resources?: string[];
  notResources?: string[];
  /** Who a resource-based statement is about, in words; absent for identity-based statements. */
  principals?: string[];
  conditions: SummaryCondition[];
}

function isNamed(input: unknown): input is NamedPolicy {
  return typeof input === "object" && input !== null && "document" in input && typeof (input as NamedPolicy).id === "string";
}

/** Parses any accepted policy form; throws the parser's PolicyError for a malformed one. */
export function parseForSummary(input: PolicyInput): ParsedPolicy {
  if (isParsedPolicy(input)) return input;
  if (isNamed(input)) {
    return isParsedPolicy(input.document) ? input.document : parsePolicy(input.document, { id: input.id });
  }
  return parsePolicy(input);
}

function principalWords(principal: ParsedPrincipal): string[] {
  if (principal.wildcard) return ["anyone (including anonymous callers)"];
  return [
    ...principal.AWS.map((p) => (p === "*" ? "any AWS principal" : p)),
    ...principal.Service.map((s) => `the service ${s}`),
    ...principal.Federated.map((f) => `users federated through ${f}`),
    ...principal.CanonicalUser.map((c) => `canonical user ${c}`),
  ];
}

export function readStatements(policy: ParsedPolicy): SummaryStatement[] {
  return policy.statements.map((s) => {
    const statement: SummaryStatement = { index: s.index, effect: s.effect, conditions: [] };
    if (s.sid) statement.sid = s.sid;
    if (s.action) statement.actions = s.action;
    if (s.notAction) statement.notActions = s.notAction;
    if (s.resource) statement.resources = s.resource;
    if (s.notResource) statement.notResources = s.notResource;
    if (s.principal) statement.principals = principalWords(s.principal);
    if (s.notPrincipal) statement.principals = principalWords(s.notPrincipal).map((p) => `everyone except ${p}`);
    for (const [operator, keys] of Object.entries(s.condition)) {
      for (const [key, values] of Object.entries(keys)) statement.conditions.push({ operator, key, values });
    }
    return statement;
  });
}

/**
 * The service prefixes a summary will need from the catalogue, or undefined when it needs every
 * service ("*" actions, wildcard prefixes, NotAction). Lets Node callers load only what is used.
 */
export function servicesMentioned(input: PolicyInput): string[] | undefined {
  const prefixes = new Set<string>();
  for (const statement of readStatements(parseForSummary(input))) {
    if (statement.notActions) return undefined;
    for (const action of statement.actions ?? []) {
      const prefix = action.split(":")[0] ?? "";
      if (action === "*" || /[*?]/.test(prefix)) return undefined;
      prefixes.add(prefix.toLowerCase());
    }
    // Resource ARNs name services too (for the impossible-ARN check).
    for (const resource of [...(statement.resources ?? []), ...(statement.notResources ?? [])]) {
      const service = resource.split(":")[2];
      if (resource.startsWith("arn:") && service && !/[*?]/.test(service)) prefixes.add(service.toLowerCase());
    }
  }
  return [...prefixes];
}
