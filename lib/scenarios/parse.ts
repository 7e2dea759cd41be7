// Reading a scenario: text (YAML or JSON; YAML is a superset) or an object, checked against the
// schema, names resolved, every policy parsed by lib/iam, every reference checked. The first problem
// is thrown as a ScenarioError naming its path.

import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { formatJsonPath } from "../errors/index.ts";
import { ScenarioError } from "./errors.ts";
import { renameDocument, resolveNames } from "./names.ts";
import { stepId } from "./run.ts";
import { scenarioSchema, type ScenarioDocument } from "./schema.ts";
import type { Scenario } from "./types.ts";
import { validatePolicies } from "./validate-policies.ts";
import { validateReferences } from "./validate-references.ts";

function firstIssue(error: z.ZodError): ScenarioError {
  const issue = error.issues[0];
  // A union's own message is vaguer than what its branches found; prefer the deepest branch issue.
  const nested = issue && "errors" in issue && Array.isArray(issue.errors) ? (issue.errors as z.core.$ZodIssue[][]).flat()[0] : undefined;
  const chosen = nested && issue ? { ...nested, path: [...issue.path, ...nested.path] } : issue;
  return new ScenarioError("invalidScenario", chosen?.message ?? "invalid scenario", formatJsonPath(chosen?.path ?? []));
}

function checkShape(value: unknown): ScenarioDocument {
  const result = scenarioSchema.safeParse(value);
  if (!result.success) throw firstIssue(result.error);
  return result.data;
}

/** Reads YAML or JSON text; syntax errors say where (line and column). */
export function readScenarioText(text: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0];
      throw new ScenarioError(
        "invalidSyntax",
        error.message.split("\n")[0] ?? error.message,
        where ? `line ${where.line}, column ${where.col}` : "",
      );
    }
    throw error;
  }
}

/** Validates a scenario document (already checked shape); returns it with its resolved form. */
function validated(document: ScenarioDocument): Scenario {
  const resolved = checkShape(resolveNames(document));
  validatePolicies(resolved);
  validateReferences(resolved, stepId);
  return { document, resolved };
}

/** Parses and validates a scenario from YAML/JSON text or a plain object. */
export function parseScenario(source: string | unknown): Scenario {
  const value = typeof source === "string" ? readScenarioText(source) : source;
  return validated(checkShape(value));
}

/**
 * The scenario with some declared names given new values (name key -> new value), validated again.
 * Everything written with {{key}} follows: ARNs, policies, prompts.
 */
export function renameScenario(scenario: Scenario, mapping: Readonly<Record<string, string>>): Scenario {
  return validated(checkShape(renameDocument(scenario.document, mapping)));
}
