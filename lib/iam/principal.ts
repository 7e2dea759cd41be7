// What kind of caller an ARN (or "anonymous", a service name, an identity provider) stands for.
// The decision logic, principal matching and the derived aws:* context keys all start here.

import { parseArn } from "./arn.ts";

export type PrincipalKind =
  | "user"
  | "role"
  | "assumed-role"
  | "federated-user"
  | "root"
  | "service"
  /** A SAML or OIDC identity provider (the caller of AssumeRoleWithSAML / WithWebIdentity). */
  | "identity-provider"
  | "canonical-user"
  | "anonymous";

export interface PrincipalDescription {
  kind: PrincipalKind;
  /** The string the principal was described from. */
  source: string;
  /** The caller's own ARN, when it has one. */
  arn?: string;
  partition?: string;
  account?: string;
  /** User, role, federated user or provider name (without path); service name for services. */
  name?: string;
  /** IAM path of a user or role ("/" when none), as the ARN shows it. */
  path?: string;
  /** Role name of an assumed-role session. */
  roleName?: string;
  /** Session name of an assumed-role session. */
  sessionName?: string;
  /** The role ARN behind an assumed-role session (without path: the session ARN does not carry it). */
  roleArn?: string;
}

const WEB_IDENTITY_PROVIDERS = new Set(["cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com"]);

/** Describes a principal string; undefined when it is none of the forms AWS uses. */
export function describePrincipal(principal: string): PrincipalDescription | undefined {
  const source = principal;
  if (principal === "anonymous" || principal === "*") return { kind: "anonymous", source };
  if (/^\d{12}$/.test(principal)) {
    return { kind: "root", source, account: principal, partition: "aws", arn: `arn:aws:iam::${principal}:root` };
  }
  if (/^[0-9a-f]{64}$/i.test(principal)) return { kind: "canonical-user", source, name: principal };
  if (!principal.startsWith("arn:")) {
    if (WEB_IDENTITY_PROVIDERS.has(principal.toLowerCase())) {
      return { kind: "identity-provider", source, name: principal };
    }
    if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/i.test(principal)) {
      return { kind: "service", source, name: principal.toLowerCase() };
    }
    if (/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(principal)) return { kind: "identity-provider", source, name: principal };
    return undefined;
  }
  const arn = parseArn(principal);
  if (!arn || !/^\d{12}$/.test(arn.account)) return undefined;
  const base = { source, arn: principal, partition: arn.partition, account: arn.account };
  if (arn.service === "iam") {
    if (arn.resource === "root") return { kind: "root", ...base };
    const parts = arn.resource.split("/");
    const type = parts[0];
    const name = parts[parts.length - 1];
    if (parts.length < 2 || !name) return undefined;
    const path = parts.length > 2 ? `/${parts.slice(1, -1).join("/")}/` : "/";
    if (type === "user") return { kind: "user", ...base, name, path };
    if (type === "role") return { kind: "role", ...base, name, path };
    if (type === "saml-provider" || type === "oidc-provider") {
      return { kind: "identity-provider", ...base, name: parts.slice(1).join("/") };
    }
    return undefined;
  }
  if (arn.service === "sts") {
    const parts = arn.resource.split("/");
    if (parts[0] === "assumed-role" && parts.length === 3 && parts[1] && parts[2]) {
      return {
        kind: "assumed-role",
        ...base,
        name: parts[1],
        roleName: parts[1],
        sessionName: parts[2],
        roleArn: `arn:${arn.partition}:iam::${arn.account}:role/${parts[1]}`,
      };
    }
    if (parts[0] === "federated-user" && parts.length === 2 && parts[1]) {
      return { kind: "federated-user", ...base, name: parts[1] };
    }
  }
  return undefined;
}

/** The principal types of aws:PrincipalType, as the policy variables page lists them. */
export function principalTypeValue(kind: PrincipalKind): string | undefined {
  switch (kind) {
    case "root":
      return "Account";
    case "user":
      return "User";
    case "federated-user":
      return "FederatedUser";
    case "assumed-role":
    case "role":
      return "AssumedRole";
    case "anonymous":
      return "Anonymous";
    default:
      return undefined;
  }
}

/** Whether the caller is a session (role session or federated user), where session policies apply. */
export function isSessionPrincipal(kind: PrincipalKind): boolean {
  return kind === "assumed-role" || kind === "role" || kind === "federated-user";
}

/** Whether the caller is an identity inside an AWS account (so identity policies and SCPs apply). */
export function isAccountIdentity(kind: PrincipalKind): boolean {
  return kind === "user" || kind === "role" || kind === "assumed-role" || kind === "federated-user" || kind === "root";
}
