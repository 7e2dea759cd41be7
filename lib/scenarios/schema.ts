// The scenario format, as zod schemas. A scenario is a small AWS world (organization, accounts with
// users, groups, roles, managed policies and instances, resources with policies), a list of steps
// (requests, STS calls, changes) and questions about them. Objects are strict so a misspelt element
// is reported rather than silently ignored. Policies are checked afterwards by lib/iam's parser,
// which knows the policy grammar far better than a schema could.

import { z } from "zod";

const nonEmpty = z.string().min(1, "must not be empty");

/** A policy document: a JSON object, or JSON text. */
export const policyDocument = z.union([z.string(), z.record(z.string(), z.unknown())], {
  error: "a policy is a JSON object (or JSON text) with Version and Statement",
});

/** Named policies: name -> document. The name becomes part of the policy's reference. */
const namedPolicies = z.record(nonEmpty, policyDocument);

export const NAME_KINDS = ["account", "user", "group", "role", "bucket", "key", "instance", "policy", "session", "text"] as const;

const nameEntry = z.union([z.string(), z.strictObject({ value: z.string(), kind: z.enum(NAME_KINDS).optional() })], {
  error: "a name is a string, or { value, kind } with kind one of account, user, group, role, bucket, key, instance, policy, session, text",
});

const accountId = z.string().regex(/^(\d{12}|\{\{[A-Za-z][\w-]*\}\})$/, "an account id is twelve digits (or a {{name}})");

const mfaDevice = z.strictObject({
  serialNumber: nonEmpty,
  currentCode: z.string().regex(/^(\d{6}|\{\{[A-Za-z][\w-]*\}\})$/, "a code is six digits"),
});
const accessKey = z.strictObject({
  accessKeyId: nonEmpty,
  secretAccessKey: z.string().optional(),
  status: z.enum(["Active", "Inactive"]).optional(),
});
const tags = z.record(z.string(), z.string());

const user = z.strictObject({
  name: nonEmpty,
  path: z.string().optional(),
  groups: z.array(nonEmpty).optional(),
  policies: namedPolicies.optional(),
  /** Names of the account's managed policies, or managed policy ARNs. */
  managedPolicies: z.array(nonEmpty).optional(),
  boundary: nonEmpty.optional(),
  mfaDevices: z.array(mfaDevice).optional(),
  accessKeys: z.array(accessKey).optional(),
  tags: tags.optional(),
});

const group = z.strictObject({
  name: nonEmpty,
  path: z.string().optional(),
  policies: namedPolicies.optional(),
  managedPolicies: z.array(nonEmpty).optional(),
});

const role = z.strictObject({
  name: nonEmpty,
  path: z.string().optional(),
  roleId: z.string().optional(),
  trustPolicy: policyDocument,
  policies: namedPolicies.optional(),
  managedPolicies: z.array(nonEmpty).optional(),
  boundary: nonEmpty.optional(),
  maxSessionDuration: z
    .number()
    .int()
    .min(3600, "MaxSessionDuration is 3600..43200 seconds")
    .max(43200, "MaxSessionDuration is 3600..43200 seconds")
    .optional(),
  tags: tags.optional(),
});

/** A compute resource whose role (instance profile, execution role) signs its requests. */
const instance = z.strictObject({
  id: nonEmpty,
  /** The role attached through the instance profile; absent: the instance has no credentials. */
  role: nonEmpty.optional(),
  /** The service that assumes the role for it. */
  service: nonEmpty.optional(),
});

const orgPolicies = { scps: namedPolicies.optional(), rcps: namedPolicies.optional() };

/**
 * AWS's own organization policies at a level: FullAWSAccess stays attached next to the level's SCPs
 * when `fullAWSAccess` is true (a deny-list strategy); RCPFullAWSAccess is always attached and cannot be
 * detached (Organizations User Guide, "RCP evaluation"), so `rcpFullAWSAccess: false` only models a
 * what-if where it was replaced.
 */
const levelDefaults = { fullAWSAccess: z.boolean().optional(), rcpFullAWSAccess: z.boolean().optional() };

/** An OIDC identity provider registered in IAM (arn:aws:iam::ACCOUNT:oidc-provider/URL). */
const oidcProvider = z.strictObject({
  /** The issuer without https://, e.g. token.actions.githubusercontent.com. */
  url: nonEmpty,
  /** The audiences (client ids) IAM accepts for it. */
  clientIds: z.array(nonEmpty).min(1, "an OIDC provider lists at least one client id (audience)"),
});

