// Accepting policies in every form a caller may hold them: JSON text, an object, a NamedPolicy, or
// an already parsed policy. Errors are re-pathed so they point into the evaluation case.

import { childPath, PolicyError, withArticle } from "../errors.ts";
import type { NamedPolicy, PolicyInput, PolicyType } from "../types.ts";
import { parsePolicy, type ParseOptions } from "./parse.ts";
import type { ParsedPolicy } from "./types.ts";

export function isParsedPolicy(value: unknown): value is ParsedPolicy {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as ParsedPolicy).statements) &&
    typeof (value as ParsedPolicy).variablesEnabled === "boolean"
  );
}

function isNamedPolicy(value: unknown): value is NamedPolicy {
  return typeof value === "object" && value !== null && "document" in value && typeof (value as NamedPolicy).id === "string";
}

/** Rejects elements the policy type cannot hold, for policies that were parsed without a kind. */
function checkKind(policy: ParsedPolicy, kind: PolicyType): void {
  const resourceSide = kind === "resource" || kind === "rcp";
  for (const s of policy.statements) {
    if (resourceSide && !s.principal && !s.notPrincipal) {
      throw new PolicyError(
        "missingElement",
        `${withArticle(kind)} policy statement needs Principal or NotPrincipal`,
        childPath(s.path, "Principal"),
        policy.id,
      );
    }
    if (!resourceSide && (s.principal || s.notPrincipal)) {
      throw new PolicyError(
        "elementNotAllowed",
        `Principal is not allowed in ${withArticle(kind)} policy`,
        childPath(s.path, "Principal"),
        policy.id,
      );
    }
  }
}

/**
 * Parses one policy of a case. `path` is where it sits in the case (e.g. "identityPolicies[1]"),
 * prefixed to any error's path; `defaultId` names it when the input gives no name.
 */
export function readPolicyInput(
  input: PolicyInput | ParsedPolicy,
  kind: PolicyType,
  path: string,
  defaultId: string,
  options: Omit<ParseOptions, "id" | "kind"> = {},
): ParsedPolicy {
  if (isParsedPolicy(input)) {
    try {
      checkKind(input, kind);
    } catch (error) {
      throw (error as PolicyError).within(path);
    }
    return input;
  }
  const named = isNamedPolicy(input);
  const source = named ? input.document : input;
  const id = named ? input.id : defaultId;
  const at = named ? childPath(path, "document") : path;
  if (isParsedPolicy(source)) return readPolicyInput(source, kind, at, id, options);
  try {
    const parsed = parsePolicy(source, { ...options, id, kind });
    if (!named && parsed.documentId !== undefined) parsed.id = parsed.documentId;
    return parsed;
  } catch (error) {
    if (error instanceof PolicyError) throw error.within(at, id);
    throw error;
  }
}
