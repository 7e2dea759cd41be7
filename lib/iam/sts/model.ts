// The small account model the STS simulation runs over: accounts holding users, groups, roles,
// managed policies and identity providers. It is plain data so a scenario can be written as JSON
// and handed to the simulation unchanged.

import type { ContextValue, PolicyInput, PolicySource } from "../types.ts";

/** A customer managed (or AWS managed, account "aws") policy, referenced by ARN. */
export interface ManagedPolicy {
  arn: string;
  document: PolicySource;
}

export interface MfaDevice {
  /** A hardware serial (GAHT12345678) or a virtual device ARN (arn:aws:iam::111122223333:mfa/alice). */
  serialNumber: string;
  /** The six-digit code the device shows right now; the simulation accepts only this code. */
  currentCode: string;
}

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey?: string;
  status?: "Active" | "Inactive";
}

export interface IamUser {
  name: string;
  /** IAM path, "/" when absent. */
  path?: string;
  /** Unique id (AIDA...); derived from the ARN when absent. */
  userId?: string;
  groups?: string[];
  /** Inline policies; each is named "inline:<user>/<index or id>" in results. */
  inlinePolicies?: PolicyInput[];
  managedPolicyArns?: string[];
  /** ARN of a managed policy used as the permissions boundary. */
  permissionsBoundaryArn?: string;
  mfaDevices?: MfaDevice[];
  accessKeys?: AccessKey[];
  tags?: Record<string, string>;
}

export interface IamGroup {
  name: string;
  path?: string;
  inlinePolicies?: PolicyInput[];
  managedPolicyArns?: string[];
}

export interface IamRole {
  name: string;
  path?: string;
  /** Unique id (AROA...); derived from the ARN when absent. */
  roleId?: string;
  trustPolicy: PolicySource;
  inlinePolicies?: PolicyInput[];
  managedPolicyArns?: string[];
  permissionsBoundaryArn?: string;
  /** 3600..43200 seconds; AWS's default is one hour. */
  maxSessionDuration?: number;
  tags?: Record<string, string>;
}

export interface SamlProvider {
  name: string;
}

export interface OidcProvider {
  /** Issuer URL without the scheme, e.g. "token.actions.githubusercontent.com". */
  url: string;
  /** Audiences (client ids) the provider accepts. */
  clientIds: string[];
}

/** Where an account sits in AWS Organizations, for the aws:*OrgID and aws:*OrgPaths keys. */
export interface OrganizationMembership {
  /** o-... */
  id: string;
  /** The path of the account's parent: o-.../r-.../ou-.../ (IAM User Guide, aws:PrincipalOrgPaths). */
  path: string;
}

export interface Account {
  /** Twelve digits. */
  id: string;
  /** Absent when the account belongs to no organization. */
  organization?: OrganizationMembership;
  users?: IamUser[];
  groups?: IamGroup[];
  roles?: IamRole[];
  managedPolicies?: ManagedPolicy[];
  samlProviders?: SamlProvider[];
  oidcProviders?: OidcProvider[];
  rootMfaDevices?: MfaDevice[];
  rootAccessKeys?: AccessKey[];
  /** Service control policies above this account, one array per level, root first. */
  scps?: PolicyInput[][];
  /** Resource control policies above this account, one array per level, root first. */
  rcps?: PolicyInput[][];
}

export interface AccountModel {
  accounts: Account[];
  /** AWS managed policies (arn:aws:iam::aws:policy/...), shared by every account. */
  awsManagedPolicies?: ManagedPolicy[];
}

/**
 * Who signs a call: long-term credentials of a user or the root user (named directly, or by the
 * access key id they sign with), an STS session, or nobody (an unsigned request).
 */
export type Caller =
  | { kind: "user"; accountId: string; userName: string }
  | { kind: "root"; accountId: string }
  | { kind: "accessKey"; accessKeyId: string }
  | { kind: "session"; session: Session }
  | { kind: "anonymous" };

/** Which STS operation created a session; decides what the session may do afterwards. */
export type SessionOrigin = "AssumeRole" | "AssumeRoleWithSAML" | "AssumeRoleWithWebIdentity" | "GetSessionToken" | "GetFederationToken";

export interface TemporaryCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  /** ISO 8601, UTC. */
  Expiration: string;
}

/**
 * Everything a later request signed with temporary credentials needs: who the session is, which
 * policies bound it, and the context keys AWS puts in its request context.
 */
export interface Session {
  origin: SessionOrigin;
  credentials: TemporaryCredentials;
  accountId: string;
  /** The principal ARN requests are made as: assumed-role, federated-user, or the user/root itself. */
  principalArn: string;
  /** aws:userid of the session (AROA...:name, account:name, AIDA..., or the account id for root). */
  userId: string;
  /** For role sessions, the role; for GetSessionToken, the user (absent for root); for federation, the user. */
  sourceIdentityArn?: string;
  roleName?: string;
  userName?: string;
  sessionName?: string;
  /** Inline and managed session policies passed at creation. */
  sessionPolicies: PolicyInput[];
  issuedAtMs: number;
  expiresAtMs: number;
  /** Epoch ms of the MFA authentication this session carries, when it carries one. */
  mfaAuthenticatedAtMs?: number;
  /** Session tags (merged with the principal's tags, session tags winning). */
  tags: Record<string, string>;
  transitiveTagKeys: string[];
  sourceIdentity?: string;
  /** For sessions from SAML or web identity federation: the provider ARN or name. */
  federatedProvider?: string;
  /** Provider-specific keys (saml:aud, accounts.google.com:sub...) kept for later requests. */
  providerContext: Record<string, ContextValue>;
}
