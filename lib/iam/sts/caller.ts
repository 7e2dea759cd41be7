// Who is calling, resolved against the account model: the principal ARN a request is made as, its
// aws:userid, and the policies that bound it. A session's policies are read from the model at request
// time, as AWS evaluates a role's current policies for every request made with its sessions.

import type { NamedPolicy } from "../index.ts";
import {
  boundaryPolicy,
  findAccount,
  findRole,
  findUser,
  roleArn,
  roleIdentityPolicies,
  rootArn,
  userArn,
  userIdentityPolicies,
  userIdOf,
  roleIdOf,
} from "./directory.ts";
import type { Account, AccountModel, Caller, IamRole, IamUser, Session } from "./model.ts";
import { fail, ok, type StsResult } from "./result.ts";

export interface ResolvedCaller {
  /** Absent for callers outside any account (an identity provider calling AssumeRoleWith*). */
  caller?: Caller;
  account: Account;
  /** The principal requests are made as. */
  principalArn: string;
  /** aws:userid, as GetCallerIdentity reports it. */
  userId: string;
  /** Unique id of the user or role behind the principal (RequestInput.principalId). */
  principalId?: string;
  /** The role (with path) or user a session was issued to (RequestInput.sessionIssuer). */
  sessionIssuer?: string;
  identityPolicies: NamedPolicy[];
  permissionsBoundary?: NamedPolicy;
  sessionPolicies: NamedPolicy[];
  session?: Session;
  user?: IamUser;
  role?: IamRole;
  isRoot: boolean;
  /** aws:PrincipalTag values. */
  tags: Record<string, string>;
}

/**
 * The root user has every permission in its account; a session issued by root (GetFederationToken)
 * gets the intersection of that and its session policy, so root's permissions are written as this.
 */
export const ROOT_PERMISSIONS: NamedPolicy = {
  id: "root:all-permissions",
  document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
};

const INVALID_TOKEN = "The security token included in the request is invalid.";

function resolveSession(model: AccountModel, caller: Caller & { kind: "session" }, account: Account): ResolvedCaller {
  const session = caller.session;
  const base = {
    caller,
    account,
    principalArn: session.principalArn,
    userId: session.userId,
    session,
    isRoot: false,
    tags: { ...session.tags },
    sessionPolicies: session.sessionPolicies as NamedPolicy[],
  };
  if (session.roleName !== undefined) {
    const role = findRole(account, session.roleName);
    const resolved: ResolvedCaller = {
      ...base,
      identityPolicies: role ? roleIdentityPolicies(model, role) : [],
    };
    if (role) {
      resolved.role = role;
      resolved.principalId = roleIdOf(account.id, role);
      resolved.sessionIssuer = roleArn(account.id, role);
      const boundary = boundaryPolicy(model, role.permissionsBoundaryArn);
      if (boundary) resolved.permissionsBoundary = boundary;
    }
    return resolved;
  }
  if (session.userName !== undefined) {
    const user = findUser(account, session.userName);
    const resolved: ResolvedCaller = { ...base, identityPolicies: user ? userIdentityPolicies(model, account, user) : [] };
    if (user) {
      resolved.user = user;
      resolved.principalId = userIdOf(account.id, user);
      if (session.origin === "GetFederationToken") resolved.sessionIssuer = userArn(account.id, user);
      const boundary = boundaryPolicy(model, user.permissionsBoundaryArn);
      if (boundary) resolved.permissionsBoundary = boundary;
    }
    return resolved;
  }
  // A session of the root user (GetSessionToken or GetFederationToken called with root credentials).
  const resolved: ResolvedCaller = { ...base, isRoot: session.origin === "GetSessionToken", identityPolicies: [] };
  if (session.origin === "GetFederationToken") {
    resolved.identityPolicies = [ROOT_PERMISSIONS];
    resolved.sessionIssuer = rootArn(account.id);
  }
  return resolved;
}

/** The user or root user an access key id belongs to; inactive keys sign nothing. */
function callerOfAccessKey(model: AccountModel, accessKeyId: string): StsResult<Caller> {
  for (const account of model.accounts) {
    const rootKey = account.rootAccessKeys?.find((k) => k.accessKeyId === accessKeyId);
    if (rootKey && rootKey.status !== "Inactive") return ok({ kind: "root", accountId: account.id });
    for (const user of account.users ?? []) {
      const key = user.accessKeys?.find((k) => k.accessKeyId === accessKeyId);
      if (key && key.status !== "Inactive") return ok({ kind: "user", accountId: account.id, userName: user.name });
    }
  }
  return fail("InvalidClientTokenId", INVALID_TOKEN);
}

/** Resolves a caller; fails as AWS does for unsigned requests, unknown identities and expired sessions. */
export function resolveCaller(model: AccountModel, caller: Caller, nowMs: number): StsResult<ResolvedCaller> {
  if (caller.kind === "anonymous") return fail("MissingAuthenticationToken", "Request is missing Authentication Token");
  if (caller.kind === "accessKey") {
    const owner = callerOfAccessKey(model, caller.accessKeyId);
    return owner.ok ? resolveCaller(model, owner.value, nowMs) : owner;
  }
  const accountId = caller.kind === "session" ? caller.session.accountId : caller.accountId;
  const account = findAccount(model, accountId);
  if (!account) return fail("InvalidClientTokenId", INVALID_TOKEN);
  switch (caller.kind) {
    case "root":
      return ok({
        caller,
        account,
        principalArn: rootArn(account.id),
        userId: account.id,
        identityPolicies: [],
        sessionPolicies: [],
        isRoot: true,
        tags: {},
      });
    case "user": {
      const user = findUser(account, caller.userName);
      if (!user) return fail("InvalidClientTokenId", INVALID_TOKEN);
      const resolved: ResolvedCaller = {
        caller,
        account,
        principalArn: userArn(account.id, user),
        userId: userIdOf(account.id, user),
        principalId: userIdOf(account.id, user),
        identityPolicies: userIdentityPolicies(model, account, user),
        sessionPolicies: [],
        user,
        isRoot: false,
        tags: { ...(user.tags ?? {}) },
      };
      const boundary = boundaryPolicy(model, user.permissionsBoundaryArn);
      if (boundary) resolved.permissionsBoundary = boundary;
      return ok(resolved);
    }
    case "session":
      if (nowMs >= caller.session.expiresAtMs) {
        return fail("ExpiredToken", "The security token included in the request is expired");
      }
      return ok(resolveSession(model, caller, account));
  }
}

/** Whether the caller is a role session: AssumeRole from one is role chaining. */
export function isRoleSession(resolved: ResolvedCaller): boolean {
  return resolved.session?.roleName !== undefined;
}
