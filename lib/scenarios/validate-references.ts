// Checks that everything a scenario names exists where it is named: step ids are unique, callers and
// groups and managed policies exist, sessions come from earlier STS steps, changes apply (they are
// played over a copy of the world), and each question points at the kind of step it needs.

import { applyChange, policySlot } from "./changes.ts";
import { formatJsonPath } from "../errors/index.ts";
import { ScenarioError } from "./errors.ts";
import { inlineRef, managedPolicyArn, managedArn } from "./refs.ts";
import type { CallerSpec, ScenarioDocument, StepSpec } from "./schema.ts";
import { findAccountOf, initialWorld, type World } from "./world.ts";

type Path = PropertyKey[];
const fail = (path: Path, message: string, code: "unknownReference" | "duplicate" = "unknownReference"): never => {
  throw new ScenarioError(code, message, formatJsonPath(path));
};

function checkWorld(document: ScenarioDocument): void {
  const accountIds = new Set<string>();
  const refs = new Set<string>();
  const units = new Set((document.organization?.units ?? []).map((u) => u.name));
  document.organization?.units?.forEach((unit, i) => {
    if (unit.parent !== undefined && unit.parent !== "root" && !units.has(unit.parent))
      fail(["organization", "units", i, "parent"], `there is no OU ${unit.parent}`);
  });
  const management = document.organization?.managementAccount;
  if (management !== undefined && !document.accounts.some((a) => a.id === management))
    fail(["organization", "managementAccount"], `the management account ${management} is not one of the scenario's accounts`);
  const managedArns = new Set(document.accounts.flatMap((a) => Object.keys(a.managedPolicies ?? {}).map((n) => managedArn(a.id, n))));
  document.accounts.forEach((account, a) => {
    const at = (...rest: PropertyKey[]) => ["accounts", a, ...rest];
    if (accountIds.has(account.id)) fail(at("id"), `account ${account.id} appears twice`, "duplicate");
    accountIds.add(account.id);
    if (account.unit !== undefined && !units.has(account.unit)) fail(at("unit"), `there is no OU ${account.unit} under organization.units`);
    if ((account.scps || account.rcps || account.unit) && !document.organization)
      fail(at(account.unit ? "unit" : account.scps ? "scps" : "rcps"), "SCPs, RCPs and OUs need an organization");
    const managed = (path: Path, nameOrArn: string) => {
      if (!managedArns.has(managedPolicyArn(nameOrArn, account.id))) fail(path, `there is no managed policy ${nameOrArn}`);
    };
    const unique = (kind: "user" | "group" | "role", name: string, path: Path, policies: Record<string, unknown> | undefined) => {
      for (const policy of Object.keys(policies ?? {})) {
        const ref = inlineRef(kind, name, policy);
        if (refs.has(ref))
          fail(path, `two ${kind}s named ${name} would share the policy reference ${ref}; give them different names`, "duplicate");
        refs.add(ref);
      }
    };
    const groupNames = new Set((account.groups ?? []).map((g) => g.name.toLowerCase()));
    account.users?.forEach((u, i) => {
      unique("user", u.name, at("users", i, "name"), u.policies);
      u.groups?.forEach(
        (g, j) => groupNames.has(g.toLowerCase()) || fail(at("users", i, "groups", j), `there is no group ${g} in account ${account.id}`),
      );
      u.managedPolicies?.forEach((m, j) => managed(at("users", i, "managedPolicies", j), m));
      if (u.boundary) managed(at("users", i, "boundary"), u.boundary);
    });
    account.groups?.forEach((g, i) => {
      unique("group", g.name, at("groups", i, "name"), g.policies);
      g.managedPolicies?.forEach((m, j) => managed(at("groups", i, "managedPolicies", j), m));
    });
    account.roles?.forEach((r, i) => {
      unique("role", r.name, at("roles", i, "name"), r.policies);
      r.managedPolicies?.forEach((m, j) => managed(at("roles", i, "managedPolicies", j), m));
      if (r.boundary) managed(at("roles", i, "boundary"), r.boundary);
    });
    account.instances?.forEach((instance, i) => {
      if (instance.role !== undefined && !account.roles?.some((r) => r.name.toLowerCase() === instance.role!.toLowerCase())) {
        fail(at("instances", i, "role"), `there is no role ${instance.role} in account ${account.id}`);
      }
    });
  });
}

