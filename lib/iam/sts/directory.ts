// Looking things up in the account model: accounts, users, roles, groups, managed policies, and the
// ARNs and unique ids AWS gives them (IAM User Guide, "IAM identifiers").

import type { NamedPolicy, PolicyInput } from "../types.ts";
import type { Account, AccountModel, IamGroup, IamRole, IamUser, ManagedPolicy } from "./model.ts";
import { fnv1a32 } from "../../random/index.ts";

export const PARTITION = "aws";

export function findAccount(model: AccountModel, accountId: string): Account | undefined {
  return model.accounts.find((a) => a.id === accountId);
}

export function findUser(account: Account, userName: string): IamUser | undefined {
  // IAM user and role names are unique ignoring case (IAM User Guide, "IAM identifiers").
  const wanted = userName.toLowerCase();
  return account.users?.find((u) => u.name.toLowerCase() === wanted);
}

export function findRole(account: Account, roleName: string): IamRole | undefined {
  const wanted = roleName.toLowerCase();
  return account.roles?.find((r) => r.name.toLowerCase() === wanted);
}

export function findGroup(account: Account, groupName: string): IamGroup | undefined {
  const wanted = groupName.toLowerCase();
  return account.groups?.find((g) => g.name.toLowerCase() === wanted);
}

function normalisedPath(path: string | undefined): string {
  if (!path || path === "/") return "/";
  return `${path.startsWith("/") ? "" : "/"}${path}${path.endsWith("/") ? "" : "/"}`;
}

export function rootArn(accountId: string): string {
  return `arn:${PARTITION}:iam::${accountId}:root`;
}

export function userArn(accountId: string, user: IamUser): string {
  return `arn:${PARTITION}:iam::${accountId}:user${normalisedPath(user.path)}${user.name}`;
}

export function roleArn(accountId: string, role: IamRole): string {
  return `arn:${PARTITION}:iam::${accountId}:role${normalisedPath(role.path)}${role.name}`;
}

export function assumedRoleArn(accountId: string, roleName: string, sessionName: string): string {
  // The assumed-role ARN carries the role name without its path (IAM User Guide, "IAM identifiers").
  return `arn:${PARTITION}:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
}

export function federatedUserArn(accountId: string, name: string): string {
  return `arn:${PARTITION}:sts::${accountId}:federated-user/${name}`;
}

export interface RoleArnParts {
  accountId: string;
  path: string;
  name: string;
}

/** Splits arn:aws:iam::ACCOUNT:role/PATH/NAME; undefined if it is not a role ARN. */
export function parseRoleArn(arn: string): RoleArnParts | undefined {
  const match = /^arn:[\w-]+:iam::(\d{12}):role(\/(?:[^/]+\/)*)?([\w+=,.@-]+)$/.exec(arn);
  if (!match) return undefined;
  return { accountId: match[1] ?? "", path: match[2] ?? "/", name: match[3] ?? "" };
}

/** Splits arn:aws:iam::ACCOUNT:saml-provider/NAME. */
export function parseSamlProviderArn(arn: string): { accountId: string; name: string } | undefined {
  const match = /^arn:[\w-]+:iam::(\d{12}):saml-provider\/([\w.-]+)$/.exec(arn);
  if (!match) return undefined;
  return { accountId: match[1] ?? "", name: match[2] ?? "" };
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * A stable unique id (AIDA... for users, AROA... for roles: 4 + 17 characters) for entities the
 * model gives no id. Derived from the ARN so the same scenario always shows the same id.
 */
export function derivedUniqueId(prefix: "AIDA" | "AROA", arn: string): string {
  let out = prefix;
  let h = fnv1a32(arn);
  for (let i = 0; i < 17; i++) {
    h = fnv1a32(`${h}:${arn}:${i}`);
    out += ID_ALPHABET[h % ID_ALPHABET.length];
  }
  return out;
}

export function userIdOf(accountId: string, user: IamUser): string {
  return user.userId ?? derivedUniqueId("AIDA", userArn(accountId, user));
}

export function roleIdOf(accountId: string, role: IamRole): string {
  return role.roleId ?? derivedUniqueId("AROA", roleArn(accountId, role));
}

export function findManagedPolicy(model: AccountModel, arn: string): ManagedPolicy | undefined {
  const owner = /^arn:[\w-]+:iam::([^:]+):policy\//.exec(arn)?.[1];
  if (owner === "aws") return model.awsManagedPolicies?.find((p) => p.arn === arn);
  if (!owner) return undefined;
  return findAccount(model, owner)?.managedPolicies?.find((p) => p.arn === arn);
}

function named(id: string, input: PolicyInput): NamedPolicy {
  if (typeof input === "object" && input !== null && "document" in input && "id" in input) {
    return input as NamedPolicy;
  }
  return { id, document: input as NamedPolicy["document"] };
}

function managed(model: AccountModel, arns: string[] | undefined): NamedPolicy[] {
  const out: NamedPolicy[] = [];
  for (const arn of arns ?? []) {
    const policy = findManagedPolicy(model, arn);
    // A dangling attachment grants nothing; IAM would not let it exist, so skipping is faithful.
    if (policy) out.push({ id: policy.arn, document: policy.document });
  }
  return out;
}

/** A user's identity policies: inline, attached managed, and those of every group it belongs to. */
export function userIdentityPolicies(model: AccountModel, account: Account, user: IamUser): NamedPolicy[] {
  const policies = (user.inlinePolicies ?? []).map((p, i) => named(`inline:user/${user.name}/${i}`, p));
  policies.push(...managed(model, user.managedPolicyArns));
  for (const groupName of user.groups ?? []) {
    const group = findGroup(account, groupName);
    if (!group) continue;
    policies.push(...(group.inlinePolicies ?? []).map((p, i) => named(`inline:group/${group.name}/${i}`, p)));
    policies.push(...managed(model, group.managedPolicyArns));
  }
  return policies;
}

export function roleIdentityPolicies(model: AccountModel, role: IamRole): NamedPolicy[] {
  const policies = (role.inlinePolicies ?? []).map((p, i) => named(`inline:role/${role.name}/${i}`, p));
  policies.push(...managed(model, role.managedPolicyArns));
  return policies;
}

export function boundaryPolicy(model: AccountModel, arn: string | undefined): NamedPolicy | undefined {
  if (!arn) return undefined;
  const policy = findManagedPolicy(model, arn);
  return policy ? { id: policy.arn, document: policy.document } : undefined;
}
