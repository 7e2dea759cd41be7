// Grammar: the evaluator's own validator (parsePolicy) decides what is malformed; its first error
// and its warnings become findings with Access Analyzer's codes. Placement rules (Principal,
// Resource) are left to checks/placement.ts, which reports every statement rather than the first.

import { PolicyError, type PolicyErrorCode } from "../../errors.ts";
import { parsePolicy } from "../../policy/parse.ts";
import type { PolicyWarning } from "../../policy/types.ts";
import type { PolicySource } from "../../types.ts";
import type { FindingCode } from "../codes.ts";
import type { Draft } from "../document.ts";
import { parsePath } from "../locate.ts";

const BY_ERROR: Partial<Record<PolicyErrorCode, FindingCode>> = {
  invalidJson: "JSON_SYNTAX_ERROR",
  invalidType: "DATA_TYPE_MISMATCH",
  unknownElement: "INVALID_POLICY_ELEMENT",
  conflictingElements: "UNSUPPORTED_ELEMENT_COMBINATION",
  elementNotAllowed: "UNSUPPORTED_PRINCIPAL",
  invalidVersion: "INVALID_VERSION",
  invalidEffect: "INVALID_EFFECT",
  invalidAction: "INVALID_ACTION",
  invalidResource: "INVALID_ARN_PREFIX",
  invalidPrincipal: "INVALID_PRINCIPAL_FORMAT",
  unknownOperator: "INVALID_CONDITION_OPERATOR",
  invalidConditionValue: "DATA_TYPE_MISMATCH",
};

const MISSING: Record<string, FindingCode> = {
  Statement: "MISSING_STATEMENT",
  Effect: "MISSING_EFFECT",
  Action: "MISSING_ACTION",
  Resource: "MISSING_RESOURCE",
  Principal: "MISSING_PRINCIPAL",
};

const BY_WARNING: Partial<Record<PolicyWarning["code"], FindingCode>> = {
  duplicateSid: "DUPLICATE_SID",
  literalVariables: "VARIABLE_UNSUPPORTED_IN_VERSION",
  emptyPolicy: "NO_STATEMENTS",
};

function codeOf(error: PolicyError): FindingCode {
  if (error.code === "missingElement") {
    const last = parsePath(error.path).at(-1);
    return MISSING[String(last)] ?? "MISSING_STATEMENT";
  }
  return BY_ERROR[error.code] ?? "DATA_TYPE_MISMATCH";
}

/**
 * `valueChecked` holds the paths whose condition values checks/conditions.ts already reports with
 * a type-mismatch code, so the parser's error for the same value is not said twice.
 */
export function grammarFindings(document: unknown, valueChecked: ReadonlySet<string>): Draft[] {
  try {
    const parsed = parsePolicy(document as PolicySource);
    return parsed.warnings.flatMap((w) => {
      const code = BY_WARNING[w.code];
      return code ? [{ code, message: `${w.message}.`, path: w.path }] : [];
    });
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    if (error.code === "invalidConditionValue" && valueChecked.has(error.path)) return [];
    return [{ code: codeOf(error), message: `${error.message}.`, path: error.path }];
  }
}
