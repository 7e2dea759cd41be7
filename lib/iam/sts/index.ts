// Public face of the STS simulation: AWS Security Token Service operations over a small account
// model, every authorization decided by the evaluator core. Calls are pure: time and randomness come
// in as their last argument (TimeAndRandomness), and each returns { ok: true, value } or
// { ok: false, error: { code, message } }.

export type {
  AccessKey,
  Account,
  AccountModel,
  Caller,
  IamGroup,
  IamRole,
  IamUser,
  ManagedPolicy,
  MfaDevice,
  OidcProvider,
  OrganizationMembership,
  SamlProvider,
  Session,
  SessionOrigin,
  TemporaryCredentials,
} from "./model.ts";
export type { TimeAndRandomness } from "./time-and-randomness.ts";
export type { Instant } from "./clock.ts";
export { seededRandom } from "./random.ts";
export type { RandomSource } from "../../random/index.ts";
export { fail, ok, type StsError, type StsErrorCode, type StsResult } from "./result.ts";
export type { SessionTag } from "./validation.ts";
export type { AssumedRoleUser } from "./role-session.ts";

export { assumeRole, type AssumeRoleParams, type AssumeRoleResponse } from "./assume-role.ts";
export {
  assumeRoleWithSaml,
  encodeSamlAssertion,
  nameQualifier,
  samlContextKeys,
  type AssumeRoleWithSamlParams,
  type AssumeRoleWithSamlResponse,
  type SamlAssertion,
} from "./assume-role-with-saml.ts";
export {
  assumeRoleWithWebIdentity,
  decodeJwtClaims,
  webIdentityProvider,
  type WebIdentityProvider,
  type AssumeRoleWithWebIdentityParams,
  type AssumeRoleWithWebIdentityResponse,
  type WebIdentityClaims,
} from "./assume-role-with-web-identity.ts";
export { getSessionToken, type GetSessionTokenParams, type GetSessionTokenResponse } from "./get-session-token.ts";
export { getFederationToken, type GetFederationTokenParams, type GetFederationTokenResponse } from "./get-federation-token.ts";
export { getCallerIdentity, type GetCallerIdentityResponse } from "./get-caller-identity.ts";
export { getAccessKeyInfo, type GetAccessKeyInfoParams, type GetAccessKeyInfoResponse } from "./get-access-key-info.ts";
export {
  decodeAuthorizationMessage,
  type DecodeAuthorizationMessageParams,
  type DecodeAuthorizationMessageResponse,
} from "./decode-authorization-message.ts";
export type { DecodedAuthorizationMessage, DecodedStatement } from "./authorization-message.ts";
export { dryRun, simulateRequest, type SimulatedRequest, type SimulatedResponse } from "./requests.ts";
export { accountFromAccessKeyId, generateAccessKeyId } from "./credentials.ts";
export { roleSessionDuration, tokenDuration } from "./durations.ts";
export { roleIdOf } from "./directory.ts";
export { ROOT_PERMISSIONS } from "./caller.ts";
