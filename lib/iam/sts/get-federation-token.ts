// GetFederationToken (STS API Reference; IAM User Guide, "Permissions for GetFederationToken").
// An IAM user (or the root user) federates a named user: the caller needs sts:GetFederationToken, and
// the federated user's permissions are the intersection of the caller's identity policies and the
// session policies passed; passing none means the session has no permissions (a resource policy that
// names the federated user can still grant access).

import { isoSeconds, toEpochMs } from "./clock.ts";
import { resolveCaller } from "./caller.ts";
import { generateTemporaryCredentials } from "./credentials.ts";
import { federatedUserArn } from "./directory.ts";
import { tokenDuration } from "./durations.ts";
import type { TimeAndRandomness } from "./time-and-randomness.ts";
import type { AccountModel, Caller, Session, TemporaryCredentials } from "./model.ts";
import { authorize, denial } from "./authorize.ts";
import { mergeTags } from "./request-context.ts";
import { fail, ok, type StsResult } from "./result.ts";
import { tagRequestContext, tagsToRecord } from "./role-session.ts";
import { prepareSessionPolicies, type SessionPolicyParams } from "./session-policies.ts";
import { checkSessionTags, CONSTRAINTS, DURATION_RANGES, duplicateTagKey, Violations, type SessionTag } from "./validation.ts";

export interface GetFederationTokenParams extends SessionPolicyParams {
  Name: string;
  DurationSeconds?: number;
  Tags?: SessionTag[];
}

export interface GetFederationTokenResponse {
  Credentials: TemporaryCredentials;
  FederatedUser: { Arn: string; FederatedUserId: string };
  PackedPolicySize?: number;
  session: Session;
  explanation: string[];
}

export function getFederationToken(
  model: AccountModel,
  caller: Caller,
  params: GetFederationTokenParams,
  given: TimeAndRandomness,
): StsResult<GetFederationTokenResponse> {
  const nowMs = toEpochMs(given.now);
  const violations = new Violations()
    .text("name", params.Name, CONSTRAINTS.federatedUserName, true)
    .range("durationSeconds", params.DurationSeconds, DURATION_RANGES.token);
  checkSessionTags(violations, params.Tags, undefined);
  const invalid = violations.result<GetFederationTokenResponse>();
  if (invalid) return invalid;

  const resolvedResult = resolveCaller(model, caller, nowMs);
  if (!resolvedResult.ok) return resolvedResult;
  const resolved = resolvedResult.value;
  // "You must call the GetFederationToken operation using the long-term security credentials of an IAM user."
  if (resolved.session) return fail("AccessDenied", "Cannot call GetFederationToken with session credentials");

  const tags = params.Tags ?? [];
  const duplicate = duplicateTagKey(tags);
  if (duplicate) return fail("ValidationError", `Duplicate tag keys found: ${duplicate}. Tag keys are case insensitive.`);
  const policies = prepareSessionPolicies(model, resolved.account.id, params, tags);
  if (!policies.ok) return policies;
  const duration = tokenDuration(params.DurationSeconds, resolved.isRoot);
  if (!duration.ok) return duration;

  const arn = federatedUserArn(resolved.account.id, params.Name);
  const explanation: string[] = [];
  const actions = ["sts:GetFederationToken", ...(tags.length > 0 ? ["sts:TagSession"] : [])];
  for (const action of actions) {
    const request = { action, resource: arn, context: tagRequestContext(tags, undefined) };
    const authorization = authorize(model, resolved, request, nowMs);
    if (!authorization.ok) return authorization;
    explanation.push(`${action}:`, ...authorization.value.evaluation.explanation);
    if (authorization.value.evaluation.decision !== "allowed") return { ok: false, error: denial(resolved, request, authorization.value) };
  }

  const expiresAtMs = nowMs + duration.value * 1000;
  const federatedUserId = `${resolved.account.id}:${params.Name}`;
  const session: Session = {
    origin: "GetFederationToken",
    credentials: generateTemporaryCredentials(resolved.account.id, expiresAtMs, given.random),
    accountId: resolved.account.id,
    principalArn: arn,
    userId: federatedUserId,
    sourceIdentityArn: resolved.principalArn,
    sessionName: params.Name,
    sessionPolicies: policies.value.policies,
    issuedAtMs: nowMs,
    expiresAtMs,
    // "The session's principal tags include the user's tags and the passed session tags."
    tags: mergeTags(resolved.tags, tagsToRecord(tags)),
    transitiveTagKeys: [],
    providerContext: {},
  };
  if (resolved.user) session.userName = resolved.user.name;
  explanation.push(
    policies.value.policies.length > 0
      ? "The federated user's permissions are the intersection of the caller's identity-based policies and the session policies passed."
      : "No session policy was passed, so the federated user has no permissions of its own; only a resource-based policy naming it can grant access.",
    `Issued credentials for ${arn}, valid for ${duration.value} seconds (until ${isoSeconds(expiresAtMs)}).`,
  );
  const response: GetFederationTokenResponse = {
    Credentials: session.credentials,
    FederatedUser: { Arn: arn, FederatedUserId: federatedUserId },
    session,
    explanation,
  };
  if (policies.value.packedPolicySize !== undefined) response.PackedPolicySize = policies.value.packedPolicySize;
  return ok(response);
}
