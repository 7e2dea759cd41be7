// Context keys that come from the credentials rather than from the request (IAM User Guide, "AWS
// global condition context keys"): aws:TokenIssueTime and aws:MultiFactorAuthPresent are present only
// in requests signed with temporary credentials; aws:MultiFactorAuthAge only when MFA was used;
// aws:PrincipalTag/<key> for the principal's (and session's) tags; aws:SourceIdentity once set.

import type { ContextValue } from "../index.ts";
import type { ResolvedCaller } from "./caller.ts";

/** MFA state for a request: present only when the credentials are temporary or MFA was just given. */
export interface MfaState {
  present: boolean;
  /** Epoch ms of the MFA authentication, when present. */
  authenticatedAtMs?: number;
}

export function credentialContext(resolved: ResolvedCaller, nowMs: number, mfa?: MfaState): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  const session = resolved.session;
  if (session) {
    context["aws:TokenIssueTime"] = new Date(session.issuedAtMs).toISOString();
    if (session.sourceIdentity) context["aws:SourceIdentity"] = session.sourceIdentity;
    if (session.sessionName && session.roleName) context["aws:RoleSessionName"] = session.sessionName;
    if (session.federatedProvider && session.origin === "AssumeRoleWithWebIdentity") {
      context["aws:FederatedProvider"] = session.federatedProvider;
    }
    Object.assign(context, session.providerContext);
  }
  const mfaState: MfaState | undefined =
    mfa ??
    (session
      ? session.mfaAuthenticatedAtMs !== undefined
        ? { present: true, authenticatedAtMs: session.mfaAuthenticatedAtMs }
        : { present: false }
      : undefined);
  if (mfaState) {
    context["aws:MultiFactorAuthPresent"] = mfaState.present ? "true" : "false";
    if (mfaState.present && mfaState.authenticatedAtMs !== undefined) {
      context["aws:MultiFactorAuthAge"] = String(Math.max(0, Math.floor((nowMs - mfaState.authenticatedAtMs) / 1000)));
    }
  }
  for (const [key, value] of Object.entries(resolved.tags)) context[`aws:PrincipalTag/${key}`] = value;
  return context;
}

/**
 * The request's own keys plus the credential keys. Credential facts win over a request that tries to
 * state them (keys compare case-insensitively), because the caller cannot choose them.
 */
export function mergeContext(
  given: Record<string, ContextValue> | undefined,
  derived: Record<string, ContextValue>,
): Record<string, ContextValue> {
  const derivedKeys = new Set(Object.keys(derived).map((k) => k.toLowerCase()));
  const merged: Record<string, ContextValue> = {};
  for (const [key, value] of Object.entries(given ?? {})) if (!derivedKeys.has(key.toLowerCase())) merged[key] = value;
  return { ...merged, ...derived };
}

/** Tags case-insensitively by key, later sources winning (session tags override role or user tags). */
export function mergeTags(...sources: Record<string, string>[]): Record<string, string> {
  const byLower = new Map<string, [string, string]>();
  for (const source of sources) for (const [key, value] of Object.entries(source)) byLower.set(key.toLowerCase(), [key, value]);
  return Object.fromEntries([...byLower.values()]);
}
