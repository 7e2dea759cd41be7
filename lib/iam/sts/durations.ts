// How long each kind of temporary credential lives. Sources: STS API Reference (AssumeRole,
// GetSessionToken, GetFederationToken: DurationSeconds) and the IAM User Guide, "Compare AWS STS
// credentials" (credential lifetime min | max | default per operation and caller).

import { fail, ok, type StsResult } from "./result.ts";
import { DURATION_RANGES, Violations } from "./validation.ts";

export const ONE_HOUR = 3600;
export const TWELVE_HOURS = 43200;
export const DEFAULT_ROLE_MAX_SESSION = ONE_HOUR;

/** Role sessions: 900 s up to the role's MaxSessionDuration, one hour by default, one hour at most when chaining. */
export function roleSessionDuration(
  requested: number | undefined,
  roleMaxSessionDuration: number | undefined,
  roleChaining: boolean,
): StsResult<number> {
  const invalid = new Violations().range("durationSeconds", requested, DURATION_RANGES.role).result<number>();
  if (invalid) return invalid;
  const duration = requested ?? ONE_HOUR;
  // Role chaining is checked first: it is the tighter, fixed limit (STS API Reference, AssumeRole).
  if (roleChaining && duration > ONE_HOUR) {
    return fail("ValidationError", "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
  }
  const max = roleMaxSessionDuration ?? DEFAULT_ROLE_MAX_SESSION;
  if (duration > max) {
    return fail("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }
  return ok(duration);
}

/**
 * GetSessionToken and GetFederationToken: 900..129,600 s, 12 hours by default for IAM users. For the
 * root user the maximum and the default are one hour, and a longer request is cut to one hour rather
 * than refused ("defaults to one hour").
 */
export function tokenDuration(requested: number | undefined, callerIsRoot: boolean): StsResult<number> {
  const invalid = new Violations().range("durationSeconds", requested, DURATION_RANGES.token).result<number>();
  if (invalid) return invalid;
  if (callerIsRoot) return ok(Math.min(requested ?? ONE_HOUR, ONE_HOUR));
  return ok(requested ?? TWELVE_HOURS);
}
