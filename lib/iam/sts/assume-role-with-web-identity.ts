// AssumeRoleWithWebIdentity (STS API Reference; IAM User Guide, "Requesting temporary security
// credentials"). The token's issuer decides the Federated principal the trust policy must name:
// accounts.google.com, cognito-identity.amazonaws.com, graph.facebook.com, www.amazon.com, or the ARN
// of an OIDC provider registered in IAM. Its claims become condition keys (accounts.google.com:aud,
// cognito-identity.amazonaws.com:amr, <provider>:sub...). Signatures are not checked: a learner
// passes the claims, or an unsigned JWT carrying them.

import type { ContextValue } from "../index.ts";
import { decodeBase64 } from "./base64.ts";
import { isoSeconds, toEpochMs } from "./clock.ts";
import { findAccount, findRole, parseRoleArn, PARTITION } from "./directory.ts";
import { roleSessionDuration } from "./durations.ts";
import type { TimeAndRandomness } from "./time-and-randomness.ts";
import { authorizeFederated } from "./federation.ts";
import type { Account, AccountModel, Session, TemporaryCredentials } from "./model.ts";
import { fail, ok, type StsResult } from "./result.ts";
import { mintRoleSession, tagRequestContext, type AssumedRoleUser } from "./role-session.ts";
import { prepareSessionPolicies, type SessionPolicyParams } from "./session-policies.ts";
import { checkSessionTags, CONSTRAINTS, DURATION_RANGES, duplicateTagKey, Violations, type SessionTag } from "./validation.ts";
import { trustActions } from "./trust-actions.ts";

export interface WebIdentityClaims {
  iss?: string;
  sub: string;
  aud: string | string[];
  /** Authorized party; for Google, accounts.google.com:aud reads it when present. */
  azp?: string;
  amr?: string | string[];
  /** Expiry, epoch seconds. */
  exp: number;
  iat?: number;
  /** Session tags, in the claim AWS reads: { principal_tags: { key: [value] }, transitive_tag_keys: [...] }. */
  "https://aws.amazon.com/tags"?: { principal_tags?: Record<string, string[] | string>; transitive_tag_keys?: string[] };
  "https://aws.amazon.com/source_identity"?: string;
  [claim: string]: unknown;
}

export interface AssumeRoleWithWebIdentityParams extends SessionPolicyParams {
  RoleArn: string;
  RoleSessionName: string;
  /** A JWT (its signature is not checked) or the claims themselves. */
  WebIdentityToken: string | WebIdentityClaims;
  /** Only for OAuth 2.0 access tokens: "www.amazon.com" or "graph.facebook.com". */
  ProviderId?: string;
  DurationSeconds?: number;
}

export interface AssumeRoleWithWebIdentityResponse {
  Credentials: TemporaryCredentials;
  SubjectFromWebIdentityToken: string;
  AssumedRoleUser: AssumedRoleUser;
  PackedPolicySize?: number;
  Provider: string;
  Audience: string;
  SourceIdentity?: string;
  session: Session;
  explanation: string[];
}

const OAUTH_PROVIDERS = new Set(["www.amazon.com", "graph.facebook.com"]);

/** The claims of a JWT's payload; undefined when the text is not one. */
export function decodeJwtClaims(token: string): WebIdentityClaims | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  const bytes = decodeBase64(payload, true);
  if (!bytes) return undefined;
  try {
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as WebIdentityClaims;
    return typeof claims === "object" && claims !== null ? claims : undefined;
  } catch {
    return undefined;
  }
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export interface WebIdentityProvider {
  /** The Federated principal the trust policy names. */
  principal: string;
  /** Display value for the response's Provider field. */
  display: string;
  context: Record<string, ContextValue>;
}

