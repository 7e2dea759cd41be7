// Changes a step makes to the world: detaching a role from an instance, removing a statement,
// replacing or attaching a policy, moving a user between groups, letting time pass. Each edits the
// World in place and says in words what it did, for the card's narrative.

import { managedPolicyArn } from "./refs.ts";
import type { ChangeSpec, PolicyDocument } from "./schema.ts";
import { findAccountOf, type World } from "./world.ts";

/** A policy reference found in the world: read and replace its document, or delete it. */
export interface PolicySlot {
  get(): PolicyDocument | undefined;
  set(document: PolicyDocument): void;
  remove(): void;
}

function recordSlot(
  record: Record<string, PolicyDocument> | undefined,
  ensure: () => Record<string, PolicyDocument>,
  name: string,
): PolicySlot {
  return {
    get: () => record?.[name],
    set: (document) => {
      ensure()[name] = document;
    },
    remove: () => {
      if (record) delete record[name];
    },
  };
}

/** Finds the policy a reference names (see refs.ts), or undefined. */
export function policySlot(world: World, ref: string): PolicySlot | undefined {
  const slash = ref.indexOf("/");
  const head = ref.slice(0, slash);
  const rest = ref.slice(slash + 1);
  if (head === "resource") {
    const entry = world.resources.find((r) => r.arn === rest);
    return {
      get: () => entry?.policy,
      set: (document) => {
        if (entry) entry.policy = document;
        else world.resources.push({ arn: rest, policy: document });
      },
      remove: () => {
        if (entry) delete entry.policy;
      },
    };
  }
  if (head === "trust") {
    const role = findAccountOf(world, "roles", rest)?.entry;
    if (!role) return undefined;
    return {
      get: () => role.trustPolicy,
      set: (d) => void (role.trustPolicy = d),
      remove: () => void (role.trustPolicy = { Version: "2012-10-17", Statement: [] }),
    };
  }
  if (head === "managed") {
    const account = world.accounts.find((a) => a.managedPolicies?.[rest] !== undefined);
    if (!account) return undefined;
    return recordSlot(account.managedPolicies, () => (account.managedPolicies ??= {}), rest);
  }
  if (head === "user" || head === "group" || head === "role") {
    const [owner = "", ...policy] = rest.split("/");
    const found = findAccountOf(world, `${head}s` as "users" | "groups" | "roles", owner);
    if (!found) return undefined;
    const entry = found.entry as { policies?: Record<string, PolicyDocument> };
    return recordSlot(entry.policies, () => (entry.policies ??= {}), policy.join("/"));
  }
  if (head === "scp" || head === "rcp") {
    const [level = "", ...name] = rest.split("/");
    const key = head === "scp" ? "scps" : "rcps";
    const holder =
      level === "root"
        ? ((world.organization ??= {}).root ?? (world.organization.root = {}))
        : (world.organization?.units?.find((u) => u.name === level) ?? world.accounts.find((a) => a.id === level));
    if (!holder) return undefined;
    return recordSlot(holder[key], () => (holder[key] ??= {}), name.join("/"));
  }
  return undefined;
}

function principalEntry(
  world: World,
  to: { user?: string | undefined; group?: string | undefined; role?: string | undefined; account?: string | undefined },
) {
  const [collection, name] =
    to.user !== undefined
      ? (["users", to.user] as const)
      : to.group !== undefined
        ? (["groups", to.group] as const)
        : (["roles", to.role ?? ""] as const);
  const found = findAccountOf(world, collection, name, to.account);
  return found ? { ...found, what: `${collection.slice(0, -1)} ${name}` } : undefined;
}

function statementsOf(document: PolicyDocument): { list: unknown[]; write: (list: unknown[]) => PolicyDocument } {
  const parsed = (typeof document === "string" ? JSON.parse(document) : structuredClone(document)) as Record<string, unknown>;
  const s = parsed.Statement;
  const list = Array.isArray(s) ? [...s] : s === undefined ? [] : [s];
  return { list, write: (next) => ({ ...parsed, Statement: next }) };
}

