// Turning a parsed policy into matchers once, so each evaluation only compares. The compiled form
// is cached per parsed policy object.

import { compileCondition, type CompiledCondition } from "../conditions/evaluate.ts";
import { compileActionPattern } from "../match/action.ts";
import { compilePrincipal, type CompiledPrincipal } from "../match/principal.ts";
import { compileEncoded, type TextMatcher } from "../match/wildcard.ts";
import { parseTemplate, type Template } from "../variables.ts";
import type { ParsedPolicy, ParsedStatement } from "./types.ts";

export interface CompiledStatement {
  source: ParsedStatement;
  isAllow: boolean;
  /** Tests the lower-cased request action against Action (or NotAction, then negated). */
  actionMatchers: TextMatcher[];
  actionNegated: boolean;
  /** null when the statement has neither Resource nor NotResource (trust policies). */
  resourceMatchers: (TextMatcher | Template)[] | null;
  resourceNegated: boolean;
  principal: CompiledPrincipal | null;
  notPrincipal: CompiledPrincipal | null;
  conditions: CompiledCondition[];
}

export interface CompiledPolicy {
  parsed: ParsedPolicy;
  statements: CompiledStatement[];
}

function compileStatement(statement: ParsedStatement, variablesOn: boolean): CompiledStatement {
  const actions = statement.action ?? statement.notAction ?? [];
  const resources = statement.resource ?? statement.notResource;
  const conditions: CompiledCondition[] = [];
  for (const operator of Object.keys(statement.condition)) {
    const block = statement.condition[operator]!;
    for (const key of Object.keys(block)) conditions.push(compileCondition(operator, key, block[key]!, variablesOn));
  }
  return {
    source: statement,
    isAllow: statement.effect === "Allow",
    actionMatchers: actions.map(compileActionPattern),
    actionNegated: statement.action === undefined,
    resourceMatchers: resources
      ? resources.map((r) => {
          const template = parseTemplate(r, variablesOn, true);
          return typeof template === "string" ? compileEncoded(template) : template;
        })
      : null,
    resourceNegated: statement.resource === undefined && statement.notResource !== undefined,
    principal: statement.principal ? compilePrincipal(statement.principal) : null,
    notPrincipal: statement.notPrincipal ? compilePrincipal(statement.notPrincipal) : null,
    conditions,
  };
}

const cache = new WeakMap<ParsedPolicy, CompiledPolicy>();

export function compilePolicy(parsed: ParsedPolicy): CompiledPolicy {
  let compiled = cache.get(parsed);
  if (!compiled) {
    compiled = { parsed, statements: parsed.statements.map((s) => compileStatement(s, parsed.variablesEnabled)) };
    cache.set(parsed, compiled);
  }
  return compiled;
}
