// Names a variant may change. A scenario declares them once under `names` and writes `{{key}}`
// wherever the name appears (ARNs, policies, prompts), so renaming a user, bucket, role or account is
// one edit that stays consistent everywhere. IAM's own `${...}` policy variables are untouched.

import { formatJsonPath } from "../errors/index.ts";
import { ScenarioError } from "./errors.ts";
import type { NameKind, ScenarioDocument } from "./schema.ts";

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w-]*)\s*\}\}/g;

export interface ScenarioName {
  key: string;
  value: string;
  kind: NameKind;
}

/** The declared names with their kinds ("text" when the author gave none). */
export function scenarioNames(document: ScenarioDocument): ScenarioName[] {
  return Object.entries(document.names ?? {}).map(([key, entry]) =>
    typeof entry === "string" ? { key, value: entry, kind: "text" } : { key, value: entry.value, kind: entry.kind ?? "text" },
  );
}

function substitute(value: unknown, names: Map<string, string>, path: PropertyKey[]): unknown {
  if (typeof value === "string") {
    return value.replace(PLACEHOLDER, (_, key: string) => {
      const replacement = names.get(key);
      if (replacement === undefined) throw new ScenarioError("unknownName", `{{${key}}} is not declared under names`, formatJsonPath(path));
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => substitute(item, names, [...path, i]));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = substitute(item, names, [...path, key]);
    return out;
  }
  return value;
}

/** The document with every `{{key}}` replaced by its name; the `names` block itself is kept as is. */
export function resolveNames(document: ScenarioDocument): ScenarioDocument {
  const names = new Map(scenarioNames(document).map((n) => [n.key, n.value]));
  const { names: declared, ...rest } = document;
  const resolved = substitute(rest, names, []) as Omit<ScenarioDocument, "names">;
  return declared === undefined ? resolved : { ...resolved, names: declared };
}

const KIND_RULES: Partial<Record<NameKind, { pattern: RegExp; text: string }>> = {
  account: { pattern: /^\d{12}$/, text: "twelve digits" },
  user: { pattern: /^[\w+=,.@-]{1,64}$/, text: "1-64 letters, digits and +=,.@_-" },
  group: { pattern: /^[\w+=,.@-]{1,128}$/, text: "1-128 letters, digits and +=,.@_-" },
  role: { pattern: /^[\w+=,.@-]{1,64}$/, text: "1-64 letters, digits and +=,.@_-" },
  bucket: {
    pattern: /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/,
    text: "3-63 lowercase letters, digits, dots, hyphens (or underscores, for legacy buckets)",
  },
  session: { pattern: /^[\w+=,.@-]{2,64}$/, text: "2-64 letters, digits and +=,.@_-" },
  instance: { pattern: /^[\w-]{1,64}$/, text: "letters, digits and -" },
};

/** Checks a value against its kind's naming rules; returns the problem, or undefined. */
export function nameProblem(kind: NameKind, value: string): string | undefined {
  const rule = KIND_RULES[kind];
  if (!rule || rule.pattern.test(value)) return undefined;
  return `a ${kind} name is ${rule.text}, not ${JSON.stringify(value)}`;
}

/**
 * The same scenario document with some names given new values (key -> value). Keys must be
 * declared; values must suit their kind. The caller re-validates the result (parseScenario does).
 */
export function renameDocument(document: ScenarioDocument, mapping: Readonly<Record<string, string>>): ScenarioDocument {
  const declared = document.names ?? {};
  const names: NonNullable<ScenarioDocument["names"]> = { ...declared };
  for (const [key, value] of Object.entries(mapping)) {
    const entry = declared[key];
    if (entry === undefined) throw new ScenarioError("invalidRename", `${key} is not a declared name`, formatJsonPath(["names", key]));
    const kind = typeof entry === "string" ? "text" : (entry.kind ?? "text");
    const problem = nameProblem(kind, value);
    if (problem) throw new ScenarioError("invalidRename", problem, formatJsonPath(["names", key]));
    names[key] = typeof entry === "string" ? value : { ...entry, value };
  }
  return { ...document, names };
}
