// Requests made with credentials after STS issued them: evaluated with the policies of whoever the
// credentials stand for (a role's identity policies, boundary and session policy; a federated user's
// issuer policies and session policy; a user's own), the context keys the credentials carry, and the
// restrictions each kind of temporary credential has. A refusal carries an encoded authorization
// message for DecodeAuthorizationMessage.

import type { EvaluationInput, EvaluationResult } from "../index.ts";
import { toEpochMs } from "./clock.ts";
import { authorize, denial, type AuthorizationRequest } from "./authorize.ts";
import { resolveCaller } from "./caller.ts";
import type { TimeAndRandomness } from "./time-and-randomness.ts";
import type { AccountModel, Caller } from "./model.ts";
import { credentialRestriction } from "./restrictions.ts";
import { fail, ok, type StsResult } from "./result.ts";

export type SimulatedRequest = AuthorizationRequest;

export interface SimulatedResponse {
  evaluation: EvaluationResult;
  /** The evaluation case built for the request, to replay with `evaluate` or the CLI. */
  input: EvaluationInput;
}

/** Authorizes one request signed with the caller's credentials; AccessDenied when refused. */
export function simulateRequest(
  model: AccountModel,
  caller: Caller,
  request: SimulatedRequest,
  given: Pick<TimeAndRandomness, "now">,
): StsResult<SimulatedResponse> {
  const nowMs = toEpochMs(given.now);
  const resolvedResult = resolveCaller(model, caller, nowMs);
  if (!resolvedResult.ok) return resolvedResult;
  const resolved = resolvedResult.value;
  const restriction = credentialRestriction(resolved, request.action);
  if (restriction) return fail("AccessDenied", restriction);
  const authorization = authorize(model, resolved, request, nowMs);
  if (!authorization.ok) return authorization;
  if (authorization.value.evaluation.decision !== "allowed") return { ok: false, error: denial(resolved, request, authorization.value) };
  return ok(authorization.value);
}

/**
 * A dry run, as EC2's --dry-run: the permission is checked and the call not made, so the answer is
 * always an error: DryRunOperation ("Request would have succeeded, but DryRun flag is set.") when
 * allowed, UnauthorizedOperation with an encoded authorization message when not.
 */
export function dryRun(
  model: AccountModel,
  caller: Caller,
  request: SimulatedRequest,
  given: Pick<TimeAndRandomness, "now">,
): StsResult<never> {
  const nowMs = toEpochMs(given.now);
  const resolvedResult = resolveCaller(model, caller, nowMs);
  if (!resolvedResult.ok) return resolvedResult;
  const resolved = resolvedResult.value;
  const restriction = credentialRestriction(resolved, request.action);
  if (restriction) return fail("UnauthorizedOperation", `You are not authorized to perform this operation. ${restriction}`);
  const authorization = authorize(model, resolved, request, nowMs);
  if (!authorization.ok) return authorization;
  if (authorization.value.evaluation.decision === "allowed") {
    return fail("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", {
      explanation: authorization.value.evaluation.explanation,
    });
  }
  return { ok: false, error: denial(resolved, request, authorization.value, "UnauthorizedOperation") };
}
