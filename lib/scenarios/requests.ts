// One request, evaluated as the world stands: who signs it, which policies bound them, and the full
// trace (decision, matched statements, per-type details, explanation) even when it is denied.
//
// Callers with credentials go through the STS simulation's simulateRequest, which builds the
// evaluation case (identity policies, boundary, session policy, SCPs, RCPs, credential context keys)
// and applies the restrictions temporary credentials carry. simulateRequest returns that case only
// when the request is allowed, so the case is taken from a GetCallerIdentity probe (always allowed,
// and built the same way) and re-evaluated for the real action: a denied request keeps its trace.

import { evaluate, type ContextValue, type EvaluationInput, type EvaluationResult } from "../iam/index.ts";
import { getCallerIdentity, simulateRequest, type Session } from "../iam/sts/index.ts";
import { resolveCaller } from "./callers.ts";
import { resourceFacts } from "./resources.ts";
import type { CallerSpec } from "./schema.ts";
import { toAccountModel, type World } from "./world.ts";

export interface RequestSpecLike {
  action: string;
  resource: string;
  resourceAccount?: string | undefined;
  context?: Record<string, ContextValue> | undefined;
  /** https (the default) or http: aws:SecureTransport. */
  transport?: "https" | "http" | undefined;
  /** The caller's address: aws:SourceIp. */
  sourceIp?: string | undefined;
}

/**
 * Keys AWS sets from how the request was sent (IAM User Guide, "AWS global condition context keys"):
 * aws:SecureTransport is "true" over TLS and "false" over plain HTTP; aws:SourceIp is the caller's
 * address when the scenario gives one. A key the author wrote in `context` is kept as written.
 */
export function transportContext(request: Pick<RequestSpecLike, "transport" | "sourceIp" | "context">): Record<string, ContextValue> {
  const keys: Record<string, ContextValue> = { "aws:SecureTransport": request.transport === "http" ? "false" : "true" };
  if (request.sourceIp !== undefined) keys["aws:SourceIp"] = request.sourceIp;
  const given = new Set(Object.keys(request.context ?? {}).map((k) => k.toLowerCase()));
  for (const key of Object.keys(keys)) if (given.has(key.toLowerCase())) delete keys[key];
  return { ...keys, ...request.context };
}

export interface RequestOutcome {
  /** The principal AWS sees: an ARN, a service, or "anonymous". */
  principal: string;
  action: string;
  resource: string;
  /** The evaluator's answer; absent when the request was refused before any policy was read. */
  evaluation?: EvaluationResult;
  /** The exact evaluation case, replayable with `npm run cli -- eval`. */
  input?: EvaluationInput;
  /** A refusal that is not a policy decision: expired token, a credential restriction, no such caller. */
  error?: { code: string; message: string };
  /** The encoded authorization message a denied signed request carries. */
  encodedMessage?: string;
  /** How the caller was resolved, in words, ahead of the evaluator's own steps. */
  notes: string[];
}

/** A plain copy: the evaluator's explanation and details are getters that spread would lose. */
export function plainResult(result: EvaluationResult): EvaluationResult {
  if (result.guardrail) return result.toJSON?.() ?? result;
  return {
    decision: result.decision,
    matchedStatements: result.matchedStatements,
    missingContextValues: result.missingContextValues,
    explanation: result.explanation,
    details: result.details,
  };
}

export function isAllowed(outcome: RequestOutcome): boolean {
  return outcome.error === undefined && outcome.evaluation?.decision === "allowed";
}

/** allowed | explicitDeny | implicitDeny, or the error code of a refusal made before evaluation. */
export function outcomeWord(outcome: RequestOutcome): string {
  return outcome.error ? outcome.error.code : (outcome.evaluation?.decision ?? "implicitDeny");
}

export function evaluateRequest(
  world: World,
  sessions: ReadonlyMap<string, Session>,
  as: CallerSpec,
  request: RequestSpecLike,
  nowMs: number,
): RequestOutcome {
  const base = { action: request.action, resource: request.resource };
  const resolved = resolveCaller(world, sessions, as, nowMs);
  if (resolved.kind === "unavailable") {
    return { ...base, principal: "(none)", error: { code: "NoCredentials", message: resolved.reason }, notes: [resolved.reason] };
  }
  const facts = resourceFacts(world, request.action, request.resource);
  const resourceAccount = request.resourceAccount ?? facts.account;
  const model = toAccountModel(world);
  const context = transportContext(request);

  if (resolved.kind === "direct") {
    const input: EvaluationInput = {
      request: { principal: resolved.principal, action: request.action, resource: request.resource },
      now: new Date(nowMs).toISOString(),
    };
    if (resourceAccount) input.request.resourceAccount = resourceAccount;
    const org = model.accounts.find((a) => a.id === resourceAccount)?.organization;
    input.request.context = org ? { ...context, "aws:ResourceOrgID": org.id, "aws:ResourceOrgPaths": [org.path] } : context;
    if (facts.policy) input.resourcePolicy = facts.policy;
    const rcps = model.accounts.find((a) => a.id === resourceAccount)?.rcps;
    if (rcps) input.rcps = rcps;
    return { ...base, principal: resolved.principal, evaluation: plainResult(evaluate(input)), input, notes: resolved.notes };
  }

  const identity = getCallerIdentity(model, resolved.caller, { now: nowMs });
  const principal = identity.ok ? identity.value.Arn : "(unknown)";
  const simulated = { ...base, ...(resourceAccount ? { resourceAccount } : {}), context };
  if (facts.policy) Object.assign(simulated, { resourcePolicy: facts.policy });
  const probe = simulateRequest(model, resolved.caller, { ...simulated, action: "sts:GetCallerIdentity" }, { now: nowMs });
  if (!probe.ok) return { ...base, principal, error: { code: probe.error.code, message: probe.error.message }, notes: resolved.notes };
  const input: EvaluationInput = { ...probe.value.input, request: { ...probe.value.input.request, action: request.action } };
  const real = simulateRequest(model, resolved.caller, simulated, { now: nowMs });
  if (!real.ok && real.error.encodedMessage === undefined) {
    // Refused before policies: a credential restriction (IAM User Guide, "Compare AWS STS credentials").
    return { ...base, principal, error: { code: real.error.code, message: real.error.message }, notes: resolved.notes };
  }
  const evaluation = evaluate(input);
  // AWS's own guardrail (an AWS managed policy, a service-linked role...) refuses before any policy.
  if (evaluation.guardrail)
    return {
      ...base,
      principal,
      error: { code: evaluation.guardrail.code, message: `AWS's guardrail, not a policy: ${evaluation.guardrail.message}` },
      notes: resolved.notes,
    };
  const outcome: RequestOutcome = { ...base, principal, evaluation: plainResult(evaluation), input, notes: resolved.notes };
  if (!real.ok && real.error.encodedMessage) outcome.encodedMessage = real.error.encodedMessage;
  return outcome;
}
