// Errors the evaluator throws. Every problem in a policy or request names where it is, as a JSON
// path in lib/errors' one spelling, so a learner (or the CLI) can point at the exact element to fix.

import { DomainError, formatJsonPath, joinJsonPath } from "../errors/index.ts";

export type PolicyErrorCode =
  | "invalidJson"
  | "invalidType"
  | "unknownElement"
  | "missingElement"
  | "conflictingElements"
  | "elementNotAllowed"
  | "invalidVersion"
  | "invalidEffect"
  | "invalidAction"
  | "invalidResource"
  | "invalidPrincipal"
  | "unknownOperator"
  | "invalidConditionValue"
  | "invalidRequest";

/** The path of a child of `parent`: an element name, a condition key or an array index. */
export function childPath(parent: string, ...segments: (string | number)[]): string {
  return joinJsonPath(parent, formatJsonPath(segments));
}

export class PolicyError extends DomainError<PolicyErrorCode> {
  /** The id of the policy, when it is known. */
  readonly policyId?: string;

  constructor(code: PolicyErrorCode, message: string, path: string, policyId?: string) {
    super(code, message, { path });
    if (policyId !== undefined) this.policyId = policyId;
  }

  /** JSON path inside the policy (or request) of the offending element, e.g. `Statement[1].Effect`. */
  get path(): string {
    return this.where.path ?? "";
  }

  /** One line for people: which policy and where in it, then what. */
  override describe(): string {
    const where = [this.policyId, this.path].filter(Boolean).join(" at ");
    return where ? `${where}: ${this.message}` : this.message;
  }

  /** The same error seen from an enclosing document (e.g. a policy inside an evaluation case). */
  within(prefix: string, policyId?: string): PolicyError {
    return new PolicyError(this.code, this.message, joinJsonPath(prefix, this.path), policyId ?? this.policyId);
  }
}

/** "a resource policy", "an identity policy": messages read naturally whatever the policy kind. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}
