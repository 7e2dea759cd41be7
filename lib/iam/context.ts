// The request context: the key/value facts conditions and policy variables read. Keys compare
// case-insensitively (the policy variables page says key names are case-insensitive), so they are
// stored lower-cased. Keys derived from the principal are added only when the request left them out.

import { childPath, PolicyError } from "./errors.ts";
import { lowerCase, Memo } from "./memo.ts";
import { describePrincipal, principalTypeValue, type PrincipalDescription } from "./principal.ts";
import type { ContextValue, RequestInput } from "./types.ts";

/**
 * Looks keys up without copying the request's context: first the key as the policy spells it, then
 * case-insensitively, then the keys derived from the principal and the request time (which a key the
 * request gives always overrides).
 */
export class RequestContext {
  /** Keys that conditions or variables asked for and did not find, as the policy spelled them. */
  missing: string[] | null = null;
  #derived: Map<string, ContextValue> | null = null;

  constructor(
    private readonly given: Record<string, ContextValue> | undefined,
    private readonly principal: PrincipalDescription,
    private readonly request: Pick<RequestInput, "principalId" | "sessionIssuer">,
    private readonly now: number | undefined,
  ) {}

  get(key: string, keyLower: string): ContextValue | undefined {
    const given = this.given;
    if (given !== undefined) {
      const exact = given[key];
      if (typeof exact === "string" || Array.isArray(exact)) return exact;
      for (const name in given) if (lowerCase.get(name) === keyLower) return given[name];
    }
    return (this.#derived ??= this.derive()).get(keyLower);
  }

  private derive(): Map<string, ContextValue> {
    const values = new Map<string, ContextValue>();
    addPrincipalKeys(values, this.principal, this.request);
    if (this.now !== undefined) {
      values.set("aws:currenttime", new Date(this.now).toISOString());
      values.set("aws:epochtime", String(Math.floor(this.now / 1000)));
    }
    return values;
  }
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

const CANONICAL_KEYS: Record<string, string> = {
  "aws:principaltype": "aws:PrincipalType",
  "aws:principalaccount": "aws:PrincipalAccount",
  "aws:principalarn": "aws:PrincipalArn",
  "aws:username": "aws:username",
  "aws:userid": "aws:userid",
  "aws:principalservicename": "aws:PrincipalServiceName",
};

/** Context keys the documentation says AWS derives from the principal, with their usual spelling. */
export function principalContextKeys(
  principal: PrincipalDescription,
  request: Pick<RequestInput, "principalId" | "sessionIssuer"> = {},
): Record<string, string> {
  const values = new Map<string, ContextValue>();
  addPrincipalKeys(values, principal, request);
  const keys: Record<string, string> = {};
  for (const [key, value] of values) keys[CANONICAL_KEYS[key] ?? key] = value as string;
  return keys;
}

/** Parses a request time: ISO 8601 text or epoch seconds. NaN when it is neither. */
export function parseTime(value: string | number): number {
  if (typeof value === "number") return value * 1000;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  return Date.parse(text);
}

export function buildContext(request: RequestInput, principal: PrincipalDescription, now: string | number | undefined): RequestContext {
  let ms: number | undefined;
  if (now !== undefined) {
    ms = parseTime(now);
    if (Number.isNaN(ms)) throw new PolicyError("invalidRequest", `"now" is not a date: ${String(now)}`, "now");
  }
  const given = request.context;
  if (given) {
    for (const key in given) {
      const value = given[key];
      if (typeof value !== "string" && !isStringArray(value)) {
        throw new PolicyError(
          "invalidRequest",
          "a context value must be a string or an array of strings",
          childPath("request.context", key),
        );
      }
    }
  }
  return new RequestContext(given, principal, request, ms);
}

function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== "string") return false;
  return true;
}

/** Writes the derived principal keys (lower-cased) into a context map. */
function addPrincipalKeys(
  values: Map<string, ContextValue>,
  principal: PrincipalDescription,
  request: Pick<RequestInput, "principalId" | "sessionIssuer">,
): void {
  const type = principalTypeValue(principal.kind);
  if (type) values.set("aws:principaltype", type);
  if (principal.account) values.set("aws:principalaccount", principal.account);
  switch (principal.kind) {
    case "user":
      values.set("aws:principalarn", principal.arn!);
      values.set("aws:username", principal.name!);
      if (request.principalId) values.set("aws:userid", request.principalId);
      break;
    case "assumed-role":
      values.set("aws:principalarn", request.sessionIssuer ?? principal.roleArn!);
      if (request.principalId) values.set("aws:userid", `${request.principalId}:${principal.sessionName}`);
      break;
    case "role":
      values.set("aws:principalarn", principal.arn!);
      break;
    case "federated-user":
      values.set("aws:principalarn", principal.arn!);
      values.set("aws:userid", `${principal.account}:${principal.name}`);
      break;
    case "root":
      values.set("aws:principalarn", principal.arn!);
      values.set("aws:userid", principal.account!);
      break;
    case "service":
      values.set("aws:principalservicename", principal.name!);
      break;
    default:
      break;
  }
}

const principals = new Memo<PrincipalDescription | undefined>((text) => {
  const description = describePrincipal(text);
  return description && Object.freeze(description);
});

/** Describes the request's principal or throws a PolicyError naming `request.principal`. */
export function requestPrincipal(request: RequestInput): PrincipalDescription {
  const principal = typeof request.principal === "string" ? principals.get(request.principal) : undefined;
  if (!principal) {
    throw new PolicyError(
      "invalidRequest",
      `"${String(request.principal)}" is not a principal ARN, account id, service, identity provider or "anonymous"`,
      "request.principal",
    );
  }
  return principal;
}
