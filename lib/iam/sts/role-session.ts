// Minting a role session, shared by AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity:
// the assumed-role ARN (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), the AssumedRoleId
// (ROLEID:SESSION), fresh ASIA credentials, and the session facts later requests need.

import type { ContextValue, NamedPolicy } from "../index.ts";
import { generateTemporaryCredentials } from "./credentials.ts";
import { assumedRoleArn, roleArn, roleIdOf } from "./directory.ts";
import type { Account, IamRole, Session, SessionOrigin } from "./model.ts";
import type { RandomSource } from "../../random/index.ts";
import { mergeTags, type MfaState } from "./request-context.ts";
import type { SessionTag } from "./validation.ts";

export interface RoleSessionSpec {
  origin: Extract<SessionOrigin, "AssumeRole" | "AssumeRoleWithSAML" | "AssumeRoleWithWebIdentity">;
  account: Account;
  role: IamRole;
  sessionName: string;
  durationSeconds: number;
  sessionPolicies: NamedPolicy[];
  /** Tags inherited from the calling session (transitive) and passed now; they override role tags. */
  sessionTags: Record<string, string>;
  transitiveTagKeys: string[];
  sourceIdentity?: string;
  mfa?: MfaState;
  federatedProvider?: string;
  providerContext?: Record<string, ContextValue>;
}

export interface AssumedRoleUser {
  Arn: string;
  AssumedRoleId: string;
}

export function mintRoleSession(
  spec: RoleSessionSpec,
  nowMs: number,
  random: RandomSource,
): { session: Session; assumedRoleUser: AssumedRoleUser } {
  const expiresAtMs = nowMs + spec.durationSeconds * 1000;
  const arn = assumedRoleArn(spec.account.id, spec.role.name, spec.sessionName);
  const assumedRoleId = `${roleIdOf(spec.account.id, spec.role)}:${spec.sessionName}`;
  const session: Session = {
    origin: spec.origin,
    credentials: generateTemporaryCredentials(spec.account.id, expiresAtMs, random),
    accountId: spec.account.id,
    principalArn: arn,
    userId: assumedRoleId,
    sourceIdentityArn: roleArn(spec.account.id, spec.role),
    roleName: spec.role.name,
    sessionName: spec.sessionName,
    sessionPolicies: spec.sessionPolicies,
    issuedAtMs: nowMs,
    expiresAtMs,
    tags: mergeTags(spec.role.tags ?? {}, spec.sessionTags),
    transitiveTagKeys: spec.transitiveTagKeys,
    providerContext: spec.providerContext ?? {},
  };
  if (spec.mfa?.present && spec.mfa.authenticatedAtMs !== undefined) session.mfaAuthenticatedAtMs = spec.mfa.authenticatedAtMs;
  if (spec.sourceIdentity !== undefined) session.sourceIdentity = spec.sourceIdentity;
  if (spec.federatedProvider !== undefined) session.federatedProvider = spec.federatedProvider;
  return { session, assumedRoleUser: { Arn: arn, AssumedRoleId: assumedRoleId } };
}

/** Request context keys for passed session tags: aws:RequestTag/<key> and aws:TagKeys. */
export function tagRequestContext(tags: SessionTag[], transitive: string[] | undefined): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  if (tags.length === 0) return context;
  for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
  context["aws:TagKeys"] = tags.map((t) => t.Key);
  if (transitive?.length) context["sts:TransitiveTagKeys"] = transitive;
  return context;
}

export function tagsToRecord(tags: SessionTag[]): Record<string, string> {
  return Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
}