/** Provider-specific keys (IAM User Guide, "Available keys for AWS web identity federation"). */
export function webIdentityProvider(
  claims: WebIdentityClaims,
  providerId: string | undefined,
  roleAccount: Account,
): StsResult<WebIdentityProvider> {
  const aud = list(claims.aud);
  const firstAud = aud[0] ?? "";
  if (providerId !== undefined) {
    if (!OAUTH_PROVIDERS.has(providerId)) {
      return fail(
        "ValidationError",
        `ProviderId must be www.amazon.com or graph.facebook.com (for OAuth 2.0 access tokens), not ${providerId}.`,
      );
    }
    const context: Record<string, ContextValue> =
      providerId === "graph.facebook.com"
        ? { "graph.facebook.com:app_id": firstAud, "graph.facebook.com:id": claims.sub }
        : { "www.amazon.com:app_id": firstAud, "www.amazon.com:user_id": claims.sub };
    return ok({ principal: providerId, display: providerId, context });
  }
  if (!claims.iss) return fail("InvalidIdentityToken", "The web identity token has no iss (issuer) claim.");
  const host = claims.iss.replace(/^https?:\/\//, "").replace(/\/$/, "");
  if (host === "accounts.google.com") {
    const context: Record<string, ContextValue> = {
      // With an azp claim, accounts.google.com:aud is the azp and :oaud the token's aud.
      "accounts.google.com:aud": claims.azp ?? firstAud,
      "accounts.google.com:sub": claims.sub,
    };
    if (claims.azp !== undefined) context["accounts.google.com:oaud"] = firstAud;
    return ok({ principal: host, display: host, context });
  }
  if (host === "cognito-identity.amazonaws.com") {
    const context: Record<string, ContextValue> = {
      "cognito-identity.amazonaws.com:aud": firstAud,
      "cognito-identity.amazonaws.com:sub": claims.sub,
    };
    if (claims.amr !== undefined) context["cognito-identity.amazonaws.com:amr"] = list(claims.amr);
    return ok({ principal: host, display: host, context });
  }
  const registered = roleAccount.oidcProviders?.find((p) => p.url.replace(/^https?:\/\//, "").replace(/\/$/, "") === host);
  if (!registered) return fail("InvalidIdentityToken", `No OpenIDConnect provider found in your account for ${claims.iss}`);
  if (!aud.some((a) => registered.clientIds.includes(a))) return fail("InvalidIdentityToken", "Incorrect token audience");
  const context: Record<string, ContextValue> = { [`${host}:aud`]: claims.azp ?? firstAud, [`${host}:sub`]: claims.sub };
  if (claims.amr !== undefined) context[`${host}:amr`] = list(claims.amr);
  return ok({ principal: `arn:${PARTITION}:iam::${roleAccount.id}:oidc-provider/${host}`, display: claims.iss, context });
}

function tagsFromClaims(claims: WebIdentityClaims): { tags: SessionTag[]; transitive: string[] } {
  const claim = claims["https://aws.amazon.com/tags"];
  const tags = Object.entries(claim?.principal_tags ?? {}).map(([Key, value]) => ({ Key, Value: list(value)[0] ?? "" }));
  return { tags, transitive: claim?.transitive_tag_keys ?? [] };
}

export function assumeRoleWithWebIdentity(
  model: AccountModel,
  params: AssumeRoleWithWebIdentityParams,
  given: TimeAndRandomness,
): StsResult<AssumeRoleWithWebIdentityResponse> {
  const nowMs = toEpochMs(given.now);
  const violations = new Violations()
    .text("roleArn", params.RoleArn, CONSTRAINTS.arn, true)
    .text("roleSessionName", params.RoleSessionName, CONSTRAINTS.roleSessionName, true)
    .range("durationSeconds", params.DurationSeconds, DURATION_RANGES.role);
  if (typeof params.WebIdentityToken === "string") {
    violations.text("webIdentityToken", params.WebIdentityToken, CONSTRAINTS.webIdentityToken, true);
  }
  const invalid = violations.result<AssumeRoleWithWebIdentityResponse>();
  if (invalid) return invalid;

  const claims = typeof params.WebIdentityToken === "string" ? decodeJwtClaims(params.WebIdentityToken) : params.WebIdentityToken;
  if (!claims || typeof claims.sub !== "string" || claims.aud === undefined || typeof claims.exp !== "number") {
    return fail("InvalidIdentityToken", "The web identity token is not a JWT with sub, aud and exp claims.");
  }
  if (nowMs >= claims.exp * 1000) {
    return fail(
      "ExpiredToken",
      `Token expired: current date/time ${new Date(nowMs).toISOString()} must be before the expiration date/time ${new Date(claims.exp * 1000).toISOString()}`,
    );
  }
  const { tags, transitive } = tagsFromClaims(claims);
  const sourceIdentity = claims["https://aws.amazon.com/source_identity"];
  const claimViolations = new Violations().text("source_identity", sourceIdentity, CONSTRAINTS.sourceIdentity);
  checkSessionTags(claimViolations, tags, transitive);
  const badClaims = claimViolations.result<AssumeRoleWithWebIdentityResponse>();
  if (badClaims) return fail("InvalidIdentityToken", `The token's AWS claims are invalid: ${badClaims.ok ? "" : badClaims.error.message}`);
  const duplicate = duplicateTagKey(tags);
  if (duplicate) return fail("InvalidIdentityToken", `Duplicate principal tag ${duplicate}; tag keys are case insensitive.`);

  const roleParts = parseRoleArn(params.RoleArn);
  if (!roleParts) return fail("ValidationError", `${params.RoleArn} is not a valid IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).`);
  const account = findAccount(model, roleParts.accountId);
  const role = account ? findRole(account, roleParts.name) : undefined;
  if (!account || !role) return fail("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");

  const provider = webIdentityProvider(claims, params.ProviderId, account);
  if (!provider.ok) return provider;
  const policies = prepareSessionPolicies(model, account.id, params, tags);
  if (!policies.ok) return policies;
  const duration = roleSessionDuration(params.DurationSeconds, role.maxSessionDuration, false);
  if (!duration.ok) return duration;

  const context: Record<string, ContextValue> = {
    ...provider.value.context,
    "sts:RoleSessionName": params.RoleSessionName,
    ...tagRequestContext(tags, transitive),
  };
  if (sourceIdentity !== undefined) context["sts:SourceIdentity"] = sourceIdentity;
  const actions = trustActions("sts:AssumeRoleWithWebIdentity", { tagged: tags.length > 0, sourceIdentity });
  const trust = authorizeFederated(model, provider.value.principal, account, params.RoleArn, role.trustPolicy, actions, context, nowMs);
  if (!trust.ok) return trust;

  const spec: Parameters<typeof mintRoleSession>[0] = {
    origin: "AssumeRoleWithWebIdentity",
    account,
    role,
    sessionName: params.RoleSessionName,
    durationSeconds: duration.value,
    sessionPolicies: policies.value.policies,
    sessionTags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])),
    transitiveTagKeys: transitive,
    federatedProvider: provider.value.principal,
    providerContext: provider.value.context,
  };
  if (sourceIdentity !== undefined) spec.sourceIdentity = sourceIdentity;
  const { session, assumedRoleUser } = mintRoleSession(spec, nowMs, given.random);
  const response: AssumeRoleWithWebIdentityResponse = {
    Credentials: session.credentials,
    SubjectFromWebIdentityToken: claims.sub,
    AssumedRoleUser: assumedRoleUser,
    Provider: provider.value.display,
    Audience: claims.azp ?? list(claims.aud)[0] ?? "",
    session,
    explanation: [
      ...trust.value,
      `Issued credentials for ${assumedRoleUser.Arn}, valid for ${duration.value} seconds (until ${isoSeconds(session.expiresAtMs)}).`,
    ],
  };
  if (policies.value.packedPolicySize !== undefined) response.PackedPolicySize = policies.value.packedPolicySize;
  if (sourceIdentity !== undefined) response.SourceIdentity = sourceIdentity;
  return ok(response);
}
