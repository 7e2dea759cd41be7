// Who a step's `as` names, resolved against the world at that moment: long-term credentials of a user
// or the root user, a role session (directly, or through an instance profile), the session an earlier
// STS step minted, or a caller outside any account (a service principal, an unsigned request).

import { evaluate } from "../iam/index.ts";
import { generateAccessKeyId, roleIdOf, seededRandom, type Caller, type Session } from "../iam/sts/index.ts";
import { trustRef } from "./refs.ts";
import type { AccountSpec, CallerSpec, RoleSpec } from "./schema.ts";
import { findAccountOf, roleArnOf, type World } from "./world.ts";

export type ResolvedCaller =
  | { kind: "sts"; caller: Caller; notes: string[] }
  | { kind: "direct"; principal: string; notes: string[] }
  | { kind: "unavailable"; reason: string };

/** How long EC2 instance profile credentials last before the metadata service rotates them. */
const INSTANCE_CREDENTIAL_SECONDS = 6 * 3600;

function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** A session of the role as AWS mints one for an instance profile or a service's execution role. */
function roleSession(account: AccountSpec, role: RoleSpec, sessionName: string, nowMs: number): Session {
  const principalArn = `arn:aws:sts::${account.id}:assumed-role/${role.name}/${sessionName}`;
  // Its own random stream, so resolving a caller never shifts the keys later STS calls mint.
  const random = seededRandom(principalArn);
  const expiresAtMs = nowMs + INSTANCE_CREDENTIAL_SECONDS * 1000;
  return {
    origin: "AssumeRole",
    credentials: {
      AccessKeyId: generateAccessKeyId("ASIA", account.id, random),
      SecretAccessKey: "(delivered by the instance metadata service)",
      SessionToken: "(delivered by the instance metadata service)",
      Expiration: isoSeconds(expiresAtMs),
    },
    accountId: account.id,
    principalArn,
    // The role's unique id (AROA...), derived from its ARN as the STS simulation does (IAM User Guide, "IAM identifiers").
    userId: `${roleIdOf(account.id, role)}:${sessionName}`,
    roleName: role.name,
    sessionName,
    sessionPolicies: [],
    issuedAtMs: nowMs,
    expiresAtMs,
    tags: { ...(role.tags ?? {}) },
    transitiveTagKeys: [],
    providerContext: {},
  };
}

/** Whether the role's trust policy lets the service assume it (without that, no credentials reach the instance). */
function serviceMayAssume(account: AccountSpec, role: RoleSpec, service: string): boolean {
  const result = evaluate({
    request: { principal: service, action: "sts:AssumeRole", resource: roleArnOf(account.id, role) },
    resourcePolicy: { id: trustRef(role.name), document: role.trustPolicy },
  });
  return result.decision === "allowed";
}

export function resolveCaller(world: World, sessions: ReadonlyMap<string, Session>, spec: CallerSpec, nowMs: number): ResolvedCaller {
  if (spec.anonymous) return { kind: "direct", principal: "anonymous", notes: ["The request is unsigned: it is made anonymously."] };
  if (spec.service !== undefined)
    return { kind: "direct", principal: spec.service, notes: [`The service ${spec.service} makes the request.`] };
  if (spec.root !== undefined) return { kind: "sts", caller: { kind: "root", accountId: spec.root }, notes: [] };
  if (spec.user !== undefined) {
    const found = findAccountOf(world, "users", spec.user, spec.account);
    if (!found) return { kind: "unavailable", reason: `There is no user ${spec.user}.` };
    return { kind: "sts", caller: { kind: "user", accountId: found.account.id, userName: found.entry.name }, notes: [] };
  }
  if (spec.session !== undefined) {
    const session = sessions.get(String(spec.session));
    if (!session)
      return {
        kind: "unavailable",
        reason: `Step ${spec.session} produced no credentials, so there is nothing to sign this request with.`,
      };
    return { kind: "sts", caller: { kind: "session", session }, notes: [] };
  }
  if (spec.role !== undefined) {
    const found = findAccountOf(world, "roles", spec.role, spec.account);
    if (!found) return { kind: "unavailable", reason: `There is no role ${spec.role}.` };
    const session = roleSession(found.account, found.entry, spec.sessionName ?? "session", nowMs);
    return {
      kind: "sts",
      caller: { kind: "session", session },
      notes: [`The request is signed with a session of the role ${found.entry.name}.`],
    };
  }
  const instanceId = spec.instance ?? "";
  const found = findAccountOf(world, "instances", instanceId);
  if (!found) return { kind: "unavailable", reason: `There is no instance ${instanceId}.` };
  const instance = found.entry;
  const unsigned = (why: string) => ({
    kind: "direct" as const,
    principal: "anonymous",
    notes: [`${why} The instance has no credentials, so its request is unsigned: AWS sees an anonymous caller.`],
  });
  if (instance.role === undefined) return unsigned(`No role is attached to the instance ${instanceId}.`);
  const role = found.account.roles?.find((r) => r.name.toLowerCase() === instance.role!.toLowerCase());
  if (!role) return unsigned(`The role ${instance.role} attached to ${instanceId} does not exist.`);
  const service = instance.service ?? "ec2.amazonaws.com";
  if (!serviceMayAssume(found.account, role, service)) {
    return unsigned(`The trust policy of ${role.name} does not let ${service} assume it, so the instance profile delivers no credentials.`);
  }
  const session = roleSession(found.account, role, instanceId, nowMs);
  return {
    kind: "sts",
    caller: { kind: "session", session },
    notes: [`The instance ${instanceId} signs with credentials of its role ${role.name} (instance profile), as ${session.principalArn}.`],
  };
}
