// Matching a statement's Principal / NotPrincipal against the caller, and saying *how* it matched:
// the decision logic treats a resource policy that names the caller's own ARN differently from one
// that names its role, the IAM user behind a federated session, or its account.

import { parseArn } from "../arn.ts";
import type { PrincipalDescription } from "../principal.ts";
import type { ParsedPrincipal } from "../policy/types.ts";

/**
 * How a principal element matched the caller, strongest first:
 * - wildcard: "*" (everyone, anonymous callers too)
 * - direct: the caller's own ARN (IAM user, role session, federated user), service, provider or canonical user
 * - role: the role behind a role session
 * - issuer: the IAM user who created a federated-user session
 * - account: the caller's account (account id or root ARN)
 */
export type PrincipalMatch = "none" | "wildcard" | "direct" | "role" | "issuer" | "account";

type AwsEntry =
  | { type: "wildcard" }
  | { type: "account"; account: string }
  | { type: "user" | "role" | "federated-user"; account: string; name: string }
  | { type: "session"; account: string; name: string; session: string }
  | { type: "other" };

export interface CompiledPrincipal {
  wildcard: boolean;
  aws: AwsEntry[];
  services: Set<string>;
  federated: Set<string>;
  canonical: Set<string>;
}

function readAwsEntry(entry: string): AwsEntry {
  if (entry === "*") return { type: "wildcard" };
  if (/^\d{12}$/.test(entry)) return { type: "account", account: entry };
  const arn = parseArn(entry);
  if (!arn) return { type: "other" };
  if (arn.service === "iam" && arn.resource === "root") return { type: "account", account: arn.account };
  const parts = arn.resource.split("/");
  const last = parts[parts.length - 1] ?? "";
  if (arn.service === "iam" && parts[0] === "user") return { type: "user", account: arn.account, name: last };
  if (arn.service === "iam" && parts[0] === "role") return { type: "role", account: arn.account, name: last };
  if (arn.service === "sts" && parts[0] === "assumed-role" && parts.length === 3) {
    return { type: "session", account: arn.account, name: parts[1]!, session: parts[2]! };
  }
  if (arn.service === "sts" && parts[0] === "federated-user") return { type: "federated-user", account: arn.account, name: last };
  return { type: "other" };
}

export function compilePrincipal(principal: ParsedPrincipal): CompiledPrincipal {
  return {
    wildcard: principal.wildcard,
    aws: principal.AWS.map(readAwsEntry),
    services: new Set(principal.Service.map((s) => s.toLowerCase())),
    federated: new Set(principal.Federated),
    canonical: new Set(principal.CanonicalUser),
  };
}

/** The caller, reduced to what principal matching compares. Built once per evaluation. */
export interface Caller {
  description: PrincipalDescription;
  /** Role name behind a role session (from the session issuer when given, else the session ARN). */
  roleName?: string;
  /** Account and name of the IAM user behind a federated-user session, when the request says. */
  issuerUser?: { account: string; name: string };
  /** Whether the user or role has a permissions boundary (see the NotPrincipal note on boundaries). */
  hasBoundary: boolean;
}

export function makeCaller(description: PrincipalDescription, sessionIssuer: string | undefined, hasBoundary: boolean): Caller {
  const caller: Caller = { description, hasBoundary };
  if (description.kind === "assumed-role") {
    const issuer = sessionIssuer ? readAwsEntry(sessionIssuer) : undefined;
    caller.roleName = issuer && issuer.type === "role" ? issuer.name : description.roleName;
  } else if (description.kind === "role") {
    caller.roleName = description.name;
  } else if (description.kind === "federated-user" && sessionIssuer) {
    const issuer = readAwsEntry(sessionIssuer);
    if (issuer.type === "user") caller.issuerUser = { account: issuer.account, name: issuer.name };
  }
  return caller;
}

const STRENGTH: Record<PrincipalMatch, number> = { none: 0, account: 1, issuer: 2, role: 3, direct: 4, wildcard: 5 };

function matchAwsEntry(entry: AwsEntry, caller: Caller): PrincipalMatch {
  const who = caller.description;
  switch (entry.type) {
    case "wildcard":
      return "wildcard";
    case "account":
      return who.account === entry.account && who.kind !== "identity-provider" ? "account" : "none";
    case "user":
      if (who.kind === "user" && who.account === entry.account && who.name === entry.name) return "direct";
      if (caller.issuerUser && caller.issuerUser.account === entry.account && caller.issuerUser.name === entry.name) {
        return "issuer";
      }
      return "none";
    case "role":
      return (who.kind === "assumed-role" || who.kind === "role") && who.account === entry.account && caller.roleName === entry.name
        ? "role"
        : "none";
    case "session":
      return who.kind === "assumed-role" &&
        who.account === entry.account &&
        caller.roleName === entry.name &&
        who.sessionName === entry.session
        ? "direct"
        : "none";
    case "federated-user":
      return who.kind === "federated-user" && who.account === entry.account && who.name === entry.name ? "direct" : "none";
    default:
      return "none";
  }
}

/** The strongest way any entry of the element matches the caller. */
export function matchPrincipal(principal: CompiledPrincipal, caller: Caller): PrincipalMatch {
  if (principal.wildcard) return "wildcard";
  const who = caller.description;
  switch (who.kind) {
    case "anonymous":
      return "none";
    case "service":
      return principal.services.has(who.name!) ? "direct" : "none";
    case "identity-provider":
      return principal.federated.has(who.source) || principal.federated.has(who.name!) ? "direct" : "none";
    case "canonical-user":
      return principal.canonical.has(who.name!) ? "direct" : "none";
    default:
      break;
  }
  let best: PrincipalMatch = "none";
  for (const entry of principal.aws) {
    const match = matchAwsEntry(entry, caller);
    if (STRENGTH[match] > STRENGTH[best]) best = match;
  }
  return best;
}

/**
 * Whether a Deny with NotPrincipal exempts the caller. The NotPrincipal page says AWS may check the
 * account, then the role or user, then the session, so every link of that chain must be listed; the
 * permissions boundaries page adds that such a Deny always denies an IAM principal with a boundary.
 */
export function exemptFromNotPrincipalDeny(principal: CompiledPrincipal, caller: Caller): boolean {
  if (principal.wildcard) return true;
  const who = caller.description;
  const iamPrincipal = who.kind === "user" || who.kind === "role" || who.kind === "assumed-role";
  if (iamPrincipal && caller.hasBoundary) return false;
  switch (who.kind) {
    case "anonymous":
      return false;
    case "service":
    case "identity-provider":
    case "canonical-user":
      return matchPrincipal(principal, caller) !== "none";
    default:
      break;
  }
  const listed = (test: (e: AwsEntry) => boolean) => principal.aws.some(test);
  const accountListed = listed((e) => e.type === "account" && e.account === who.account);
  if (!accountListed) return false;
  switch (who.kind) {
    case "root":
      return true;
    case "user":
    case "federated-user":
      return listed((e) => matchAwsEntry(e, caller) === "direct");
    case "role":
      return listed((e) => matchAwsEntry(e, caller) === "role");
    case "assumed-role":
      return listed((e) => matchAwsEntry(e, caller) === "role") && listed((e) => matchAwsEntry(e, caller) === "direct");
    default:
      return false;
  }
}
