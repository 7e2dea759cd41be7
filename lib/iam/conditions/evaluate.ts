// Evaluating one condition (operator + key + values) against the request context, following the
// condition operators page: several values are ORed, negated operators are a NOR, a missing key
// fails every operator except the negated ones, ...IfExists and Null, and ForAllValues /
// ForAnyValue compare each context value of a multivalued key.

import { noteMissing, type RequestContext } from "../context.ts";
import { parseTemplate, resolveTemplate, type Template } from "../variables.ts";
import { comparerFor, parseOperator, type OperatorSpec, type ValueComparer } from "./operators.ts";

export interface CompiledCondition {
  spec: OperatorSpec;
  key: string;
  keyLower: string;
  /** Policy values ready to compare, when none holds a variable. */
  prepared: unknown[] | null;
  /** Policy values with variables, filled in per request. */
  templates: (string | Template)[] | null;
  comparer: ValueComparer<unknown>;
  /** For Null: whether the policy asks for the key to be absent. */
  wantsAbsent: boolean;
}

export function compileCondition(operator: string, key: string, values: string[], variablesOn: boolean): CompiledCondition {
  const spec = parseOperator(operator);
  if (!spec) throw new Error(`unknown condition operator ${operator}`);
  const comparer = comparerFor(spec);
  const parsed = values.map((v) => parseTemplate(v, variablesOn && spec.allowsVariables, spec.glob));
  const hasVariables = parsed.some((v) => typeof v !== "string");
  return {
    spec,
    key,
    keyLower: key.toLowerCase(),
    prepared: hasVariables ? null : (parsed as string[]).map((v) => comparer.prepare(v)),
    templates: hasVariables ? parsed : null,
    comparer,
    wantsAbsent: spec.family === "null" && values.some((v) => v.toLowerCase() === "true"),
  };
}

function anyPolicyValueMatches(condition: CompiledCondition, prepared: unknown[], contextValue: string): boolean {
  const comparer = condition.comparer;
  for (let i = 0; i < prepared.length; i++) if (comparer.matches(contextValue, prepared[i])) return true;
  return false;
}

export function testCondition(condition: CompiledCondition, context: RequestContext): boolean {
  const spec = condition.spec;
  const values = context.get(condition.key, condition.keyLower);
  if (spec.family === "null") {
    const absent = values === undefined;
    if (absent) noteMissing(context, condition.key);
    return absent === condition.wantsAbsent;
  }
  if (values === undefined) {
    noteMissing(context, condition.key);
    if (spec.ifExists || spec.set === "forAllValues") return true;
    if (spec.set === "forAnyValue") return false;
    return spec.negated;
  }
  let prepared = condition.prepared;
  if (prepared === null) {
    prepared = [];
    for (const template of condition.templates!) {
      const text = typeof template === "string" ? template : resolveTemplate(template, context);
      // A variable with no value makes the whole statement invalid, so the condition cannot hold.
      if (text === undefined) return false;
      prepared.push(condition.comparer.prepare(text));
    }
  }
  const negated = spec.negated;
  if (typeof values === "string") {
    return anyPolicyValueMatches(condition, prepared, values) !== negated;
  }
  switch (spec.set) {
    case "forAllValues":
      for (const value of values) if (anyPolicyValueMatches(condition, prepared, value) === negated) return false;
      return true;
    case "forAnyValue":
      for (const value of values) if (anyPolicyValueMatches(condition, prepared, value) !== negated) return true;
      return false;
    default: {
      let matched = false;
      for (const value of values) {
        if (anyPolicyValueMatches(condition, prepared, value)) {
          matched = true;
          break;
        }
      }
      return matched !== negated;
    }
  }
}
