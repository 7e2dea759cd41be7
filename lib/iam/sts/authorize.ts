// Every permission check of the simulation goes through the evaluator core: this builds the
// evaluation case for a resolved caller (identity policies, boundary, session policy, the SCPs of the
// caller's account and the RCPs of the resource's) and turns a refusal into AWS's error.

import {
  accountOfArn,
  evaluate,
  PolicyError,
  type ContextValue,
  type EvaluationInput,
  type EvaluationResult,
  type PolicyInput,
} from "../index.ts";
import type { ResolvedCaller } from "./caller.ts";
import { findAccount } from "./directory.ts";
import type { AccountModel } from "./model.ts";
import { credentialContext, mergeContext, type MfaState } from "./request-context.ts";
import { fail, ok, type StsError, type StsResult } from "./result.ts";
import { mergeSessionPolicies } from "./session-policies.ts";
import { buildDecodedMessage } from "./denial-message.ts";
import { encodeAuthorizationMessage } from "./authorization-message.ts";

export interface AuthorizationRequest {
  action: string;
  /** An ARN, or "*" for actions without resource-level permissions. */
  resource: string;
  resourceAccount?: string;
  context?: Record<string, ContextValue>;
  /** The resource's policy (bucket policy, trust policy, key policy...), when it has one. */
  resourcePolicy?: PolicyInput;
}

export interface Authorization {
  evaluation: EvaluationResult;
  /** The exact case handed to the evaluator, for learners who want to replay it. */
  input: EvaluationInput;
}

export function buildEvaluationInput(
  model: AccountModel,
  resolved: ResolvedCaller,
  request: AuthorizationRequest,
  nowMs: number,
  mfa?: MfaState,
): EvaluationInput {
  const resourceAccountId = request.resourceAccount ?? accountOfArn(request.resource) ?? resolved.account.id;
  const resourceAccount = findAccount(model, resourceAccountId);
  const derived = credentialContext(resolved, nowMs, mfa);
  // Organization keys come from where the accounts sit, never from the request (IAM User Guide,
  // "AWS global condition context keys": aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:ResourceOrgID...).
  const principalOrg = resolved.caller ? resolved.account.organization : undefined;
  if (principalOrg) {
    derived["aws:PrincipalOrgID"] = principalOrg.id;
    derived["aws:PrincipalOrgPaths"] = [principalOrg.path];
  }
  if (resourceAccount?.organization) {
    derived["aws:ResourceOrgID"] = resourceAccount.organization.id;
    derived["aws:ResourceOrgPaths"] = [resourceAccount.organization.path];
  }
  const context = mergeContext(request.context, derived);
  const input: EvaluationInput = {
    request: {
      principal: resolved.principalArn,
      action: request.action,
      resource: request.resource,
      context,
    },
    now: new Date(nowMs).toISOString(),
  };
  if (request.resourceAccount) input.request.resourceAccount = request.resourceAccount;
  if (resolved.principalId) input.request.principalId = resolved.principalId;
  if (resolved.sessionIssuer) input.request.sessionIssuer = resolved.sessionIssuer;
  if (resolved.identityPolicies.length > 0) input.identityPolicies = resolved.identityPolicies;
  if (resolved.permissionsBoundary) input.permissionsBoundary = resolved.permissionsBoundary;
  const sessionPolicy = mergeSessionPolicies(resolved.sessionPolicies);
  if (sessionPolicy) input.sessionPolicy = sessionPolicy;
  if (request.resourcePolicy !== undefined) input.resourcePolicy = request.resourcePolicy;
  // SCPs bind identities of the account; a federated identity provider is not one yet.
  if (resolved.caller && resolved.account.scps?.length) input.scps = resolved.account.scps;
  const rcps = resourceAccount?.rcps;
  if (rcps?.length) input.rcps = rcps;
  return input;
}

/** Evaluates a request; a malformed policy in the model is reported, not thrown. */
export function authorize(
  model: AccountModel,
  resolved: ResolvedCaller,
  request: AuthorizationRequest,
  nowMs: number,
  mfa?: MfaState,
): StsResult<Authorization> {
  const input = buildEvaluationInput(model, resolved, request, nowMs, mfa);
  try {
    return ok({ evaluation: evaluate(input), input });
  } catch (error) {
    if (error instanceof PolicyError) return fail("MalformedPolicyDocument", error.describe());
    throw error;
  }
}

function who(resolved: ResolvedCaller): string {
  if (resolved.isRoot) return `Account: ${resolved.account.id}`;
  return `User: ${resolved.principalArn}`;
}

function reason(evaluation: EvaluationResult, action: string): string {
  const deny = evaluation.matchedStatements.find((m) => m.effect === "Deny");
  const names: Record<string, string> = {
    identity: "an identity-based policy",
    resource: "a resource-based policy",
    permissionsBoundary: "a permissions boundary",
    session: "a session policy",
    scp: "a service control policy",
    rcp: "a resource control policy",
  };
  if (deny) return ` with an explicit deny in ${names[deny.policyType] ?? "a policy"}`;
  const failing = (["scp", "rcp", "permissionsBoundary", "session"] as const).find(
    (t) => evaluation.details[t]?.decision === "implicitDeny",
  );
  if (failing) return ` because no ${names[failing]?.replace(/^an? /, "")} allows the ${action} action`;
  const resource = evaluation.details.resource?.decision;
  const identity = evaluation.details.identity?.decision;
  if (resource !== undefined && resource !== "allowed" && identity !== "implicitDeny") {
    return ` because no resource-based policy allows the ${action} action`;
  }
  return ` because no identity-based policy allows the ${action} action`;
}

/**
 * The refusal as AWS words it ("User: ARN is not authorized to perform: ACTION on resource: ARN
 * because ..."), with the learner's explanation and the encoded authorization message that
 * DecodeAuthorizationMessage reads.
 */
export function denial(
  resolved: ResolvedCaller,
  request: AuthorizationRequest,
  authorization: Authorization,
  code: "AccessDenied" | "UnauthorizedOperation" = "AccessDenied",
): StsError {
  const encodedMessage = encodeAuthorizationMessage(buildDecodedMessage(resolved, authorization));
  const explanation = authorization.evaluation.explanation;
  if (code === "UnauthorizedOperation") {
    return {
      code,
      message: `You are not authorized to perform this operation. Encoded authorization failure message: ${encodedMessage}`,
      encodedMessage,
      explanation,
    };
  }
  return {
    code,
    message: `${who(resolved)} is not authorized to perform: ${request.action} on resource: ${request.resource}${reason(
      authorization.evaluation,
      request.action,
    )}`,
    encodedMessage,
    explanation,
  };
}
