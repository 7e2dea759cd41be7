// GetSessionToken (STS API Reference; IAM User Guide, "Requesting temporary security credentials").
// Called with the long-term credentials of an IAM user (or, not recommended, the root user); no
// permission is needed, as the operation only authenticates. IAM users get 900..129,600 seconds,
// 12 hours by default; the root user one hour at most and by default. With a valid MFA serial number
// and code the session carries aws:MultiFactorAuthPresent = true and aws:MultiFactorAuthAge.

import { isoSeconds, toEpochMs } from "./clock.ts";
import { resolveCaller } from "./caller.ts";
import { generateTemporaryCredentials } from "./credentials.ts";
import { tokenDuration } from "./durations.ts";
import type { TimeAndRandomness } from "./time-and-randomness.ts";
import { verifyMfa, type MfaParams } from "./mfa.ts";
import type { AccountModel, Caller, Session, TemporaryCredentials } from "./model.ts";
import { fail, ok, type StsResult } from "./result.ts";

export interface GetSessionTokenParams extends MfaParams {
  DurationSeconds?: number;
}

export interface GetSessionTokenResponse {
  Credentials: TemporaryCredentials;
  session: Session;
  explanation: string[];
}

export function getSessionToken(
  model: AccountModel,
  caller: Caller,
  params: GetSessionTokenParams,
  given: TimeAndRandomness,
): StsResult<GetSessionTokenResponse> {
  const nowMs = toEpochMs(given.now);
  // Only long-term credentials may call it; role and other sessions are refused before anything else.
  if (caller.kind === "session") {
    const resolvedSession = resolveCaller(model, caller, nowMs);
    if (!resolvedSession.ok) return resolvedSession;
    return fail("AccessDenied", "Cannot call GetSessionToken with session credentials");
  }
  const resolvedResult = resolveCaller(model, caller, nowMs);
  if (!resolvedResult.ok) return resolvedResult;
  const resolved = resolvedResult.value;
  const duration = tokenDuration(params.DurationSeconds, resolved.isRoot);
  if (!duration.ok) return duration;
  const mfa = verifyMfa(resolved, params, nowMs);
  if (!mfa.ok) return mfa;

  const expiresAtMs = nowMs + duration.value * 1000;
  const session: Session = {
    origin: "GetSessionToken",
    credentials: generateTemporaryCredentials(resolved.account.id, expiresAtMs, given.random),
    accountId: resolved.account.id,
    // Requests made with these credentials are made as the user (or root) itself.
    principalArn: resolved.principalArn,
    userId: resolved.userId,
    sessionPolicies: [],
    issuedAtMs: nowMs,
    expiresAtMs,
    tags: { ...resolved.tags },
    transitiveTagKeys: [],
    providerContext: {},
  };
  if (resolved.user) {
    session.userName = resolved.user.name;
    session.sourceIdentityArn = resolved.principalArn;
  }
  if (mfa.value?.authenticatedAtMs !== undefined) session.mfaAuthenticatedAtMs = mfa.value.authenticatedAtMs;
  const explanation = [
    "GetSessionToken needs no permission: it only authenticates the caller (STS API Reference, GetSessionToken).",
    mfa.value
      ? "The MFA code matched the device, so requests made with these credentials carry aws:MultiFactorAuthPresent = true and aws:MultiFactorAuthAge."
      : "No MFA code was given, so requests made with these credentials carry aws:MultiFactorAuthPresent = false.",
    `Issued credentials for ${resolved.principalArn}, valid for ${duration.value} seconds (until ${isoSeconds(expiresAtMs)}).`,
  ];
  if (resolved.isRoot && (params.DurationSeconds ?? 0) > 3600) {
    explanation.splice(2, 0, "The root user's session token lasts at most one hour, so the requested duration was cut to 3,600 seconds.");
  }
  return ok({ Credentials: session.credentials, session, explanation });
}
