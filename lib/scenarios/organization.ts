// Where the scenario's accounts sit in AWS Organizations: the organization id, the root and OU ids,
// and each account's path, from which aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:ResourceOrgID
// and aws:ResourceOrgPaths are derived (IAM User Guide, "AWS global condition context keys"). Ids a
// scenario does not give are derived from its names, so a card shows the same ids every time.

import type { OrganizationMembership } from "../iam/sts/index.ts";
import { fnv1a32 } from "../random/index.ts";
import type { AccountSpec, ScenarioDocument } from "./schema.ts";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function derived(seed: string, length: number): string {
  let out = "";
  let h = fnv1a32(seed);
  for (let i = 0; i < length; i++) {
    h = fnv1a32(`${h}:${seed}:${i}`);
    out += ALPHABET[h % ALPHABET.length];
  }
  return out;
}

type Organization = NonNullable<ScenarioDocument["organization"]>;

/** o- followed by ten characters (Organizations API Reference, Organization.Id). */
export function organizationId(organization: Organization, accounts: AccountSpec[]): string {
  return organization.id ?? `o-${derived(`org:${accounts.map((a) => a.id).join(",")}`, 10)}`;
}

/** r- followed by four characters. */
export function rootId(orgId: string): string {
  return `r-${derived(`root:${orgId}`, 4)}`;
}

/** ou-<root suffix>-<eight characters>. */
export function unitId(orgId: string, unit: string): string {
  return `ou-${rootId(orgId).slice(2)}-${derived(`ou:${orgId}:${unit}`, 8)}`;
}

/** The account's membership: the organization id and the path of its parent (root or OU). */
export function membershipOf(
  organization: Organization | undefined,
  accounts: AccountSpec[],
  account: AccountSpec,
): OrganizationMembership | undefined {
  if (!organization) return undefined;
  const id = organizationId(organization, accounts);
  const units: string[] = [];
  const seen = new Set<string>();
  let name = account.unit;
  while (name !== undefined && name !== "root" && !seen.has(name)) {
    seen.add(name);
    const unit = organization.units?.find((u) => u.name === name);
    if (!unit) break;
    units.unshift(unitId(id, unit.name));
    name = unit.parent;
  }
  return { id, path: [id, rootId(id), ...units].join("/") + "/" };
}
