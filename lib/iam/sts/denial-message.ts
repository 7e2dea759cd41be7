// The document inside an encoded authorization message, in the shape AWS decodes to (see the AWS CLI
// example for `aws sts decode-authorization-message`): whether the request was allowed, whether an
// explicit deny decided it, the statements that matched, and the request context — principal,
// action, resource and the condition keys with their values.

import { describePrincipal, principalContextKeys, type MatchedStatement, type NamedPolicy, type PolicyInput } from "../index.ts";
import type { Authorization } from "./authorize.ts";
import type { DecodedAuthorizationMessage, DecodedStatement } from "./authorization-message.ts";
import type { ResolvedCaller } from "./caller.ts";
import { casePolicies } from "../case-policies.ts";

type Items = { items: { value: string }[] };

function items(values: unknown): Items {
  const list = values === undefined ? [] : Array.isArray(values) ? values : [values];
  return { items: list.map((v) => ({ value: String(v) })) };
}

function documentOf(policy: PolicyInput | undefined): Record<string, unknown> | undefined {
  if (policy === undefined) return undefined;
  const source = typeof policy === "object" && policy !== null && "document" in policy ? (policy as NamedPolicy).document : policy;
  if (typeof source === "string") {
    try {
      return JSON.parse(source) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  return source as Record<string, unknown>;
}

function idOf(policy: PolicyInput | undefined): string | undefined {
  return typeof policy === "object" && policy !== null && "id" in policy && typeof policy.id === "string" ? policy.id : undefined;
}

/** The raw statement a match points at, looked up among the case's policies by id and index. */
function rawStatement(authorization: Authorization, match: MatchedStatement): Record<string, unknown> | undefined {
  for (const candidate of casePolicies(authorization.input)) {
    if (idOf(candidate) !== match.policyId) continue;
    const statements = documentOf(candidate)?.Statement;
    const list = Array.isArray(statements) ? statements : statements === undefined ? [] : [statements];
    return list[match.statementIndex] as Record<string, unknown> | undefined;
  }
  return undefined;
}

function conditionItems(condition: unknown): DecodedStatement["conditions"] {
  const out: DecodedStatement["conditions"] = { items: [] };
  for (const [operator, keys] of Object.entries((condition ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const [key, values] of Object.entries(keys ?? {})) {
      out.items.push({ key: `${operator}:${key}`, values: items(values) });
    }
  }
  return out;
}

function statementItem(authorization: Authorization, match: MatchedStatement, principalId: string): DecodedStatement {
  const raw = rawStatement(authorization, match) ?? {};
  return {
    statementId: match.sid ?? "",
    effect: match.effect === "Deny" ? "DENY" : "ALLOW",
    policyType: match.policyType,
    policyId: match.policyId,
    principals: items(principalId),
    principalGroups: { items: [] },
    actions: items(raw.Action ?? raw.NotAction),
    resources: items(raw.Resource ?? raw.NotResource ?? "*"),
    conditions: conditionItems(raw.Condition),
  };
}

export function buildDecodedMessage(resolved: ResolvedCaller, authorization: Authorization): DecodedAuthorizationMessage {
  const { evaluation, input } = authorization;
  const request = input.request;
  // For an implicit deny nothing decided, so show every statement that applied anywhere: the learner
  // sees, say, the identity Allow that a permissions boundary did not match.
  const matches =
    evaluation.decision === "implicitDeny"
      ? Object.values(evaluation.details).flatMap((d) => d?.matchedStatements ?? [])
      : evaluation.matchedStatements;
  const principalId = resolved.principalId ?? resolved.userId;

  const keys: Record<string, string | string[]> = {};
  const description = describePrincipal(request.principal);
  if (description) Object.assign(keys, principalContextKeys(description, request));
  Object.assign(keys, request.context ?? {});
  const colon = request.action.indexOf(":");
  keys["aws:Service"] = request.action.slice(0, colon);

  const message: DecodedAuthorizationMessage = {
    allowed: evaluation.decision === "allowed",
    explicitDeny: evaluation.decision === "explicitDeny",
    matchedStatements: { items: matches.map((m) => statementItem(authorization, m, principalId)) },
    failures: { items: evaluation.missingContextValues.map((k) => ({ message: `The request context has no value for ${k}` })) },
    context: {
      principal: { id: resolved.userId, arn: request.principal },
      // AWS shows the action without its service prefix and the service as aws:Service.
      action: request.action.slice(colon + 1),
      resource: request.resource,
      conditions: {
        items: Object.entries(keys).map(([key, value]) => ({ key, values: items(value) })),
      },
    },
    explanation: evaluation.explanation,
  };
  const name = resolved.user?.name ?? resolved.role?.name;
  if (name) message.context.principal.name = name;
  return message;
}