function checkCaller(world: World, as: CallerSpec, path: Path, earlierSts: Set<string>): void {
  if (as.user !== undefined && !findAccountOf(world, "users", as.user, as.account)) fail([...path, "user"], `there is no user ${as.user}`);
  if (as.role !== undefined && !findAccountOf(world, "roles", as.role, as.account)) fail([...path, "role"], `there is no role ${as.role}`);
  if (as.instance !== undefined && !findAccountOf(world, "instances", as.instance))
    fail([...path, "instance"], `there is no instance ${as.instance}`);
  if (as.root !== undefined && !world.accounts.some((a) => a.id === as.root)) fail([...path, "root"], `there is no account ${as.root}`);
  if (as.session !== undefined && !earlierSts.has(String(as.session)))
    fail([...path, "session"], `${as.session} is not an earlier STS step`);
}

export function validateReferences(document: ScenarioDocument, idOf: (step: StepSpec, index: number) => string): void {
  checkWorld(document);
  const world = initialWorld(document);
  const kinds = new Map<string, { kind: "request" | "sts" | "change"; index: number }>();
  const earlierSts = new Set<string>();
  document.steps.forEach((step, i) => {
    const id = idOf(step, i);
    if (kinds.has(id)) fail(["steps", i, "id"], `step id ${id} is used twice`, "duplicate");
    const kind = step.request ? "request" : step.sts ? "sts" : "change";
    if (step.request) checkCaller(world, step.request.as, ["steps", i, "request", "as"], earlierSts);
    if (step.sts) {
      if ("as" in step.sts) checkCaller(world, step.sts.as, ["steps", i, "sts", "as"], earlierSts);
      const sts = step.sts;
      if (sts.call === "DecodeAuthorizationMessage") {
        if (sts.EncodedMessageFrom === undefined && sts.EncodedMessage === undefined)
          fail(["steps", i, "sts"], "give EncodedMessage or EncodedMessageFrom");
        const from = sts.EncodedMessageFrom === undefined ? undefined : kinds.get(String(sts.EncodedMessageFrom));
        if (sts.EncodedMessageFrom !== undefined && from?.kind !== "request")
          fail(["steps", i, "sts", "EncodedMessageFrom"], `${sts.EncodedMessageFrom} is not an earlier request step`);
      }
      if (sts.call === "GetAccessKeyInfo" && sts.AccessKeyIdFrom !== undefined && !earlierSts.has(String(sts.AccessKeyIdFrom))) {
        fail(["steps", i, "sts", "AccessKeyIdFrom"], `${sts.AccessKeyIdFrom} is not an earlier STS step`);
      }
    }
    if (step.change) {
      try {
        applyChange(world, step.change);
      } catch (error) {
        fail(["steps", i, "change"], (error as Error).message);
      }
    }
    kinds.set(id, { kind, index: i });
    if (kind === "sts") earlierSts.add(id);
  });

  const expect = (path: Path, ref: string | number, kind: "request" | "sts" | "change") => {
    const found = kinds.get(String(ref));
    if (!found) fail(path, `there is no step ${ref}`);
    if (found!.kind !== kind) fail(path, `step ${ref} is a ${found!.kind} step, not a ${kind} step`);
    return found!;
  };
  const start = initialWorld(document);
  document.questions.forEach((q, i) => {
    const at = (...rest: PropertyKey[]) => ["questions", i, ...rest];
    switch (q.kind) {
      case "allowed":
      case "decidingPolicy":
        expect(at("step"), q.step, "request");
        break;
      case "change": {
        const change = expect(at("step"), q.step, "change");
        q.requests.forEach((r, j) => {
          const request = expect(at("requests", j), r, "request");
          if (request.index > change.index)
            fail(at("requests", j), `request ${r} comes after the change ${q.step}; list requests made before it`);
        });
        break;
      }
      case "findings":
      case "summary":
        if (policySlot(start, q.policy)?.get() === undefined)
          fail(at("policy"), `there is no policy ${q.policy} at the start of the scenario`);
        break;
      case "sts": {
        const found = expect(at("step"), q.step, "sts");
        const call = document.steps[found.index]?.sts?.call;
        if (q.ask === "decoded" && call !== "DecodeAuthorizationMessage")
          fail(at("ask"), `"decoded" needs a DecodeAuthorizationMessage step, and step ${q.step} calls ${call}`);
        if (q.ask === "identity" && call !== "GetCallerIdentity")
          fail(at("ask"), `"identity" needs a GetCallerIdentity step, and step ${q.step} calls ${call}`);
        break;
      }
      case "whichCall":
        q.candidates.forEach((c, j) => expect(at("candidates", j), c, "sts"));
        break;
    }
  });
}
