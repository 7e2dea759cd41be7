// Checking the SerialNumber and TokenCode passed to AssumeRole or GetSessionToken. The simulated
// device shows one current code; an incorrect code "causes the API to return an access denied error"
// (STS API Reference, GetSessionToken).

import type { ResolvedCaller } from "./caller.ts";
import type { MfaState } from "./request-context.ts";
import { fail, ok, type StsResult } from "./result.ts";
import { CONSTRAINTS, Violations } from "./validation.ts";

export interface MfaParams {
  SerialNumber?: string;
  TokenCode?: string;
}

/** undefined when no MFA information was passed. */
export function verifyMfa(resolved: ResolvedCaller, params: MfaParams, nowMs: number): StsResult<MfaState | undefined> {
  const { SerialNumber, TokenCode } = params;
  if (SerialNumber === undefined && TokenCode === undefined) return ok(undefined);
  const invalid = new Violations()
    .text("serialNumber", SerialNumber, CONSTRAINTS.serialNumber)
    .text("tokenCode", TokenCode, CONSTRAINTS.tokenCode)
    .result<MfaState | undefined>();
  if (invalid) return invalid;
  if (SerialNumber === undefined || TokenCode === undefined) {
    return fail("AccessDenied", "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
  }
  // The device must belong to the identity whose long-term credentials stand behind the call.
  const devices = resolved.user?.mfaDevices ?? (resolved.isRoot ? resolved.account.rootMfaDevices : undefined) ?? [];
  const device = devices.find((d) => d.serialNumber === SerialNumber);
  if (!device || device.currentCode !== TokenCode) {
    return fail("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code.");
  }
  return ok({ present: true, authenticatedAtMs: nowMs });
}
