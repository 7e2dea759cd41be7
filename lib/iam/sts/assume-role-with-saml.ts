// AssumeRoleWithSAML (STS API Reference; IAM User Guide, "Requesting temporary security credentials"
// and "About SAML 2.0-based federation"). The simulator takes the assertion as structured data (or
// base64 of its JSON) instead of signed XML: signature checking is not what a learner practises.
// The role's trust policy must name the SAML provider as a Federated principal and allow
// sts:AssumeRoleWithSAML, usually with conditions on saml:aud and friends.

import type { ContextValue } from "../index.ts";
import { encodeBase64, decodeBase64 } from "./base64.ts";
import { isoSeconds, toEpochMs } from "./clock.ts";
import { findAccount, findRole, parseRoleArn, parseSamlProviderArn } from "./directory.ts";
import { roleSessionDuration } from "./durations.ts";
import type { TimeAndRandomness } from "./time-and-randomness.ts";
import { authorizeFederated } from "./federation.ts";
import type { AccountModel, Session, TemporaryCredentials } from "./model.ts";
import { fail, ok, type StsResult } from "./result.ts";
import { mintRoleSession, tagRequestContext, type AssumedRoleUser } from "./role-session.ts";
import { prepareSessionPolicies, type SessionPolicyParams } from "./session-policies.ts";
import { sha1 } from "./sha1.ts";
import { checkSessionTags, CONSTRAINTS, DURATION_RANGES, duplicateTagKey, Violations, type SessionTag } from "./validation.ts";
import { trustActions } from "./trust-actions.ts";

/** What the simulator reads from a SAML response. */
export interface SamlAssertion {
  /** The Issuer element: the IdP's entity id. */
  Issuer: string;
  /** The NameID of the Subject. */
  Subject: string;
  /** NameID Format: "persistent", "transient" or a full URI. */
  SubjectType?: string;
  /** Recipient of SubjectConfirmationData; AWS expects https://signin.aws.amazon.com/saml. */
  Recipient?: string;
  /** The assertion is rejected at or after this time (ISO 8601 or epoch ms). */
  NotOnOrAfter?: string | number;
  /** The session ends no later than this (the SessionNotOnOrAfter of the AuthnStatement). */
  SessionNotOnOrAfter?: string | number;
  /** https://aws.amazon.com/SAML/Attributes/RoleSessionName */
  RoleSessionName: string;
  /** https://aws.amazon.com/SAML/Attributes/Role values: "roleArn,providerArn" pairs. */
  Roles?: string[];
  /** https://aws.amazon.com/SAML/Attributes/PrincipalTag:<key> */
  PrincipalTags?: Record<string, string>;
  TransitiveTagKeys?: string[];
  /** https://aws.amazon.com/SAML/Attributes/SourceIdentity */
  SourceIdentity?: string;
  /** Other attributes exposed as saml:<name> keys (eduPersonAffiliation, cn, uid...). */
  Attributes?: Record<string, string | string[]>;
}

export interface AssumeRoleWithSamlParams extends SessionPolicyParams {
  RoleArn: string;
  /** The SAML provider's ARN (arn:aws:iam::ACCOUNT:saml-provider/NAME). */
  PrincipalArn: string;
  /** The assertion, or base64 of its JSON as an application would pass it along. */
  SAMLAssertion: SamlAssertion | string;
  DurationSeconds?: number;
}

export interface AssumeRoleWithSamlResponse {
  Credentials: TemporaryCredentials;
  AssumedRoleUser: AssumedRoleUser;
  Subject: string;
  SubjectType: string;
  Issuer: string;
  Audience: string;
  NameQualifier: string;
  PackedPolicySize?: number;
  SourceIdentity?: string;
  session: Session;
  explanation: string[];
}

const AWS_SAML_ENDPOINT = "https://signin.aws.amazon.com/saml";
const NAMEID_PREFIX = "urn:oasis:names:tc:SAML:2.0:nameid-format:";

/** Base64 of an assertion's JSON, the form an application hands to AssumeRoleWithSAML here. */
export function encodeSamlAssertion(assertion: SamlAssertion): string {
  return encodeBase64(new TextEncoder().encode(JSON.stringify(assertion)));
}

