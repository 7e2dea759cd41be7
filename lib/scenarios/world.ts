// The scenario's AWS world as it stands at one step, and its translation into the STS simulation's
// AccountModel. Changes edit a World; every request reads a fresh AccountModel built from it, so a
// request always sees the policies as they are at that moment, as AWS evaluates them.

import type { NamedPolicy, PolicyInput } from "../iam/index.ts";
import type { AccountModel, IamGroup, IamRole, IamUser, ManagedPolicy } from "../iam/sts/index.ts";
import { membershipOf } from "./organization.ts";
import { inlineRef, managedArn, managedPolicyArn, orgRef } from "./refs.ts";
import type { AccountSpec, PolicyDocument, ScenarioDocument } from "./schema.ts";

export interface World {
  organization: ScenarioDocument["organization"];
  accounts: AccountSpec[];
  resources: NonNullable<ScenarioDocument["resources"]>;
  /** Seconds added to the scenario's start time by advanceTime changes. */
  elapsedSeconds: number;
}

export function initialWorld(document: ScenarioDocument): World {
  return structuredClone({
    organization: document.organization,
    accounts: document.accounts,
    resources: document.resources ?? [],
    elapsedSeconds: 0,
  });
}

const named = (id: string, document: PolicyDocument): NamedPolicy => ({ id, document });

function inline(owner: "user" | "group" | "role", name: string, policies: Record<string, PolicyDocument> | undefined): NamedPolicy[] {
  return Object.entries(policies ?? {}).map(([policy, document]) => named(inlineRef(owner, name, policy), document));
}

/** AWS attaches FullAWSAccess (and RCPFullAWSAccess) to every level until someone replaces it. */
const FULL_ACCESS: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const RCP_FULL_ACCESS: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
};

interface Level {
  name: string;
  policies: Record<string, PolicyDocument> | undefined;
  /** Keep FullAWSAccess next to the level's SCPs (a deny-list strategy). */
  fullAWSAccess?: boolean | undefined;
  /** false only in a what-if where RCPFullAWSAccess was replaced; AWS does not let it be detached. */
  rcpFullAWSAccess?: boolean | undefined;
}

/** The organization levels above an account, root first, ending with the account itself. */
function levelsOf(world: World, account: AccountSpec, type: "scps" | "rcps"): Level[] {
  const organization = world.organization;
  if (!organization) return [];
  const chain: Level[] = [];
  const seen = new Set<string>();
  let unitName = account.unit;
  while (unitName !== undefined && unitName !== "root" && !seen.has(unitName)) {
    seen.add(unitName);
    const unit = organization.units?.find((u) => u.name === unitName);
    if (!unit) break;
    chain.unshift({ name: unit.name, policies: unit[type], fullAWSAccess: unit.fullAWSAccess, rcpFullAWSAccess: unit.rcpFullAWSAccess });
    unitName = unit.parent;
  }
  const root = organization.root;
  return [
    { name: "root", policies: root?.[type], fullAWSAccess: root?.fullAWSAccess, rcpFullAWSAccess: root?.rcpFullAWSAccess },
    ...chain,
    { name: account.id, policies: account[type], fullAWSAccess: account.fullAWSAccess, rcpFullAWSAccess: account.rcpFullAWSAccess },
  ];
}

/** Whether any level of the organization carries policies of this type (otherwise leave them out). */
function organizationUses(world: World, type: "scps" | "rcps"): boolean {
  const o = world.organization;
  if (!o) return false;
  const has = (p: Record<string, PolicyDocument> | undefined) => p !== undefined && Object.keys(p).length > 0;
  return has(o.root?.[type]) || (o.units ?? []).some((u) => has(u[type])) || world.accounts.some((a) => has(a[type]));
}

/**
 * The SCP or RCP levels that bind an account. "SCPs don't affect users or roles in the management
 * account" and RCPs do not apply to its resources either (Organizations User Guide, "Service control
 * policies" and "Resource control policies"), so the management account gets none.
 */
