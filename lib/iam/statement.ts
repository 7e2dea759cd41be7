// Whether one statement applies to the request: action, principal, resource, then conditions (all
// conditions ANDed). For statements in resource-side policies it also says how the principal matched.

import { testCondition } from "./conditions/evaluate.ts";
import type { RequestContext } from "./context.ts";
import { exemptFromNotPrincipalDeny, matchPrincipal, type Caller, type PrincipalMatch } from "./match/principal.ts";
import { matchEncoded } from "./match/wildcard.ts";
import type { CompiledStatement } from "./policy/compile.ts";
import { resolveTemplate } from "./variables.ts";

export interface StatementRequest {
  lowerAction: string;
  resource: string;
  caller: Caller;
  context: RequestContext;
}

function actionApplies(statement: CompiledStatement, lowerAction: string): boolean {
  const matchers = statement.actionMatchers;
  let matched = false;
  for (let i = 0; i < matchers.length; i++) {
    if (matchers[i]!(lowerAction)) {
      matched = true;
      break;
    }
  }
  return matched !== statement.actionNegated;
}

/** undefined when a policy variable in Resource has no value: the statement then does not apply. */
function resourceApplies(statement: CompiledStatement, request: StatementRequest): boolean | undefined {
  const matchers = statement.resourceMatchers;
  if (matchers === null) return true;
  let matched = false;
  for (let i = 0; i < matchers.length; i++) {
    const matcher = matchers[i]!;
    if (typeof matcher === "function") {
      if (matcher(request.resource)) {
        matched = true;
        break;
      }
    } else {
      const pattern = resolveTemplate(matcher, request.context);
      if (pattern === undefined) return undefined;
      if (matchEncoded(pattern, request.resource)) {
        matched = true;
        break;
      }
    }
  }
  return matched !== statement.resourceNegated;
}

function principalApplies(statement: CompiledStatement, caller: Caller): PrincipalMatch {
  if (statement.principal) return matchPrincipal(statement.principal, caller);
  if (statement.notPrincipal) {
    if (!statement.isAllow) return exemptFromNotPrincipalDeny(statement.notPrincipal, caller) ? "none" : "wildcard";
    return matchPrincipal(statement.notPrincipal, caller) === "none" ? "wildcard" : "none";
  }
  return "none";
}

/**
 * "none" when the statement does not apply. For identity-side policies (no principal element
 * expected) an applying statement reports "wildcard".
 */
export function statementApplies(statement: CompiledStatement, request: StatementRequest, resourceSide: boolean): PrincipalMatch {
  if (!actionApplies(statement, request.lowerAction)) return "none";
  const match: PrincipalMatch = resourceSide ? principalApplies(statement, request.caller) : "wildcard";
  if (match === "none") return "none";
  if (resourceApplies(statement, request) !== true) return "none";
  const conditions = statement.conditions;
  for (let i = 0; i < conditions.length; i++) if (!testCondition(conditions[i]!, request.context)) return "none";
  return match;
}
