// AssumeRoleWithSAML and AssumeRoleWithWebIdentity: no AWS credentials, a Federated principal in the
// trust policy, and provider-specific condition keys.

import { describe, expect, it } from "vitest";
import {
  assumeRoleWithSaml,
  assumeRoleWithWebIdentity,
  encodeSamlAssertion,
  getSessionToken,
  nameQualifier,
  seededRandom,
  simulateRequest,
  type AccountModel,
  type AssumeRoleWithSamlParams,
  type SamlAssertion,
  type WebIdentityClaims,
} from "../../lib/iam/sts/index.ts";

const API = "https://docs.aws.amazon.com/STS/latest/APIReference";
const GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
const DOC = {
  saml: `AssumeRoleWithSAML (AWS STS API Reference) — ${API}/API_AssumeRoleWithSAML.html`,
  webIdentity: `AssumeRoleWithWebIdentity (AWS STS API Reference) — ${API}/API_AssumeRoleWithWebIdentity.html`,
  requesting: `Requesting temporary security credentials — ${GUIDE}/id_credentials_temp_request.html`,
  webIdentityKeys: `Available keys for AWS web identity federation (IAM and AWS STS condition context keys) — ${GUIDE}/reference_policies_iam-condition-keys.html`,
  samlKeys: `Available keys for SAML-based AWS STS federation — ${GUIDE}/reference_policies_iam-condition-keys.html#condition-keys-saml`,
  compare: `Compare AWS STS credentials — ${GUIDE}/id_credentials_sts-comparison.html`,
};

const A = "111122223333";
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const env = (now = NOW) => ({ now, random: seededRandom("federation") });
const PROVIDER = `arn:aws:iam::${A}:saml-provider/ExampleIdP`;
const SAML_ENDPOINT = "https://signin.aws.amazon.com/saml";

const federatedTrust = (federated: string, action: string | string[], condition?: object) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Federated: federated }, Action: action, ...(condition ? { Condition: condition } : {}) }],
});