function orgPolicies(world: World, account: AccountSpec, type: "scps" | "rcps"): PolicyInput[][] | undefined {
  if (!organizationUses(world, type)) return undefined;
  if (world.organization?.managementAccount === account.id) return undefined;
  const kind = type === "scps" ? "scp" : "rcp";
  return levelsOf(world, account, type).map((level) => {
    const entries = Object.entries(level.policies ?? {}).map(([name, document]) => named(orgRef(kind, level.name, name), document));
    // RCPFullAWSAccess is attached at every level and cannot be detached (Organizations User Guide,
    // "RCP evaluation"); FullAWSAccess stays until replaced, or next to others when asked to.
    const keepDefault = type === "rcps" ? level.rcpFullAWSAccess !== false : entries.length === 0 || level.fullAWSAccess === true;
    if (!keepDefault) return entries;
    const fallback = type === "scps" ? "FullAWSAccess" : "RCPFullAWSAccess";
    return [named(orgRef(kind, level.name, fallback), type === "scps" ? FULL_ACCESS : RCP_FULL_ACCESS), ...entries];
  });
}

export function toAccountModel(world: World): AccountModel {
  return {
    accounts: world.accounts.map((account) => {
      const arn = (nameOrArn: string) => managedPolicyArn(nameOrArn, account.id);
      const users: IamUser[] = (account.users ?? []).map((u) => {
        const user: IamUser = { name: u.name, inlinePolicies: inline("user", u.name, u.policies) };
        if (u.path) user.path = u.path;
        if (u.groups) user.groups = u.groups;
        if (u.managedPolicies) user.managedPolicyArns = u.managedPolicies.map(arn);
        if (u.boundary) user.permissionsBoundaryArn = arn(u.boundary);
        if (u.mfaDevices) user.mfaDevices = u.mfaDevices;
        if (u.accessKeys) user.accessKeys = u.accessKeys;
        if (u.tags) user.tags = u.tags;
        return user;
      });
      const groups: IamGroup[] = (account.groups ?? []).map((g) => {
        const group: IamGroup = { name: g.name, inlinePolicies: inline("group", g.name, g.policies) };
        if (g.path) group.path = g.path;
        if (g.managedPolicies) group.managedPolicyArns = g.managedPolicies.map(arn);
        return group;
      });
      const roles: IamRole[] = (account.roles ?? []).map((r) => {
        const role: IamRole = { name: r.name, trustPolicy: r.trustPolicy, inlinePolicies: inline("role", r.name, r.policies) };
        if (r.path) role.path = r.path;
        if (r.roleId) role.roleId = r.roleId;
        if (r.managedPolicies) role.managedPolicyArns = r.managedPolicies.map(arn);
        if (r.boundary) role.permissionsBoundaryArn = arn(r.boundary);
        if (r.maxSessionDuration !== undefined) role.maxSessionDuration = r.maxSessionDuration;
        if (r.tags) role.tags = r.tags;
        return role;
      });
      const managedPolicies: ManagedPolicy[] = Object.entries(account.managedPolicies ?? {}).map(([name, document]) => ({
        arn: managedArn(account.id, name),
        document,
      }));
      const out: AccountModel["accounts"][number] = { id: account.id, users, groups, roles, managedPolicies };
      const membership = membershipOf(world.organization, world.accounts, account);
      if (membership) out.organization = membership;
      if (account.samlProviders) out.samlProviders = account.samlProviders.map((name) => ({ name }));
      if (account.oidcProviders) out.oidcProviders = account.oidcProviders;
      if (account.rootMfaDevices) out.rootMfaDevices = account.rootMfaDevices;
      const scps = orgPolicies(world, account, "scps");
      if (scps) out.scps = scps;
      const rcps = orgPolicies(world, account, "rcps");
      if (rcps) out.rcps = rcps;
      return out;
    }),
  };
}

export function findAccountOf<T extends "users" | "roles" | "groups" | "instances">(
  world: World,
  collection: T,
  name: string,
  accountId?: string,
): { account: AccountSpec; entry: NonNullable<AccountSpec[T]>[number] } | undefined {
  for (const account of world.accounts) {
    if (accountId !== undefined && account.id !== accountId) continue;
    const list = (account[collection] ?? []) as { name?: string; id?: string }[];
    const key = collection === "instances" ? "id" : "name";
    // IAM names compare without case (IAM User Guide, "IAM identifiers"); instance ids are exact.
    const entry = list.find((e) => (key === "id" ? e.id === name : e.name?.toLowerCase() === name.toLowerCase()));
    if (entry) return { account, entry: entry as NonNullable<AccountSpec[T]>[number] };
  }
  return undefined;
}

/** A role's ARN, with its path (IAM User Guide, "IAM identifiers"). */
export function roleArnOf(accountId: string, role: { name: string; path?: string | undefined }): string {
  const path = !role.path || role.path === "/" ? "/" : `/${role.path.replace(/^\/+|\/+$/g, "")}/`;
  return `arn:aws:iam::${accountId}:role${path}${role.name}`;
}
