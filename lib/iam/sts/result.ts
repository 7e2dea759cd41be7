// Every simulated call returns a typed result instead of throwing, so a learner's mistake (a bad
// session name, a trust policy that says no) is an answer to show, not an exception to catch.

/** Error codes as AWS returns them (the "Code" element of an STS or EC2 error response). */
export type StsErrorCode =
  | "AccessDenied"
  | "ValidationError"
  | "MalformedPolicyDocument"
  | "PackedPolicyTooLarge"
  | "ExpiredToken"
  | "InvalidIdentityToken"
  | "IDPRejectedClaim"
  | "InvalidAuthorizationMessageException"
  | "InvalidClientTokenId"
  | "MissingAuthenticationToken"
  | "NoSuchEntity"
  | "UnauthorizedOperation"
  | "DryRunOperation";

export interface StsError {
  code: StsErrorCode;
  message: string;
  /** For AccessDenied and UnauthorizedOperation: the opaque message DecodeAuthorizationMessage reads. */
  encodedMessage?: string;
  /** Plain-English steps that led to the refusal, for the learner. */
  explanation?: string[];
}

export type StsResult<T> = { ok: true; value: T } | { ok: false; error: StsError };

export function ok<T>(value: T): StsResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: StsErrorCode, message: string, extra: Omit<StsError, "code" | "message"> = {}): StsResult<T> {
  return { ok: false, error: { code, message, ...extra } };
}
