// AssumeRole (STS API Reference, AssumeRole; IAM User Guide, "Requesting temporary security
// credentials"). The role's trust policy must allow the caller on its own; a caller from another
// account also needs its own identity policies to allow sts:AssumeRole; in the same account, a trust
// policy naming the caller directly is enough, while one naming the account hands the decision to
// the caller's identity policies. The evaluator core applies those rules; this adds everything else
// the operation checks: parameters, durations (role chaining), session policies, tags, MFA.

import type { ContextValue } from "../index.ts";
import { isoSeconds, toEpochMs } from "./clock.ts";
import { isRoleSession, resolveCaller, type ResolvedCaller } from "./caller.ts";
import { findAccount, findRole, parseRoleArn } from "./directory.ts";
import { roleSessionDuration } from "./durations.ts";
import type { TimeAndRandomness } from "./time-and-randomness.ts";
import { verifyMfa, type MfaParams } from "./mfa.ts";
import type { AccountModel, Caller, Session, TemporaryCredentials } from "./model.ts";
import { authorize, denial, type AuthorizationRequest } from "./authorize.ts";
import { credentialRestriction } from "./restrictions.ts";
import { fail, ok, type StsResult } from "./result.ts";
import { mintRoleSession, tagRequestContext, tagsToRecord, type AssumedRoleUser } from "./role-session.ts";
import { prepareSessionPolicies, type SessionPolicyParams } from "./session-policies.ts";
import { checkSessionTags, CONSTRAINTS, DURATION_RANGES, duplicateTagKey, Violations, type SessionTag } from "./validation.ts";
import { trustActions } from "./trust-actions.ts";

export interface AssumeRoleParams extends SessionPolicyParams, MfaParams {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds?: number;
  Tags?: SessionTag[];
  TransitiveTagKeys?: string[];
  ExternalId?: string;
  SourceIdentity?: string;
}

export interface AssumeRoleResponse {
  Credentials: TemporaryCredentials;
  AssumedRoleUser: AssumedRoleUser;
  PackedPolicySize?: number;
  SourceIdentity?: string;
  /** The session, to sign later simulated requests with. */
  session: Session;
  /** How the request was authorized, step by step. */
  explanation: string[];
}

function validate(params: AssumeRoleParams): StsResult<never> | undefined {
  const violations = new Violations()
    .text("roleArn", params.RoleArn, CONSTRAINTS.arn, true)
    .text("roleSessionName", params.RoleSessionName, CONSTRAINTS.roleSessionName, true)
    .range("durationSeconds", params.DurationSeconds, DURATION_RANGES.role)
    .text("externalId", params.ExternalId, CONSTRAINTS.externalId)
    .text("sourceIdentity", params.SourceIdentity, CONSTRAINTS.sourceIdentity);
  checkSessionTags(violations, params.Tags, params.TransitiveTagKeys);
  return violations.result();
}

/** Tags passed now plus the transitive tags of a calling session (role chaining). */
function sessionTagsFor(
  resolved: ResolvedCaller,
  params: AssumeRoleParams,
): StsResult<{ tags: Record<string, string>; transitive: string[] }> {
  const passed = params.Tags ?? [];
  const duplicate = duplicateTagKey(passed);
  if (duplicate) return fail("ValidationError", `Duplicate tag keys found: ${duplicate}. Tag keys are case insensitive.`);
  const passedKeys = new Set(passed.map((t) => t.Key.toLowerCase()));
  for (const key of params.TransitiveTagKeys ?? []) {
    if (!passedKeys.has(key.toLowerCase())) {
      return fail("ValidationError", `The transitive tag key ${key} is not among the session tags passed in this request.`);
    }
  }
  const inherited: Record<string, string> = {};
  const session = resolved.session;
  for (const key of session?.transitiveTagKeys ?? []) {
    const entry = Object.entries(session?.tags ?? {}).find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (!entry) continue;
    // "If you pass a session tag with the same key as an inherited tag, the operation fails."
    if (passedKeys.has(key.toLowerCase())) {
      return fail(
        "ValidationError",
        `The session tag ${entry[0]} is inherited as a transitive tag from the calling session and cannot be passed again.`,
      );
    }
    inherited[entry[0]] = entry[1];
  }
  return ok({
    tags: { ...inherited, ...tagsToRecord(passed) },
    transitive: [...Object.keys(inherited), ...(params.TransitiveTagKeys ?? [])],
  });
}

