// Every policy inside a scenario is checked by lib/iam's parser, with the policy type that decides
// which elements it may carry (a trust policy needs Principal, an identity policy must not have one).
// A problem is reported at its full path: the scenario path of the policy, then lib/iam's own path
// inside it (`accounts[0].roles[1].trustPolicy.Statement[0].Effect`).

import { parsePolicy, PolicyError, type PolicyType } from "../iam/index.ts";
import { formatJsonPath, joinJsonPath } from "../errors/index.ts";
import { ScenarioError } from "./errors.ts";
import type { PolicyDocument, ScenarioDocument } from "./schema.ts";

interface Located {
  path: PropertyKey[];
  kind: PolicyType;
  document: PolicyDocument;
}

function named(path: PropertyKey[], kind: PolicyType, policies: Record<string, PolicyDocument> | undefined): Located[] {
  return Object.entries(policies ?? {}).map(([name, document]) => ({ path: [...path, name], kind, document }));
}

/** The policy type a reference's document is checked as. */
export function kindOfRef(ref: string): PolicyType {
  const head = ref.slice(0, ref.indexOf("/"));
  if (head === "trust" || head === "resource") return "resource";
  if (head === "scp") return "scp";
  if (head === "rcp") return "rcp";
  return "identity";
}

function locate(document: ScenarioDocument): Located[] {
  const out: Located[] = [];
  const org = document.organization;
  out.push(
    ...named(["organization", "root", "scps"], "scp", org?.root?.scps),
    ...named(["organization", "root", "rcps"], "rcp", org?.root?.rcps),
  );
  org?.units?.forEach((unit, i) => {
    out.push(
      ...named(["organization", "units", i, "scps"], "scp", unit.scps),
      ...named(["organization", "units", i, "rcps"], "rcp", unit.rcps),
    );
  });
  document.accounts.forEach((account, a) => {
    const at = (...rest: PropertyKey[]) => ["accounts", a, ...rest];
    out.push(...named(at("scps"), "scp", account.scps), ...named(at("rcps"), "rcp", account.rcps));
    out.push(...named(at("managedPolicies"), "identity", account.managedPolicies));
    account.users?.forEach((u, i) => out.push(...named(at("users", i, "policies"), "identity", u.policies)));
    account.groups?.forEach((g, i) => out.push(...named(at("groups", i, "policies"), "identity", g.policies)));
    account.roles?.forEach((r, i) => {
      out.push({ path: at("roles", i, "trustPolicy"), kind: "resource", document: r.trustPolicy });
      out.push(...named(at("roles", i, "policies"), "identity", r.policies));
    });
  });
  document.resources?.forEach((r, i) => {
    if (r.policy !== undefined) out.push({ path: ["resources", i, "policy"], kind: "resource", document: r.policy });
  });
  document.steps.forEach((step, i) => {
    const sts = step.sts;
    if (sts && (sts.call === "AssumeRole" || sts.call === "GetFederationToken") && sts.Policy !== undefined) {
      out.push({ path: ["steps", i, "sts", "Policy"], kind: "session", document: sts.Policy });
    }
    const change = step.change;
    if (change?.kind === "setPolicy")
      out.push({ path: ["steps", i, "change", "document"], kind: kindOfRef(change.policy), document: change.document });
    if (change?.kind === "attachPolicy" && change.document !== undefined) {
      out.push({ path: ["steps", i, "change", "document"], kind: "identity", document: change.document });
    }
  });
  return out;
}

export function validatePolicies(document: ScenarioDocument): void {
  for (const policy of locate(document)) {
    const path = formatJsonPath(policy.path);
    try {
      parsePolicy(policy.document, { id: path, kind: policy.kind });
    } catch (error) {
      if (error instanceof PolicyError) throw new ScenarioError("invalidPolicy", error.message, joinJsonPath(path, error.path));
      throw error;
    }
  }
}