const account = z.strictObject({
  id: accountId,
  /** SAML providers registered in IAM, by name (arn:aws:iam::ACCOUNT:saml-provider/NAME). */
  samlProviders: z.array(nonEmpty).optional(),
  oidcProviders: z.array(oidcProvider).optional(),
  /** The organizational unit the account sits in (when there is an organization). */
  unit: nonEmpty.optional(),
  users: z.array(user).optional(),
  groups: z.array(group).optional(),
  roles: z.array(role).optional(),
  managedPolicies: namedPolicies.optional(),
  instances: z.array(instance).optional(),
  rootMfaDevices: z.array(mfaDevice).optional(),
  ...orgPolicies,
  ...levelDefaults,
});

const organization = z.strictObject({
  /** The organization id, o- followed by 10 to 32 lower-case letters or digits. */
  id: z
    .string()
    .regex(/^o-[a-z0-9]{10,32}$/, "an organization id is o- followed by 10 to 32 lower-case letters or digits")
    .optional(),
  /** The management account: SCPs and RCPs do not apply to it. */
  managementAccount: accountId.optional(),
  root: z.strictObject({ ...orgPolicies, ...levelDefaults }).optional(),
  units: z.array(z.strictObject({ name: nonEmpty, parent: nonEmpty.optional(), ...orgPolicies, ...levelDefaults })).optional(),
});

const resource = z.strictObject({
  arn: nonEmpty,
  /** The owning account, for ARNs that do not carry one (S3). */
  account: accountId.optional(),
  policy: policyDocument.optional(),
});

/** Who makes a request or a call: exactly one of these. */
export const callerSchema = z
  .strictObject({
    user: nonEmpty.optional(),
    role: nonEmpty.optional(),
    account: accountId.optional(),
    session: z.union([nonEmpty, z.number().int().positive()]).optional(),
    root: accountId.optional(),
    instance: nonEmpty.optional(),
    service: nonEmpty.optional(),
    anonymous: z.literal(true).optional(),
    sessionName: nonEmpty.optional(),
  })
  .superRefine((value, ctx) => {
    const given = (["user", "role", "session", "root", "instance", "service", "anonymous"] as const).filter((k) => value[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "name exactly one caller: user, role, session (a step id), root, instance, service or anonymous",
      });
    }
  });

const contextValues = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const stepRef = z.union([nonEmpty, z.number().int().positive()]);

/** How a request reaches AWS: over TLS (https, the default) or not; from which address. */
const transport = {
  transport: z.enum(["https", "http"]).optional(),
  /** The caller's public IP address (aws:SourceIp). */
  sourceIp: z
    .string()
    .regex(/^[0-9a-fA-F:.]+$/, "an IP address (IPv4 or IPv6)")
    .optional(),
};

const request = z.strictObject({
  as: callerSchema,
  action: z.string().regex(/^[\w-]+:[\w*?-]+$/, 'an action is "service:Action"'),
  resource: nonEmpty,
  resourceAccount: accountId.optional(),
  context: contextValues.optional(),
  ...transport,
});

const duration = z.number().int();
const sessionPolicy = { Policy: policyDocument.optional(), PolicyArns: z.array(nonEmpty).optional() };
const mfa = { SerialNumber: z.string().optional(), TokenCode: z.string().optional() };

const stringOrList = z.union([z.string(), z.array(z.string())]);

/** What the simulation reads from a SAML response (its signature is not what a learner practises). */
const samlAssertion = z.strictObject({
  Issuer: nonEmpty,
  Subject: nonEmpty,
  SubjectType: z.string().optional(),
  /** SAML:aud; AWS expects https://signin.aws.amazon.com/saml. */
  Recipient: z.string().optional(),
  /** Seconds from the call until the assertion expires (NotOnOrAfter), so a card reads the same any day. */
  ExpiresInSeconds: z.number().int().optional(),
  /** Seconds from the call until SessionNotOnOrAfter: the session ends no later. */
  SessionExpiresInSeconds: z.number().int().positive().optional(),
  RoleSessionName: nonEmpty,
  /** The https://aws.amazon.com/SAML/Attributes/Role values: "roleArn,providerArn". */
  Roles: z.array(nonEmpty).optional(),
  PrincipalTags: tags.optional(),
  TransitiveTagKeys: z.array(z.string()).optional(),
  SourceIdentity: z.string().optional(),
  /** Other attributes, read as SAML:<name> keys (eduPersonAffiliation, cn, uid...). */
  Attributes: z.record(z.string(), stringOrList).optional(),
});

