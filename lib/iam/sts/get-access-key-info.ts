// GetAccessKeyInfo: the account an access key id belongs to (STS API Reference, GetAccessKeyInfo).
// AKIA ids are long-term keys of users or the root user, ASIA ids temporary ones; the operation does
// not say whether the key is active. Keys in the model are looked up; any other AKIA/ASIA id is read
// through the account field the id carries (see credentials.ts).

import { toEpochMs } from "./clock.ts";
import { accountFromAccessKeyId } from "./credentials.ts";
import type { TimeAndRandomness } from "./time-and-randomness.ts";
import type { AccountModel, Caller } from "./model.ts";
import { authorize, denial } from "./authorize.ts";
import { resolveCaller } from "./caller.ts";
import { credentialRestriction } from "./restrictions.ts";
import { fail, ok, type StsResult } from "./result.ts";
import { CONSTRAINTS, Violations } from "./validation.ts";

export interface GetAccessKeyInfoParams {
  AccessKeyId: string;
}

export interface GetAccessKeyInfoResponse {
  Account: string;
}

function accountInModel(model: AccountModel, accessKeyId: string): string | undefined {
  for (const account of model.accounts) {
    if (account.rootAccessKeys?.some((k) => k.accessKeyId === accessKeyId)) return account.id;
    if (account.users?.some((u) => u.accessKeys?.some((k) => k.accessKeyId === accessKeyId))) return account.id;
  }
  return undefined;
}

export function getAccessKeyInfo(
  model: AccountModel,
  caller: Caller,
  params: GetAccessKeyInfoParams,
  given: Pick<TimeAndRandomness, "now">,
): StsResult<GetAccessKeyInfoResponse> {
  const nowMs = toEpochMs(given.now);
  const invalid = new Violations()
    .text("accessKeyId", params.AccessKeyId, CONSTRAINTS.accessKeyId, true)
    .result<GetAccessKeyInfoResponse>();
  if (invalid) return invalid;
  const resolvedResult = resolveCaller(model, caller, nowMs);
  if (!resolvedResult.ok) return resolvedResult;
  const resolved = resolvedResult.value;
  const restriction = credentialRestriction(resolved, "sts:GetAccessKeyInfo");
  if (restriction) return fail("AccessDenied", restriction);
  // sts:GetAccessKeyInfo is an ordinary action (Read access level) without resource-level permissions.
  const request = { action: "sts:GetAccessKeyInfo", resource: "*" };
  const authorization = authorize(model, resolved, request, nowMs);
  if (!authorization.ok) return authorization;
  if (authorization.value.evaluation.decision !== "allowed") return { ok: false, error: denial(resolved, request, authorization.value) };

  const account = accountInModel(model, params.AccessKeyId) ?? accountFromAccessKeyId(params.AccessKeyId);
  if (!account) {
    return fail("ValidationError", `${params.AccessKeyId} is not an access key id (20 characters starting with AKIA or ASIA).`);
  }
  return ok({ Account: account });
}
