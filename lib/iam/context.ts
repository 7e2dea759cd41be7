// The request context: the key/value facts conditions and policy variables read. Keys compare
// case-insensitively (the policy variables page says key names are case-insensitive), so they are
// stored lower-cased. Keys derived from the principal are added only when the request left them out.

import { PolicyError } from "./errors.ts";
import { describePrincipal, principalTypeValue, type PrincipalDescription } from "./principal.ts";
import type { ContextValue, RequestInput } from "./types.ts";

export interface RequestContext {
  /** Lower-cased key -> values. A single value is stored as a one-element array. */
  values: Map<string, string[]>;
  /** Keys that conditions or variables asked for and did not find, as the policy spelled them. */
  missing: string[] | null;
}

export function noteMissing(context: RequestContext, key: string): void {
  if (context.missing === null) {
    context.missing = [key];
    return;
  }
  const lower = key.toLowerCase();
  for (const seen of context.missing) if (seen.toLowerCase() === lower) return;
  context.missing.push(key);
}

function put(values: Map<string, string[]>, key: string, value: ContextValue): void {
  values.set(key.toLowerCase(), typeof value === "string" ? [value] : value);
}

/** Context keys the documentation says AWS derives from the principal. */
export function principalContextKeys(
  principal: PrincipalDescription,
  request: Pick<RequestInput, "principalId" | "sessionIssuer">,
): Record<string, string> {
  const keys: Record<string, string> = {};
  const type = principalTypeValue(principal.kind);
  if (type) keys["aws:PrincipalType"] = type;
  if (principal.account) keys["aws:PrincipalAccount"] = principal.account;
  switch (principal.kind) {
    case "user":
      keys["aws:PrincipalArn"] = principal.arn!;
      keys["aws:username"] = principal.name!;
      if (request.principalId) keys["aws:userid"] = request.principalId;
      break;
    case "assumed-role":
      keys["aws:PrincipalArn"] = request.sessionIssuer ?? principal.roleArn!;
      if (request.principalId) keys["aws:userid"] = `${request.principalId}:${principal.sessionName}`;
      break;
    case "role":
      keys["aws:PrincipalArn"] = principal.arn!;
      break;
    case "federated-user":
      keys["aws:PrincipalArn"] = principal.arn!;
      keys["aws:userid"] = `${principal.account}:${principal.name}`;
      break;
    case "root":
      keys["aws:PrincipalArn"] = principal.arn!;
      keys["aws:userid"] = principal.account!;
      break;
    case "service":
      keys["aws:PrincipalServiceName"] = principal.name!;
      break;
    default:
      break;
  }
  return keys;
}

/** Parses a request time: ISO 8601 text or epoch seconds. NaN when it is neither. */
export function parseTime(value: string | number): number {
  if (typeof value === "number") return value * 1000;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  return Date.parse(text);
}

export function buildContext(
  request: RequestInput,
  principal: PrincipalDescription,
  now: string | number | undefined,
): RequestContext {
  const values = new Map<string, string[]>();
  const derived = principalContextKeys(principal, request);
  for (const key in derived) put(values, key, derived[key]!);
  if (now !== undefined) {
    const ms = parseTime(now);
    if (Number.isNaN(ms)) throw new PolicyError("invalidRequest", `"now" is not a date: ${String(now)}`, "now");
    values.set("aws:currenttime", [new Date(ms).toISOString()]);
    values.set("aws:epochtime", [String(Math.floor(ms / 1000))]);
  }
  const given = request.context;
  if (given) {
    for (const key in given) {
      const value = given[key]!;
      if (typeof value !== "string" && !(Array.isArray(value) && value.every((v) => typeof v === "string"))) {
        throw new PolicyError(
          "invalidRequest",
          "a context value must be a string or an array of strings",
          `request.context[${JSON.stringify(key)}]`,
        );
      }
      put(values, key, value);
    }
  }
  return { values, missing: null };
}

/** Describes the request's principal or throws a PolicyError naming `request.principal`. */
export function requestPrincipal(request: RequestInput): PrincipalDescription {
  const principal = typeof request.principal === "string" ? describePrincipal(request.principal) : undefined;
  if (!principal) {
    throw new PolicyError(
      "invalidRequest",
      `"${String(request.principal)}" is not a principal ARN, account id, service, identity provider or "anonymous"`,
      "request.principal",
    );
  }
  return principal;
}