/** The claims of the OIDC token (its signature is not checked). */
const webIdentityToken = z.strictObject({
  /** The issuer: https://accounts.google.com, cognito-identity.amazonaws.com, or a registered OIDC provider's URL. */
  iss: z.string().optional(),
  sub: nonEmpty,
  aud: stringOrList,
  azp: z.string().optional(),
  amr: stringOrList.optional(),
  /** Seconds from the call until the token expires (exp); one hour when absent. */
  expiresInSeconds: z.number().int().optional(),
  /** Session tags and transitive keys in AWS's claim. */
  principal_tags: z.record(z.string(), stringOrList).optional(),
  transitive_tag_keys: z.array(z.string()).optional(),
  source_identity: z.string().optional(),
});

const stsCall = z.discriminatedUnion("call", [
  z.strictObject({
    call: z.literal("AssumeRole"),
    as: callerSchema,
    RoleArn: nonEmpty,
    RoleSessionName: nonEmpty,
    DurationSeconds: duration.optional(),
    ExternalId: z.string().optional(),
    SourceIdentity: z.string().optional(),
    Tags: z.array(z.strictObject({ Key: z.string(), Value: z.string() })).optional(),
    TransitiveTagKeys: z.array(z.string()).optional(),
    ...sessionPolicy,
    ...mfa,
  }),
  z.strictObject({
    // No `as`: the call is not signed with AWS credentials; the IdP's assertion stands for the caller.
    call: z.literal("AssumeRoleWithSAML"),
    RoleArn: nonEmpty,
    /** The SAML provider's ARN. */
    PrincipalArn: nonEmpty,
    SAMLAssertion: samlAssertion,
    DurationSeconds: duration.optional(),
    ...sessionPolicy,
  }),
  z.strictObject({
    call: z.literal("AssumeRoleWithWebIdentity"),
    RoleArn: nonEmpty,
    RoleSessionName: nonEmpty,
    WebIdentityToken: webIdentityToken,
    /** Only for OAuth 2.0 access tokens: www.amazon.com or graph.facebook.com. */
    ProviderId: z.enum(["www.amazon.com", "graph.facebook.com"]).optional(),
    DurationSeconds: duration.optional(),
    ...sessionPolicy,
  }),
  z.strictObject({ call: z.literal("GetSessionToken"), as: callerSchema, DurationSeconds: duration.optional(), ...mfa }),
  z.strictObject({
    call: z.literal("GetFederationToken"),
    as: callerSchema,
    Name: nonEmpty,
    DurationSeconds: duration.optional(),
    ...sessionPolicy,
  }),
  z.strictObject({ call: z.literal("GetCallerIdentity"), as: callerSchema }),
  z.strictObject({
    call: z.literal("GetAccessKeyInfo"),
    as: callerSchema,
    AccessKeyId: z.string().optional(),
    /** Take the key id minted by an earlier STS step. */
    AccessKeyIdFrom: stepRef.optional(),
  }),
  z.strictObject({
    call: z.literal("DecodeAuthorizationMessage"),
    as: callerSchema,
    EncodedMessage: z.string().optional(),
    /** Take the encoded message of an earlier denied request. */
    EncodedMessageFrom: stepRef.optional(),
  }),
]);

const principalRef = z
  .strictObject({ user: nonEmpty.optional(), group: nonEmpty.optional(), role: nonEmpty.optional(), account: accountId.optional() })
  .superRefine((value, ctx) => {
    if ([value.user, value.group, value.role].filter((v) => v !== undefined).length !== 1) {
      ctx.addIssue({ code: "custom", message: "name exactly one of user, group or role" });
    }
  });

const change = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("detachInstanceRole"), instance: nonEmpty }),
  z.strictObject({ kind: z.literal("attachInstanceRole"), instance: nonEmpty, role: nonEmpty }),
  z.strictObject({
    kind: z.literal("removeStatement"),
    policy: nonEmpty,
    sid: z.string().optional(),
    index: z.number().int().min(0).optional(),
  }),
  z.strictObject({ kind: z.literal("setPolicy"), policy: nonEmpty, document: policyDocument }),
  z.strictObject({ kind: z.literal("deletePolicy"), policy: nonEmpty }),
  z.strictObject({
    kind: z.literal("attachPolicy"),
    to: principalRef,
    name: nonEmpty.optional(),
    document: policyDocument.optional(),
    managed: nonEmpty.optional(),
  }),
  z.strictObject({ kind: z.literal("detachManagedPolicy"), from: principalRef, managed: nonEmpty }),
  z.strictObject({ kind: z.literal("setBoundary"), of: principalRef, boundary: z.union([nonEmpty, z.null()]) }),
  z.strictObject({ kind: z.literal("addUserToGroup"), user: nonEmpty, group: nonEmpty, account: accountId.optional() }),
  z.strictObject({ kind: z.literal("removeUserFromGroup"), user: nonEmpty, group: nonEmpty, account: accountId.optional() }),
  z.strictObject({
    kind: z.literal("setMaxSessionDuration"),
    role: nonEmpty,
    seconds: z.number().int().min(3600).max(43200),
    account: accountId.optional(),
  }),
  z.strictObject({ kind: z.literal("advanceTime"), seconds: z.number().int().positive() }),
]);

