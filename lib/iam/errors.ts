// Errors the evaluator throws. Every problem in a policy or request names where it is, as a JSON
// path, so a learner (or the CLI) can point at the exact element to fix.

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

export class PolicyError extends Error {
  readonly code: PolicyErrorCode;
  /** JSON path inside the policy (or request) of the offending element, e.g. `Statement[1].Effect`. */
  readonly path: string;
  /** The id of the policy, when it is known. */
  readonly policyId?: string;

  constructor(code: PolicyErrorCode, message: string, path: string, policyId?: string) {
    super(message);
    this.name = "PolicyError";
    this.code = code;
    this.path = path;
    if (policyId !== undefined) this.policyId = policyId;
  }

  /** One line for people: where, then what. */
  describe(): string {
    const where = [this.policyId, this.path].filter(Boolean).join(" at ");
    return where ? `${where}: ${this.message}` : this.message;
  }

  /** The same error seen from an enclosing document (e.g. a policy inside an evaluation case). */
  within(prefix: string, policyId?: string): PolicyError {
    const path = this.path ? (this.path.startsWith("[") ? `${prefix}${this.path}` : `${prefix}.${this.path}`) : prefix;
    return new PolicyError(this.code, this.message, path, policyId ?? this.policyId);
  }
}

/** "a resource policy", "an identity policy": messages read naturally whatever the policy kind. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}