/** Applies a change; returns what happened, in words. Throws an Error naming what is missing. */
export function applyChange(world: World, change: ChangeSpec): string {
  switch (change.kind) {
    case "detachInstanceRole": {
      const instance = findAccountOf(world, "instances", change.instance)?.entry;
      if (!instance) throw new Error(`there is no instance ${change.instance}`);
      const before = instance.role;
      delete instance.role;
      return `The role ${before ?? "(none)"} is removed from the instance ${change.instance}.`;
    }
    case "attachInstanceRole": {
      const instance = findAccountOf(world, "instances", change.instance)?.entry;
      if (!instance) throw new Error(`there is no instance ${change.instance}`);
      instance.role = change.role;
      return `The role ${change.role} is attached to the instance ${change.instance}.`;
    }
    case "removeStatement": {
      const slot = policySlot(world, change.policy);
      const document = slot?.get();
      if (!slot || document === undefined) throw new Error(`there is no policy ${change.policy}`);
      const { list, write } = statementsOf(document);
      const index = change.sid !== undefined ? list.findIndex((s) => (s as { Sid?: unknown }).Sid === change.sid) : (change.index ?? -1);
      if (index < 0 || index >= list.length) throw new Error(`${change.policy} has no statement ${change.sid ?? change.index}`);
      list.splice(index, 1);
      slot.set(write(list));
      return `Statement ${change.sid !== undefined ? `"${change.sid}"` : index} is removed from ${change.policy}.`;
    }
    case "setPolicy": {
      const slot = policySlot(world, change.policy);
      if (!slot) throw new Error(`there is no place for the policy ${change.policy}`);
      slot.set(change.document);
      return `The policy ${change.policy} is replaced.`;
    }
    case "deletePolicy": {
      const slot = policySlot(world, change.policy);
      if (!slot || slot.get() === undefined) throw new Error(`there is no policy ${change.policy}`);
      slot.remove();
      return `The policy ${change.policy} is deleted.`;
    }
    case "attachPolicy": {
      const found = principalEntry(world, change.to);
      if (!found) throw new Error("there is no such principal");
      const entry = found.entry as { policies?: Record<string, PolicyDocument>; managedPolicies?: string[] };
      if (change.managed !== undefined) {
        (entry.managedPolicies ??= []).push(change.managed);
        return `The managed policy ${change.managed} is attached to the ${found.what}.`;
      }
      const name = change.name ?? `policy${Object.keys(entry.policies ?? {}).length + 1}`;
      (entry.policies ??= {})[name] = change.document ?? { Version: "2012-10-17", Statement: [] };
      return `The inline policy ${name} is added to the ${found.what}.`;
    }
    case "detachManagedPolicy": {
      const found = principalEntry(world, change.from);
      if (!found) throw new Error("there is no such principal");
      const entry = found.entry as { managedPolicies?: string[] };
      const arn = managedPolicyArn(change.managed, found.account.id);
      entry.managedPolicies = (entry.managedPolicies ?? []).filter((m) => managedPolicyArn(m, found.account.id) !== arn);
      return `The managed policy ${change.managed} is detached from the ${found.what}.`;
    }
    case "setBoundary": {
      const found = principalEntry(world, change.of);
      if (!found) throw new Error("there is no such principal");
      const entry = found.entry as { boundary?: string };
      if (change.boundary === null) {
        delete entry.boundary;
        return `The permissions boundary of the ${found.what} is removed.`;
      }
      entry.boundary = change.boundary;
      return `The permissions boundary of the ${found.what} is set to ${change.boundary}.`;
    }
    case "addUserToGroup":
    case "removeUserFromGroup": {
      const user = findAccountOf(world, "users", change.user, change.account)?.entry;
      if (!user) throw new Error(`there is no user ${change.user}`);
      const groups = (user.groups ?? []).filter((g) => g.toLowerCase() !== change.group.toLowerCase());
      if (change.kind === "addUserToGroup") groups.push(change.group);
      user.groups = groups;
      return change.kind === "addUserToGroup"
        ? `${change.user} joins the group ${change.group}.`
        : `${change.user} leaves the group ${change.group}.`;
    }
    case "setMaxSessionDuration": {
      const role = findAccountOf(world, "roles", change.role, change.account)?.entry;
      if (!role) throw new Error(`there is no role ${change.role}`);
      role.maxSessionDuration = change.seconds;
      return `The maximum session duration of ${change.role} is set to ${change.seconds} seconds.`;
    }
    case "advanceTime":
      world.elapsedSeconds += change.seconds;
      return `${change.seconds} seconds pass.`;
  }
}