const model: AccountModel = {
  accounts: [
    {
      id: A,
      samlProviders: [{ name: "ExampleIdP" }],
      oidcProviders: [{ url: "token.actions.githubusercontent.com", clientIds: ["sts.amazonaws.com"] }],
      roles: [
        {
          name: "SamlAdmins",
          trustPolicy: federatedTrust(PROVIDER, "sts:AssumeRoleWithSAML", { StringEquals: { "SAML:aud": SAML_ENDPOINT } }),
          inlinePolicies: [
            {
              Version: "2012-10-17",
              Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::home/${saml:sub}/*" }],
            },
          ],
          maxSessionDuration: 14400,
        },
        {
          name: "SamlEngineers",
          trustPolicy: federatedTrust(PROVIDER, ["sts:AssumeRoleWithSAML", "sts:TagSession"], {
            StringEquals: { "SAML:aud": SAML_ENDPOINT },
            "ForAnyValue:StringEquals": { "saml:edupersonaffiliation": "staff" },
          }),
        },
        {
          name: "GoogleApp",
          trustPolicy: federatedTrust("accounts.google.com", "sts:AssumeRoleWithWebIdentity", {
            StringEquals: { "accounts.google.com:aud": "1234.apps.googleusercontent.com" },
          }),
        },
        {
          name: "CognitoAuthenticated",
          trustPolicy: federatedTrust("cognito-identity.amazonaws.com", "sts:AssumeRoleWithWebIdentity", {
            StringEquals: { "cognito-identity.amazonaws.com:aud": "us-east-1:pool-id" },
            "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
          }),
          inlinePolicies: [
            {
              Version: "2012-10-17",
              Statement: [
                { Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::uploads/${cognito-identity.amazonaws.com:sub}/*" },
              ],
            },
          ],
        },
        {
          name: "GitHubDeploy",
          trustPolicy: federatedTrust(
            `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`,
            "sts:AssumeRoleWithWebIdentity",
            {
              StringLike: { "token.actions.githubusercontent.com:sub": "repo:example/app:*" },
            },
          ),
        },
      ],
    },
  ],
};

const assertion = (overrides: Partial<SamlAssertion> = {}): SamlAssertion => ({
  Issuer: "https://idp.example.com/saml",
  Subject: "jdoe",
  SubjectType: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
  Recipient: SAML_ENDPOINT,
  NotOnOrAfter: NOW + 5 * 60_000,
  RoleSessionName: "jdoe@example.com",
  Attributes: { edupersonaffiliation: ["staff", "member"] },
  ...overrides,
});

const samlParams = (
  role: string,
  overrides: Partial<SamlAssertion> = {},
  extra: Partial<AssumeRoleWithSamlParams> = {},
): AssumeRoleWithSamlParams => ({
  RoleArn: `arn:aws:iam::${A}:role/${role}`,
  PrincipalArn: PROVIDER,
  SAMLAssertion: assertion(overrides),
  ...extra,
});

describe(`AssumeRoleWithSAML (${DOC.saml}; ${DOC.samlKeys})`, () => {
  const cases: { name: string; params: AssumeRoleWithSamlParams; code?: string; message?: RegExp }[] = [
    { name: "the trust policy names the provider and saml:aud matches", params: samlParams("SamlAdmins") },
    {
      name: "base64 of the assertion works the same",
      params: { ...samlParams("SamlAdmins"), SAMLAssertion: encodeSamlAssertion(assertion()) },
    },
    {
      name: "the assertion is for another recipient",
      params: samlParams("SamlAdmins", { Recipient: "https://example.com/acs" }),
      code: "AccessDenied",
      message: /Not authorized to perform sts:AssumeRoleWithSAML/,
    },
    { name: "a multivalued attribute condition (ForAnyValue) matches", params: samlParams("SamlEngineers") },
    {
      name: "a multivalued attribute condition does not match",
      params: samlParams("SamlEngineers", { Attributes: { edupersonaffiliation: ["student"] } }),
      code: "AccessDenied",
    },
    { name: "the assertion has expired", params: samlParams("SamlAdmins", { NotOnOrAfter: NOW }), code: "ExpiredToken" },
    {
      name: "the provider does not exist",
      params: { ...samlParams("SamlAdmins"), PrincipalArn: `arn:aws:iam::${A}:saml-provider/Other` },
      code: "InvalidIdentityToken",
    },
    {
      name: "the Role attribute does not list this role",
      params: samlParams("SamlAdmins", { Roles: [`arn:aws:iam::${A}:role/SamlEngineers,${PROVIDER}`] }),
      code: "AccessDenied",
    },
    {
      name: "the Role attribute lists this role",
      params: samlParams("SamlAdmins", { Roles: [`${PROVIDER},arn:aws:iam::${A}:role/SamlAdmins`] }),
    },
    {
      name: "principal tags need sts:TagSession in the trust policy",
      params: samlParams("SamlAdmins", { PrincipalTags: { dept: "eng" } }),
      code: "AccessDenied",
      message: /sts:TagSession/,
    },
    { name: "principal tags with sts:TagSession allowed", params: samlParams("SamlEngineers", { PrincipalTags: { dept: "eng" } }) },
    { name: "a duration up to the role maximum", params: samlParams("SamlAdmins", {}, { DurationSeconds: 14400 }) },
    {
      name: "a duration over the role maximum",
      params: samlParams("SamlAdmins", {}, { DurationSeconds: 14401 }),
      code: "ValidationError",
      message: /MaxSessionDuration/,
    },
  ];
  it.each(cases)("$name", ({ params, code, message }) => {
    const result = assumeRoleWithSaml(model, params, env());
    expect(result.ok ? undefined : result.error.code).toBe(code);
    if (!result.ok && message) expect(result.error.message).toMatch(message);
  });

  it("returns the assumed-role ARN, subject, audience and NameQualifier, and caps the session at SessionNotOnOrAfter", () => {
    const result = assumeRoleWithSaml(
      model,
      samlParams("SamlAdmins", { SessionNotOnOrAfter: NOW + 1800_000 }, { DurationSeconds: 7200 }),
      env(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value;
    expect(value.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${A}:assumed-role/SamlAdmins/jdoe@example.com`);
    expect(value.Subject).toBe("jdoe");
    expect(value.SubjectType).toBe("persistent");
    expect(value.Audience).toBe(SAML_ENDPOINT);
    expect(value.NameQualifier).toBe(nameQualifier("https://idp.example.com/saml", A, "ExampleIdP"));
    expect(value.NameQualifier).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(value.session.expiresAtMs - NOW).toBe(1800_000);
    expect(value.Credentials.AccessKeyId).toMatch(/^ASIA/);
  });

  it("SAML keys stay in the session's context, so the role's policy can use ${saml:sub}", () => {
    const result = assumeRoleWithSaml(model, samlParams("SamlAdmins"), env());
    if (!result.ok) throw new Error(result.error.message);
    const caller = { kind: "session" as const, session: result.value.session };
    const own = simulateRequest(model, caller, { action: "s3:GetObject", resource: "arn:aws:s3:::home/jdoe/notes.txt" }, env());
    const other = simulateRequest(model, caller, { action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/notes.txt" }, env());
    expect(own.ok).toBe(true);
    expect(other.ok).toBe(false);
  });

  it(`its credentials cannot call GetSessionToken (${DOC.compare})`, () => {
    const result = assumeRoleWithSaml(model, samlParams("SamlAdmins"), env());
    if (!result.ok) throw new Error(result.error.message);
    const refused = getSessionToken(model, { kind: "session", session: result.value.session }, {}, env());
    expect(refused.ok ? undefined : refused.error.code).toBe("AccessDenied");
  });
});

function jwt(claims: object): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${encode({ alg: "RS256", typ: "JWT" })}.${encode(claims)}.signature`;
}

const exp = Math.floor(NOW / 1000) + 600;
const google: WebIdentityClaims = {
  iss: "https://accounts.google.com",
  sub: "110169484474386276334",
  aud: "1234.apps.googleusercontent.com",
  exp,
};
const cognito: WebIdentityClaims = {
  iss: "https://cognito-identity.amazonaws.com",
  sub: "us-east-1:abcd-1234",
  aud: "us-east-1:pool-id",
  amr: ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_pool"],
  exp,
};
const github: WebIdentityClaims = {
  iss: "https://token.actions.githubusercontent.com",
  sub: "repo:example/app:ref:refs/heads/main",
  aud: "sts.amazonaws.com",
  exp,
};

describe(`AssumeRoleWithWebIdentity (${DOC.webIdentity}; ${DOC.webIdentityKeys})`, () => {
  const cases: { name: string; role: string; token: string | WebIdentityClaims; code?: string; message?: RegExp }[] = [
    { name: "Google: accounts.google.com:aud matches", role: "GoogleApp", token: google },
    { name: "Google as a JWT string", role: "GoogleApp", token: jwt(google) },
    {
      name: "Google: another app's token",
      role: "GoogleApp",
      token: { ...google, aud: "9999.apps.googleusercontent.com" },
      code: "AccessDenied",
    },
    // With an azp claim, accounts.google.com:aud is the azp, not the aud.
    {
      name: "Google: azp is what accounts.google.com:aud reads",
      role: "GoogleApp",
      token: { ...google, aud: "other", azp: "1234.apps.googleusercontent.com" },
    },
    { name: "Cognito: authenticated identity", role: "CognitoAuthenticated", token: cognito },
    {
      name: "Cognito: unauthenticated identity",
      role: "CognitoAuthenticated",
      token: { ...cognito, amr: ["unauthenticated"] },
      code: "AccessDenied",
    },
    { name: "OIDC provider registered in IAM, sub matches", role: "GitHubDeploy", token: github },
    {
      name: "OIDC provider, another repository",
      role: "GitHubDeploy",
      token: { ...github, sub: "repo:other/app:ref:refs/heads/main" },
      code: "AccessDenied",
    },
    {
      name: "OIDC provider, audience not in its client ids",
      role: "GitHubDeploy",
      token: { ...github, aud: "something-else" },
      code: "InvalidIdentityToken",
      message: /audience/,
    },
    {
      name: "OIDC issuer not registered",
      role: "GitHubDeploy",
      token: { ...github, iss: "https://unknown.example.com" },
      code: "InvalidIdentityToken",
      message: /No OpenIDConnect provider/,
    },
    { name: "a provider the trust policy does not name", role: "GoogleApp", token: cognito, code: "AccessDenied" },
    { name: "an expired token", role: "GoogleApp", token: { ...google, exp: Math.floor(NOW / 1000) }, code: "ExpiredToken" },
    { name: "not a JWT", role: "GoogleApp", token: "not-a-token", code: "InvalidIdentityToken" },
  ];
  it.each(cases)("$name", ({ role, token, code, message }) => {
    const result = assumeRoleWithWebIdentity(
      model,
      { RoleArn: `arn:aws:iam::${A}:role/${role}`, RoleSessionName: "app-user", WebIdentityToken: token },
      env(),
    );
    expect(result.ok ? undefined : result.error.code).toBe(code);
    if (!result.ok && message) expect(result.error.message).toMatch(message);
  });

  it("returns the subject, provider and audience, and the session keeps the provider's keys", () => {
    const result = assumeRoleWithWebIdentity(
      model,
      { RoleArn: `arn:aws:iam::${A}:role/CognitoAuthenticated`, RoleSessionName: "app-user", WebIdentityToken: cognito },
      env(),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.SubjectFromWebIdentityToken).toBe("us-east-1:abcd-1234");
    expect(result.value.Provider).toBe("cognito-identity.amazonaws.com");
    expect(result.value.Audience).toBe("us-east-1:pool-id");
    expect(result.value.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${A}:assumed-role/CognitoAuthenticated/app-user`);
    const caller = { kind: "session" as const, session: result.value.session };
    const own = simulateRequest(
      model,
      caller,
      { action: "s3:PutObject", resource: "arn:aws:s3:::uploads/us-east-1:abcd-1234/photo.jpg" },
      env(),
    );
    const other = simulateRequest(
      model,
      caller,
      { action: "s3:PutObject", resource: "arn:aws:s3:::uploads/us-east-1:other/photo.jpg" },
      env(),
    );
    expect(own.ok).toBe(true);
    expect(other.ok).toBe(false);
    if (own.ok) expect(own.value.input.request.context?.["aws:FederatedProvider"]).toBe("cognito-identity.amazonaws.com");
  });

  it("needs no caller credentials and validates the session name", () => {
    const bad = assumeRoleWithWebIdentity(
      model,
      { RoleArn: `arn:aws:iam::${A}:role/GoogleApp`, RoleSessionName: "x", WebIdentityToken: google },
      env(),
    );
    expect(bad.ok ? undefined : bad.error.code).toBe("ValidationError");
  });
});
