// What AssumeRoleWithSAML and AssumeRoleWithWebIdentity share. Neither call is signed with AWS
// credentials: the caller is the identity provider, named as a Federated principal in the role's
// trust policy, which alone decides (IAM User Guide, "Requesting temporary security credentials";
// STS API Reference, AssumeRoleWithSAML and AssumeRoleWithWebIdentity).

import type { ContextValue, PolicySource } from "../index.ts";
import { authorize, denial } from "./authorize.ts";
import type { ResolvedCaller } from "./caller.ts";
import type { Account, AccountModel } from "./model.ts";
import { fail, ok, type StsResult } from "./result.ts";

/** A stand-in caller for the identity provider: no account identity, no policies of its own. */
export function providerCaller(provider: string, roleAccount: Account): ResolvedCaller {
  return {
    account: roleAccount,
    principalArn: provider,
    userId: provider,
    identityPolicies: [],
    sessionPolicies: [],
    isRoot: false,
    tags: {},
  };
}

/**
 * Runs the trust checks for a federated call: the operation itself, plus sts:TagSession when tags are
 * passed and sts:SetSourceIdentity when a source identity is set. Returns the explanation lines.
 */
export function authorizeFederated(
  model: AccountModel,
  provider: string,
  roleAccount: Account,
  roleArn: string,
  trustPolicy: PolicySource,
  actions: string[],
  context: Record<string, ContextValue>,
  nowMs: number,
): StsResult<string[]> {
  const resolved = providerCaller(provider, roleAccount);
  const explanation: string[] = [];
  for (const action of actions) {
    const request = { action, resource: roleArn, context, resourcePolicy: { id: `trust:${roleArn}`, document: trustPolicy } };
    const authorization = authorize(model, resolved, request, nowMs);
    if (!authorization.ok) return authorization;
    explanation.push(`${action}:`, ...authorization.value.evaluation.explanation);
    if (authorization.value.evaluation.decision !== "allowed") {
      const error = denial(resolved, request, authorization.value);
      // AWS words federated refusals without naming a user.
      return fail("AccessDenied", `Not authorized to perform ${action}`, {
        ...(error.encodedMessage ? { encodedMessage: error.encodedMessage } : {}),
        explanation: error.explanation ?? [],
      });
    }
  }
  return ok(explanation);
}
