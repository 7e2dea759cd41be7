// Which resource-based policy governs a request, and which account owns the resource. An S3 object
// is governed by its bucket's policy; a role is a resource whose policy is its trust policy, but only
// for the STS actions that assume or tag it (iam:PassRole, for one, reads identity policies only).

import { accountOfArn, type NamedPolicy } from "../iam/index.ts";
import { resourceRef, trustRef } from "./refs.ts";
import type { World } from "./world.ts";

export interface ResourceFacts {
  policy?: NamedPolicy;
  /** The owning account, when the world or the ARN says. */
  account?: string;
}

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

function bucketArn(resource: string): string | undefined {
  const match = /^arn:aws:s3:::([^/]+)/.exec(resource);
  return match ? `arn:aws:s3:::${match[1]}` : undefined;
}

export function resourceFacts(world: World, action: string, resource: string): ResourceFacts {
  const role = ROLE_ARN.exec(resource);
  if (role) {
    const account = world.accounts.find((a) => a.id === role[1]);
    const spec = account?.roles?.find((r) => r.name.toLowerCase() === (role[2] ?? "").toLowerCase());
    const facts: ResourceFacts = { account: role[1] };
    if (spec && action.toLowerCase().startsWith("sts:")) facts.policy = { id: trustRef(spec.name), document: spec.trustPolicy };
    return facts;
  }
  const candidates = [resource, bucketArn(resource)].filter((c): c is string => c !== undefined);
  for (const arn of candidates) {
    const entry = world.resources.find((r) => r.arn === arn);
    if (!entry) continue;
    const facts: ResourceFacts = {};
    const account = entry.account ?? accountOfArn(entry.arn);
    if (account) facts.account = account;
    if (entry.policy !== undefined) facts.policy = { id: resourceRef(entry.arn), document: entry.policy };
    return facts;
  }
  const account = accountOfArn(resource);
  return account ? { account } : {};
}