function readAssertion(input: SamlAssertion | string): SamlAssertion | undefined {
  if (typeof input !== "string") return input;
  const bytes = decodeBase64(input.trim());
  if (!bytes) return undefined;
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as SamlAssertion;
    return typeof value === "object" && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

function instantMs(value: string | number): number {
  return typeof value === "number" ? value : Date.parse(value);
}

/** "The NameQualifier is BASE64(SHA1(Issuer + AccountId + "/" + ProviderName))" (AssumeRoleWithSAML response). */
export function nameQualifier(issuer: string, accountId: string, providerName: string): string {
  return encodeBase64(sha1(`${issuer}${accountId}/${providerName}`));
}

/**
 * The SAML keys the trust policy reads (IAM User Guide, "Available keys for SAML-based federation"):
 * saml:aud, iss, sub, sub_type, namequalifier, and every other attribute as saml:<name>.
 */
export function samlContextKeys(assertion: SamlAssertion, provider: { accountId: string; name: string }): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {
    "saml:aud": assertion.Recipient ?? AWS_SAML_ENDPOINT,
    "saml:iss": assertion.Issuer,
    "saml:sub": assertion.Subject,
    "saml:sub_type": (assertion.SubjectType ?? "persistent").replace(NAMEID_PREFIX, ""),
    "saml:namequalifier": nameQualifier(assertion.Issuer, provider.accountId, provider.name),
  };
  for (const [name, value] of Object.entries(assertion.Attributes ?? {})) context[`saml:${name}`] = value;
  return context;
}

