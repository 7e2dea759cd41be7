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

const account = z.strictObject({
  id: accountId,
  /** The organizational unit the account sits in (when there is an organization). */
  unit: nonEmpty.optional(),
  users: z.array(user).optional(),
  groups: z.array(group).optional(),
  roles: z.array(role).optional(),
  managedPolicies: namedPolicies.optional(),
  instances: z.array(instance).optional(),
  rootMfaDevices: z.array(mfaDevice).optional(),
  ...orgPolicies,
});

const organization = z.strictObject({
  root: z.strictObject(orgPolicies).optional(),
  units: z.array(z.strictObject({ name: nonEmpty, parent: nonEmpty.optional(), ...orgPolicies })).optional(),
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

const request = z.strictObject({
  as: callerSchema,
  action: z.string().regex(/^[\w-]+:[\w*?-]+$/, 'an action is "service:Action"'),
  resource: nonEmpty,
  resourceAccount: accountId.optional(),
  context: contextValues.optional(),
});

const duration = z.number().int();
const sessionPolicy = { Policy: policyDocument.optional(), PolicyArns: z.array(nonEmpty).optional() };
const mfa = { SerialNumber: z.string().optional(), TokenCode: z.string().optional() };

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
    ...sessionPolicy,
    ...mfa,
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
const question = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("allowed"), step: stepRef, ...prompt }),
  z.strictObject({ kind: z.literal("decidingPolicy"), step: stepRef, ...prompt }),
  z.strictObject({ kind: z.literal("change"), step: stepRef, requests: z.array(stepRef).min(1).max(3), ...prompt }),
  z.strictObject({ kind: z.literal("summary"), policy: nonEmpty, ...prompt }),
  z.strictObject({ kind: z.literal("sts"), step: stepRef, ask: z.enum(["outcome", "duration", "credential", "decoded"]), ...prompt }),
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
