// The playground's state evaluated: every editor checked, the request read, and when nothing is
// broken the decision, the statements that decided (with their lines in the editors) and the
// explanation. Runs on every keystroke in the browser, so policies are parsed once per text.

import {
  compileCase,
  describePrincipal,
  evaluateParsed,
  PolicyError,
  type ContextValue,
  type Decision,
  type ParsedPolicy,
  type RequestInput,
} from "../iam/index.ts";
import { memoizedChecker, type PolicyCheck } from "./check-policy.ts";
import type { LineRange } from "./lines.ts";
import { KIND_LABELS, REPEATABLE_KINDS, type ContextRow, type PlaygroundState, type PolicyDraft } from "./types.ts";

export type RequestField = "principal" | "action" | "resource" | "resourceAccount" | "context";

export interface DecidingStatement {
  /** Which editor holds it (index into state.policies). */
  policyIndex: number;
  policyName: string;
  statementIndex: number;
  sid?: string;
  effect: "Allow" | "Deny";
  lines?: LineRange;
}

export interface PlaygroundResult {
  decision: Decision;
  deciding: DecidingStatement[];
  explanation: string[];
  missingContextValues: string[];
}

export interface PlaygroundOutcome {
  /** One per editor, in the state's order. */
  checks: PolicyCheck[];
  /** The name each policy goes by in results. */
  names: string[];
  requestProblems: Partial<Record<RequestField, string>>;
  /** Absent while any policy or the request has a problem. */
  result?: PlaygroundResult;
}

/** Names for the policies: the learner's, else "Identity policy 2", made unique. */
export function policyNames(policies: readonly PolicyDraft[]): string[] {
  const seen = new Map<string, number>();
  const counters = new Map<string, number>();
  return policies.map((p) => {
    let base = p.name.trim();
    if (!base) {
      const n = (counters.get(p.kind) ?? 0) + 1;
      counters.set(p.kind, n);
      base = REPEATABLE_KINDS.has(p.kind) ? `${KIND_LABELS[p.kind]} ${n}` : KIND_LABELS[p.kind];
    }
    const times = (seen.get(base) ?? 0) + 1;
    seen.set(base, times);
    return times === 1 ? base : `${base} (${times})`;
  });
}

/** Context rows as the evaluator reads them: commas separate the values of a multivalued key. */
export function contextOf(rows: readonly ContextRow[]): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (!key) continue;
    const values = row.value
      .split(",")
      .map((v) => v.trim())
      .filter((v, i, all) => v !== "" || all.length === 1);
    const before = context[key];
    const merged = before === undefined ? values : [...(Array.isArray(before) ? before : [before]), ...values];
    context[key] = merged.length === 1 ? merged[0]! : merged;
  }
  return context;
}

export function requestOf(state: PlaygroundState): RequestInput {
  const { principal, action, resource, resourceAccount, context } = state.request;
  const request: RequestInput = { principal: principal.trim(), action: action.trim(), resource: resource.trim() };
  if (resourceAccount.trim()) request.resourceAccount = resourceAccount.trim();
  const ctx = contextOf(context);
  if (Object.keys(ctx).length > 0) request.context = ctx;
  return request;
}

function checkRequest(request: RequestInput): Partial<Record<RequestField, string>> {
  const problems: Partial<Record<RequestField, string>> = {};
  if (!request.principal) problems.principal = 'Enter a principal: an ARN, an account id, a service, or "anonymous".';
  else if (!describePrincipal(request.principal)) {
    problems.principal =
      'This is not a principal AWS knows: use a user, role or session ARN, an account id, a service such as ec2.amazonaws.com, or "anonymous".';
  }
  if (request.resourceAccount !== undefined && !/^\d{12}$/.test(request.resourceAccount)) {
    problems.resourceAccount = "An account id is twelve digits.";
  }
  return problems;
}

const FIELD_OF_PATH: Record<string, RequestField> = {
  "request.action": "action",
  "request.resource": "resource",
  "request.principal": "principal",
  "request.context": "context",
  "request.resourceAccount": "resourceAccount",
};

export type PlaygroundEvaluator = (state: PlaygroundState) => PlaygroundOutcome;

/** An evaluator with its own parse cache; keep one per page. */
export function createEvaluator(): PlaygroundEvaluator {
  const check = memoizedChecker();
  return (state) => {
    const names = policyNames(state.policies);
    const checks = state.policies.map((p, i) => check(p.text, p.kind, names[i]!));
    const request = requestOf(state);
    const requestProblems = checkRequest(request);
    const outcome: PlaygroundOutcome = { checks, names, requestProblems };
    if (checks.some((c) => !c.ok) || Object.keys(requestProblems).length > 0) return outcome;

    const parsed = (kind: PolicyDraft["kind"]): ParsedPolicy[] =>
      state.policies.flatMap((p, i) => {
        const c = checks[i]!;
        return p.kind === kind && c.ok ? [c.parsed] : [];
      });
    const identity = parsed("identity");
    const [resource] = parsed("resource");
    const [boundary] = parsed("boundary");
    const [session] = parsed("session");
    const scps = parsed("scp");
    try {
      const compiled = compileCase({
        identityPolicies: identity,
        ...(resource ? { resourcePolicy: resource } : {}),
        ...(boundary ? { permissionsBoundary: boundary } : {}),
        ...(session ? { sessionPolicy: session } : {}),
        // The playground's SCPs all sit at one level: the account's.
        ...(scps.length > 0 ? { scps: [scps] } : {}),
      });
      const result = evaluateParsed(compiled, request);
      const index = new Map(names.map((n, i) => [n, i]));
      const deciding: DecidingStatement[] = [];
      for (const m of result.matchedStatements) {
        const policyIndex = index.get(m.policyId);
        if (policyIndex === undefined) continue;
        if (deciding.some((d) => d.policyIndex === policyIndex && d.statementIndex === m.statementIndex)) continue;
        const c = checks[policyIndex]!;
        const statement: DecidingStatement = { policyIndex, policyName: m.policyId, statementIndex: m.statementIndex, effect: m.effect };
        if (m.sid !== undefined) statement.sid = m.sid;
        const lines = c.ok ? c.statementLines[m.statementIndex] : undefined;
        if (lines) statement.lines = lines;
        deciding.push(statement);
      }
      outcome.result = {
        decision: result.decision,
        deciding,
        explanation: result.explanation,
        missingContextValues: result.missingContextValues,
      };
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      const field = FIELD_OF_PATH[error.path.split(/[.[]/).slice(0, 2).join(".")] ?? "principal";
      requestProblems[field] = error.message;
    }
    return outcome;
  };
}