export function assumeRoleWithSaml(
  model: AccountModel,
  params: AssumeRoleWithSamlParams,
  given: TimeAndRandomness,
): StsResult<AssumeRoleWithSamlResponse> {
  const nowMs = toEpochMs(given.now);
  const violations = new Violations()
    .text("roleArn", params.RoleArn, CONSTRAINTS.arn, true)
    .text("principalArn", params.PrincipalArn, CONSTRAINTS.arn, true)
    .range("durationSeconds", params.DurationSeconds, DURATION_RANGES.role);
  if (typeof params.SAMLAssertion === "string") violations.text("sAMLAssertion", params.SAMLAssertion, CONSTRAINTS.samlAssertion, true);
  const invalid = violations.result<AssumeRoleWithSamlResponse>();
  if (invalid) return invalid;

  const assertion = readAssertion(params.SAMLAssertion);
  if (!assertion || typeof assertion.Issuer !== "string" || typeof assertion.Subject !== "string") {
    return fail("InvalidIdentityToken", "The SAML assertion could not be read: it needs an Issuer and a Subject.");
  }
  const attributeViolations = new Violations().text("RoleSessionName", assertion.RoleSessionName, CONSTRAINTS.roleSessionName, true);
  const tags: SessionTag[] = Object.entries(assertion.PrincipalTags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  checkSessionTags(attributeViolations, tags, assertion.TransitiveTagKeys);
  attributeViolations.text("SourceIdentity", assertion.SourceIdentity, CONSTRAINTS.sourceIdentity);
  const badAttributes = attributeViolations.result<AssumeRoleWithSamlResponse>();
  if (badAttributes)
    return fail(
      "InvalidIdentityToken",
      `The SAML assertion's attributes are invalid: ${badAttributes.ok ? "" : badAttributes.error.message}`,
    );
  const duplicate = duplicateTagKey(tags);
  if (duplicate) return fail("InvalidIdentityToken", `Duplicate PrincipalTag attribute ${duplicate}; tag keys are case insensitive.`);

  if (assertion.NotOnOrAfter !== undefined && nowMs >= instantMs(assertion.NotOnOrAfter)) {
    return fail("ExpiredToken", "The SAML assertion has expired (its NotOnOrAfter time has passed).");
  }

  const roleParts = parseRoleArn(params.RoleArn);
  if (!roleParts) return fail("ValidationError", `${params.RoleArn} is not a valid IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).`);
  const providerParts = parseSamlProviderArn(params.PrincipalArn);
  if (!providerParts)
    return fail("ValidationError", `${params.PrincipalArn} is not a SAML provider ARN (arn:aws:iam::ACCOUNT:saml-provider/NAME).`);
  const providerAccount = findAccount(model, providerParts.accountId);
  if (!providerAccount?.samlProviders?.some((p) => p.name === providerParts.name)) {
    return fail("InvalidIdentityToken", `No SAML provider ${params.PrincipalArn} exists in IAM.`);
  }

  const notAuthorized = fail<AssumeRoleWithSamlResponse>("AccessDenied", "Not authorized to perform sts:AssumeRoleWithSAML");
  // The Role attribute lists which role/provider pairs the IdP lets this user choose.
  if (assertion.Roles) {
    const listed = assertion.Roles.some((pair) => {
      const parts = pair.split(",").map((p) => p.trim());
      return parts.includes(params.RoleArn) && parts.includes(params.PrincipalArn);
    });
    if (!listed) return notAuthorized;
  }
  const account = findAccount(model, roleParts.accountId);
  const role = account ? findRole(account, roleParts.name) : undefined;
  if (!account || !role) return notAuthorized;

  const policies = prepareSessionPolicies(model, account.id, params, tags);
  if (!policies.ok) return policies;
  const requested = roleSessionDuration(params.DurationSeconds, role.maxSessionDuration, false);
  if (!requested.ok) return requested;
  // "Your role session lasts for the duration that you specify ... or until the time specified in the
  // SAML authentication response's SessionNotOnOrAfter value, whichever is shorter."
  let duration = requested.value;
  if (assertion.SessionNotOnOrAfter !== undefined) {
    const left = Math.floor((instantMs(assertion.SessionNotOnOrAfter) - nowMs) / 1000);
    if (left <= 0) return fail("ExpiredToken", "The SAML session has ended (its SessionNotOnOrAfter time has passed).");
    duration = Math.min(duration, left);
  }

  const samlContext = samlContextKeys(assertion, providerParts);
  const subjectType = samlContext["saml:sub_type"] as string;
  const audience = samlContext["saml:aud"] as string;
  const qualifier = samlContext["saml:namequalifier"] as string;
  const context: Record<string, ContextValue> = { ...samlContext, ...tagRequestContext(tags, assertion.TransitiveTagKeys) };
  if (assertion.SourceIdentity !== undefined) context["sts:SourceIdentity"] = assertion.SourceIdentity;

  const actions = trustActions("sts:AssumeRoleWithSAML", { tagged: tags.length > 0, sourceIdentity: assertion.SourceIdentity });
  const trust = authorizeFederated(model, params.PrincipalArn, account, params.RoleArn, role.trustPolicy, actions, context, nowMs);
  if (!trust.ok) return trust;

  const spec: Parameters<typeof mintRoleSession>[0] = {
    origin: "AssumeRoleWithSAML",
    account,
    role,
    sessionName: assertion.RoleSessionName,
    durationSeconds: duration,
    sessionPolicies: policies.value.policies,
    sessionTags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])),
    transitiveTagKeys: assertion.TransitiveTagKeys ?? [],
    federatedProvider: params.PrincipalArn,
    providerContext: samlContext,
  };
  if (assertion.SourceIdentity !== undefined) spec.sourceIdentity = assertion.SourceIdentity;
  const { session, assumedRoleUser } = mintRoleSession(spec, nowMs, given.random);
  const explanation = [
    ...trust.value,
    `Issued credentials for ${assumedRoleUser.Arn}, valid for ${duration} seconds (until ${isoSeconds(session.expiresAtMs)}).`,
  ];
  const response: AssumeRoleWithSamlResponse = {
    Credentials: session.credentials,
    AssumedRoleUser: assumedRoleUser,
    Subject: assertion.Subject,
    SubjectType: subjectType,
    Issuer: assertion.Issuer,
    Audience: audience,
    NameQualifier: qualifier,
    session,
    explanation,
  };
  if (policies.value.packedPolicySize !== undefined) response.PackedPolicySize = policies.value.packedPolicySize;
  if (assertion.SourceIdentity !== undefined) response.SourceIdentity = assertion.SourceIdentity;
  return ok(response);
}
