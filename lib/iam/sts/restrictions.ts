// What temporary credentials cannot do whatever their policies say (IAM User Guide, "Compare AWS STS
// credentials", column "Restrictions on resulting temporary credentials"; STS API Reference,
// GetFederationToken and GetSessionToken, "Permissions"):
//  - AssumeRole*, sessions cannot call GetFederationToken or GetSessionToken;
//  - GetFederationToken sessions cannot call IAM operations, nor STS operations except GetCallerIdentity;
//  - GetSessionToken sessions cannot call IAM operations unless MFA was used, nor STS operations
//    except AssumeRole and GetCallerIdentity.

import type { ResolvedCaller } from "./caller.ts";

/** Why these credentials may not call the action at all, or undefined when policies decide. */
export function credentialRestriction(resolved: ResolvedCaller, action: string): string | undefined {
  const session = resolved.session;
  if (!session) return undefined;
  const lower = action.toLowerCase();
  const service = lower.slice(0, lower.indexOf(":"));
  switch (session.origin) {
    case "AssumeRole":
    case "AssumeRoleWithSAML":
    case "AssumeRoleWithWebIdentity":
      if (lower === "sts:getfederationtoken" || lower === "sts:getsessiontoken") {
        return `Cannot call ${action.slice(4)} with session credentials: role sessions cannot call GetFederationToken or GetSessionToken.`;
      }
      return undefined;
    case "GetFederationToken":
      if (service === "iam") return "Federated user sessions (GetFederationToken) cannot call IAM operations through the API.";
      if (service === "sts" && lower !== "sts:getcalleridentity") {
        return "Federated user sessions (GetFederationToken) cannot call AWS STS operations other than GetCallerIdentity.";
      }
      return undefined;
    case "GetSessionToken":
      if (service === "iam" && session.mfaAuthenticatedAtMs === undefined) {
        return "Credentials from GetSessionToken cannot call IAM operations unless MFA information was included when they were requested.";
      }
      if (service === "sts" && lower !== "sts:assumerole" && lower !== "sts:getcalleridentity") {
        return "Credentials from GetSessionToken cannot call AWS STS operations other than AssumeRole and GetCallerIdentity.";
      }
      return undefined;
  }
}
