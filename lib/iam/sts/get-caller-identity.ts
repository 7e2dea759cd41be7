// GetCallerIdentity: "No permissions are required to perform this operation", and an explicit deny
// does not stop it (STS API Reference, GetCallerIdentity). UserId is the aws:userid of the caller
// (IAM User Guide, "IAM policy elements: Variables and tags", principal table).

import { toEpochMs } from "./clock.ts";
import { resolveCaller } from "./caller.ts";
import type { TimeAndRandomness } from "./time-and-randomness.ts";
import type { AccountModel, Caller } from "./model.ts";
import { ok, type StsResult } from "./result.ts";

export interface GetCallerIdentityResponse {
  UserId: string;
  Account: string;
  Arn: string;
}

export function getCallerIdentity(
  model: AccountModel,
  caller: Caller,
  given: Pick<TimeAndRandomness, "now">,
): StsResult<GetCallerIdentityResponse> {
  const resolved = resolveCaller(model, caller, toEpochMs(given.now));
  if (!resolved.ok) return resolved;
  return ok({ UserId: resolved.value.userId, Account: resolved.value.account.id, Arn: resolved.value.principalArn });
}