export function assumeRole(
  model: AccountModel,
  caller: Caller,
  params: AssumeRoleParams,
  given: TimeAndRandomness,
): StsResult<AssumeRoleResponse> {
  const nowMs = toEpochMs(given.now);
  const invalid = validate(params);
  if (invalid) return invalid;

  const resolvedResult = resolveCaller(model, caller, nowMs);
  if (!resolvedResult.ok) return resolvedResult;
  const resolved = resolvedResult.value;
  if (resolved.isRoot) return fail("AccessDenied", "Roles may not be assumed by root accounts.");
  const restriction = credentialRestriction(resolved, "sts:AssumeRole");
  if (restriction) return fail("AccessDenied", restriction);

  const arnParts = parseRoleArn(params.RoleArn);
  if (!arnParts) return fail("ValidationError", `${params.RoleArn} is not a valid IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).`);

  const mfa = verifyMfa(resolved, params, nowMs);
  if (!mfa.ok) return mfa;

  const trustRequest: AuthorizationRequest = { action: "sts:AssumeRole", resource: params.RoleArn };
  const account = findAccount(model, arnParts.accountId);
  const role = account ? findRole(account, arnParts.name) : undefined;
  if (!account || !role) {
    // AWS does not reveal whether a role exists: a missing role reads as not authorized.
    return fail(
      "AccessDenied",
      `User: ${resolved.principalArn} is not authorized to perform: sts:AssumeRole on resource: ${params.RoleArn}`,
      {
        explanation: [
          `No role ${arnParts.name} exists in account ${arnParts.accountId}, so there is no trust policy that could allow the request.`,
        ],
      },
    );
  }

  const tags = sessionTagsFor(resolved, params);
  if (!tags.ok) return tags;
  const policies = prepareSessionPolicies(model, account.id, params, params.Tags ?? []);
  if (!policies.ok) return policies;
  const duration = roleSessionDuration(params.DurationSeconds, role.maxSessionDuration, isRoleSession(resolved));
  if (!duration.ok) return duration;

  const inheritedSource = resolved.session?.sourceIdentity;
  if (inheritedSource !== undefined && params.SourceIdentity !== undefined && params.SourceIdentity !== inheritedSource) {
    return fail("ValidationError", `Source identity cannot be changed once set: the calling session carries ${inheritedSource}.`);
  }
  const sourceIdentity = params.SourceIdentity ?? inheritedSource;

  const context: Record<string, ContextValue> = {
    ...given.requestContext,
    "sts:RoleSessionName": params.RoleSessionName,
    ...tagRequestContext(params.Tags ?? [], params.TransitiveTagKeys),
  };
  if (params.ExternalId !== undefined) context["sts:ExternalId"] = params.ExternalId;
  if (sourceIdentity !== undefined) context["sts:SourceIdentity"] = sourceIdentity;
  trustRequest.context = context;
  trustRequest.resourcePolicy = { id: `trust:${params.RoleArn}`, document: role.trustPolicy };

  const actions = trustActions("sts:AssumeRole", { tagged: (params.Tags ?? []).length > 0, sourceIdentity });
  const explanation: string[] = [];
  for (const action of actions) {
    const request = { ...trustRequest, action };
    const authorization = authorize(model, resolved, request, nowMs, mfa.value);
    if (!authorization.ok) return authorization;
    explanation.push(`${action}:`, ...authorization.value.evaluation.explanation);
    if (authorization.value.evaluation.decision !== "allowed") {
      return { ok: false, error: denial(resolved, request, authorization.value) };
    }
  }

  const spec: Parameters<typeof mintRoleSession>[0] = {
    origin: "AssumeRole",
    account,
    role,
    sessionName: params.RoleSessionName,
    durationSeconds: duration.value,
    sessionPolicies: policies.value.policies,
    sessionTags: tags.value.tags,
    transitiveTagKeys: tags.value.transitive,
  };
  if (sourceIdentity !== undefined) spec.sourceIdentity = sourceIdentity;
  // Only MFA given in this call marks the new session; the caller's own MFA is not carried into it.
  if (mfa.value) spec.mfa = mfa.value;
  const { session, assumedRoleUser } = mintRoleSession(spec, nowMs, given.random);
  explanation.push(
    `Issued credentials for ${assumedRoleUser.Arn}, valid for ${duration.value} seconds (until ${isoSeconds(session.expiresAtMs)}).`,
  );
  const response: AssumeRoleResponse = { Credentials: session.credentials, AssumedRoleUser: assumedRoleUser, session, explanation };
  if (policies.value.packedPolicySize !== undefined) response.PackedPolicySize = policies.value.packedPolicySize;
  if (sourceIdentity !== undefined) response.SourceIdentity = sourceIdentity;
  return ok(response);
}
