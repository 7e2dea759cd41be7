// DecodeAuthorizationMessage (STS API Reference): the caller needs sts:DecodeAuthorizationMessage;
// the result is a JSON document saying whether the request was allowed, whether an explicit deny
// decided it, which statements matched, and the request context.

import { toEpochMs } from "./clock.ts";
import { decodeAuthorizationMessage as decode, type DecodedAuthorizationMessage } from "./authorization-message.ts";
import { authorize, denial } from "./authorize.ts";
import { resolveCaller } from "./caller.ts";
import type { TimeAndRandomness } from "./time-and-randomness.ts";
import type { AccountModel, Caller } from "./model.ts";
import { credentialRestriction } from "./restrictions.ts";
import { fail, ok, type StsResult } from "./result.ts";
import { CONSTRAINTS, Violations } from "./validation.ts";

export interface DecodeAuthorizationMessageParams {
  EncodedMessage: string;
}

export interface DecodeAuthorizationMessageResponse {
  /** The decoded document as JSON text, as AWS returns it. */
  DecodedMessage: string;
  /** The same document, parsed. */
  decoded: DecodedAuthorizationMessage;
}

export function decodeAuthorizationMessage(
  model: AccountModel,
  caller: Caller,
  params: DecodeAuthorizationMessageParams,
  given: Pick<TimeAndRandomness, "now">,
): StsResult<DecodeAuthorizationMessageResponse> {
  const nowMs = toEpochMs(given.now);
  const invalid = new Violations()
    .text("encodedMessage", params.EncodedMessage, CONSTRAINTS.encodedMessage, true)
    .result<DecodeAuthorizationMessageResponse>();
  if (invalid) return invalid;
  const resolvedResult = resolveCaller(model, caller, nowMs);
  if (!resolvedResult.ok) return resolvedResult;
  const resolved = resolvedResult.value;
  const restriction = credentialRestriction(resolved, "sts:DecodeAuthorizationMessage");
  if (restriction) return fail("AccessDenied", restriction);
  const request = { action: "sts:DecodeAuthorizationMessage", resource: "*" };
  const authorization = authorize(model, resolved, request, nowMs);
  if (!authorization.ok) return authorization;
  if (authorization.value.evaluation.decision !== "allowed") return { ok: false, error: denial(resolved, request, authorization.value) };

  const decoded = decode(params.EncodedMessage);
  if (!decoded) {
    return fail("InvalidAuthorizationMessageException", "The message is not a valid encoded authorization message.");
  }
  return ok({ DecodedMessage: JSON.stringify(decoded), decoded });
}