const step = z
  .strictObject({
    id: z.union([nonEmpty, z.number().int().positive()]).optional(),
    /** Short text naming the step in options and on cards ("GetSessionToken with the MFA code"). */
    label: z.string().optional(),
    request: request.optional(),
    sts: stsCall.optional(),
    change: change.optional(),
  })
  .superRefine((value, ctx) => {
    if ([value.request, value.sts, value.change].filter((v) => v !== undefined).length !== 1) {
      ctx.addIssue({ code: "custom", message: "a step is exactly one of request, sts or change" });
    }
  });

const prompt = { prompt: z.string().optional() };
/** What an sts question asks: the call's outcome, its credentials' lifetime, the credentials, the
 * decoded message, or (GetCallerIdentity) the identity it reports. */
export const STS_ASKS = ["outcome", "duration", "credential", "decoded", "identity"] as const;
const question = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("allowed"), step: stepRef, ...prompt }),
  z.strictObject({ kind: z.literal("decidingPolicy"), step: stepRef, ...prompt }),
  z.strictObject({ kind: z.literal("change"), step: stepRef, requests: z.array(stepRef).min(1).max(3), ...prompt }),
  z.strictObject({ kind: z.literal("summary"), policy: nonEmpty, ...prompt }),
  z.strictObject({ kind: z.literal("findings"), policy: nonEmpty, ...prompt }),
  z.strictObject({ kind: z.literal("sts"), step: stepRef, ask: z.enum(STS_ASKS), ...prompt }),
  z.strictObject({
    kind: z.literal("whichCall"),
    candidates: z.array(stepRef).min(2).max(6),
    then: z.strictObject({ action: request.shape.action, resource: nonEmpty, context: contextValues.optional() }),
    ...prompt,
  }),
]);

export const scenarioSchema = z.strictObject({
  title: nonEmpty,
  deck: z.array(nonEmpty).min(1, "a deck path has at least one name"),
  /** Markdown shown on the front of every card, above the question. */
  description: z.string().optional(),
  /** Where the claim comes from (a note, a documentation page). */
  source: z.string().optional(),
  /** Names that a variant may change; written {{key}} anywhere in the scenario's text values. */
  names: z.record(z.string().regex(/^[A-Za-z][\w-]*$/, "a name key is letters, digits, _ and -"), nameEntry).optional(),
  organization: organization.optional(),
  accounts: z.array(account).min(1, "a scenario has at least one account"),
  resources: z.array(resource).optional(),
  steps: z.array(step).default([]),
  questions: z.array(question).min(1, "a scenario asks at least one question"),
});

export type ScenarioDocument = z.infer<typeof scenarioSchema>;
export type AccountSpec = ScenarioDocument["accounts"][number];
export type UserSpec = NonNullable<AccountSpec["users"]>[number];
export type GroupSpec = NonNullable<AccountSpec["groups"]>[number];
export type RoleSpec = NonNullable<AccountSpec["roles"]>[number];
export type InstanceSpec = NonNullable<AccountSpec["instances"]>[number];
export type ResourceSpec = NonNullable<ScenarioDocument["resources"]>[number];
export type CallerSpec = z.infer<typeof callerSchema>;
export type StepSpec = ScenarioDocument["steps"][number];
export type RequestSpec = NonNullable<StepSpec["request"]>;
export type StsCallSpec = NonNullable<StepSpec["sts"]>;
export type ChangeSpec = NonNullable<StepSpec["change"]>;
export type ScenarioQuestionSpec = ScenarioDocument["questions"][number];
export type PolicyDocument = z.infer<typeof policyDocument>;
export type NameKind = (typeof NAME_KINDS)[number];
export type StepRef = string | number;
