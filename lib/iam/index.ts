// Public API of the IAM policy evaluator. Pure TypeScript with no Node-only imports, so it runs in
// the browser as well as in the CLI and tests.

import { compileCase, evaluateParsed, type CompileOptions } from "./decide.ts";
import type { EvaluationInput, EvaluationResult } from "./types.ts";

export type * from "./types.ts";
export { PolicyError, type PolicyErrorCode } from "./errors.ts";
export { parsePolicy, type ParseOptions } from "./policy/parse.ts";
export type { KnownActions, ParsedPolicy, ParsedPrincipal, ParsedStatement, PolicyVersion, PolicyWarning } from "./policy/types.ts";
export { isParsedPolicy } from "./policy/input.ts";
export { matchesAction } from "./match/action.ts";
export { matchesResource } from "./match/resource.ts";
export { parseArn, accountOfArn, type Arn } from "./arn.ts";
export { describePrincipal, principalTypeValue, type PrincipalDescription, type PrincipalKind } from "./principal.ts";
export { principalContextKeys } from "./context.ts";
export { casePolicies } from "./case-policies.ts";
export { awsGuardrail, type Guardrail } from "./guardrails.ts";
export {
  compileCase,
  evaluateParsed,
  detectResourcePolicyKind,
  type CaseInput,
  type CaseWarning,
  type CompiledCase,
  type CompileOptions,
} from "./decide.ts";
export { parseOperator, type OperatorSpec } from "./conditions/operators.ts";
// The linter's runtime stays behind lib/iam/lint/index.ts so pages that only evaluate never load it.
export type { Finding, FindingKind, LintCatalogue, LintPlace } from "./lint/index.ts";

/**
 * Evaluates one request with its policies (raw JSON text, objects, named or pre-parsed). For many
 * requests against the same policies, compile once with `compileCase` and call `evaluateParsed`.
 */
export function evaluate(input: EvaluationInput, options: CompileOptions = {}): EvaluationResult {
  if (typeof input !== "object" || input === null) throw new TypeError("evaluate expects an evaluation case object");
  return evaluateParsed(compileCase(input, options), input.request);
}
