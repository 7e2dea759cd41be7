// Reading and validating a policy document. Anything AWS would reject is a PolicyError naming the
// JSON path of the problem; things AWS accepts but that are probably mistakes are warnings.

import { childPath, PolicyError, withArticle } from "../errors.ts";
import { checkConditionValue, parseOperator } from "../conditions/operators.ts";
import { encodeWildcards, matchEncoded } from "../match/wildcard.ts";
import type { PolicySource, PolicyType } from "../types.ts";
import type { KnownActions, ParsedPolicy, ParsedPrincipal, ParsedStatement, PolicyVersion, PolicyWarning } from "./types.ts";

export interface ParseOptions {
  /** Name for the policy in results; defaults to its Id element, else "policy". */
  id?: string;
  /**
   * The role the policy plays. When given, elements that policy type cannot hold are errors:
   * Principal in identity-side policies, a missing Principal in resource-side ones.
   */
  kind?: PolicyType;
  /** The actions that exist, for unknown-action warnings; without them no such warnings are given. */
  knownActions?: KnownActions;
}

const POLICY_ELEMENTS = new Set(["Version", "Id", "Statement"]);
const STATEMENT_ELEMENTS = new Set([
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
]);
const PRINCIPAL_TYPES = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);
const IDENTITY_SIDE: ReadonlySet<PolicyType> = new Set(["identity", "permissionsBoundary", "session", "scp"]);
const ACTION_PATTERN = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+$/;

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unknownElement(name: string, allowed: Set<string>, path: string, where: string): PolicyError {
  const close = [...allowed].find((a) => a.toLowerCase() === name.toLowerCase());
  const hint = close ? ` (element names are case-sensitive: did you mean "${close}"?)` : "";
  return new PolicyError("unknownElement", `"${name}" is not a ${where} element${hint}`, path);
}

class Reader {
  readonly warnings: PolicyWarning[] = [];
  constructor(readonly options: ParseOptions) {}

  stringList(value: unknown, path: string, element: string): string[] {
    const list = typeof value === "string" ? [value] : value;
    if (!Array.isArray(list) || list.length === 0) {
      throw new PolicyError("invalidType", `${element} must be a string or a non-empty array of strings`, path);
    }
    list.forEach((item, i) => {
      if (typeof item !== "string") {
        throw new PolicyError("invalidType", `${element} entries must be strings, not ${typeName(item)}`, childPath(path, i));
      }
    });
    return list as string[];
  }

  actions(value: unknown, path: string, element: string): string[] {
    const list = this.stringList(value, path, element);
    list.forEach((action, i) => {
      const at = typeof value === "string" ? path : childPath(path, i);
      if (action !== "*" && !ACTION_PATTERN.test(action)) {
        throw new PolicyError("invalidAction", `"${action}" is not "*" or "service:action"`, at);
      }
      this.checkKnown(action, at);
    });
    return list;
  }

  checkKnown(action: string, path: string): void {
    const catalogue = this.options.knownActions;
    if (!catalogue || action === "*") return;
    const [service = "", name = ""] = action.toLowerCase().split(":");
    if (/[*?]/.test(service)) return;
    const known = catalogue.actionsOf(service);
    if (!known) {
      this.warnings.push({ code: "unknownService", message: `"${service}" is not a known AWS service prefix`, path });
      return;
    }
    if (/[*?]/.test(name)) {
      const pattern = encodeWildcards(name);
      for (const candidate of known) if (matchEncoded(pattern, candidate)) return;
      this.warnings.push({ code: "unknownAction", message: `"${action}" matches no ${service} action`, path });
    } else if (!known.has(name)) {
      this.warnings.push({ code: "unknownAction", message: `"${action}" is not a known ${service} action`, path });
    }
  }

  resources(value: unknown, path: string, element: string): string[] {
    const list = this.stringList(value, path, element);
    list.forEach((resource, i) => {
      const at = typeof value === "string" ? path : childPath(path, i);
      if (resource !== "*" && !(resource.startsWith("arn:") && resource.split(":").length >= 6)) {
        throw new PolicyError("invalidResource", `"${resource}" is not "*" or an ARN (arn:partition:service:region:account:resource)`, at);
      }
    });
    return list;
  }

  principal(value: unknown, path: string, element: string): ParsedPrincipal {
    const parsed: ParsedPrincipal = { wildcard: false, AWS: [], Service: [], Federated: [], CanonicalUser: [] };
    if (value === "*") {
      parsed.wildcard = true;
      return parsed;
    }
    if (!isRecord(value)) {
      throw new PolicyError("invalidPrincipal", `${element} must be "*" or an object such as {"AWS": "..."}`, path);
    }
    const keys = Object.keys(value);
    if (keys.length === 0) throw new PolicyError("invalidPrincipal", `${element} names no principal`, path);
    for (const key of keys) {
      const at = childPath(path, key);
      if (!PRINCIPAL_TYPES.has(key)) throw unknownElement(key, PRINCIPAL_TYPES, at, "principal type");
      const list = this.stringList(value[key], at, `${element}.${key}`);
      list.forEach((entry, i) => {
        const entryPath = typeof value[key] === "string" ? at : childPath(at, i);
        if (key === "AWS") this.checkAwsPrincipal(entry, entryPath);
      });
      (parsed[key as keyof Omit<ParsedPrincipal, "wildcard">] as string[]).push(...list);
      if (key === "AWS" && list.includes("*")) parsed.wildcard = true;
    }
    return parsed;
  }

  checkAwsPrincipal(entry: string, path: string): void {
    if (entry === "*" || /^\d{12}$/.test(entry)) return;
    const ok = /^arn:[a-z-]+:(iam|sts)::\d{12}:/.test(entry);
    if (!ok) {
      throw new PolicyError("invalidPrincipal", `"${entry}" is not "*", an account id or an IAM/STS principal ARN`, path);
    }
    if (/[*?]/.test(entry)) {
      throw new PolicyError(
        "invalidPrincipal",
        `"${entry}": a principal ARN cannot contain wildcards; use "*" with a condition on aws:PrincipalArn`,
        path,
      );
    }
  }

  condition(value: unknown, path: string): Record<string, Record<string, string[]>> {
    if (!isRecord(value)) throw new PolicyError("invalidType", "Condition must be an object", path);
    const out: Record<string, Record<string, string[]>> = {};
    for (const operator of Object.keys(value)) {
      const opPath = childPath(path, operator);
      const spec = parseOperator(operator);
      if (!spec) throw new PolicyError("unknownOperator", `"${operator}" is not a condition operator`, opPath);
      const block = value[operator];
      if (!isRecord(block)) throw new PolicyError("invalidType", `${operator} must map condition keys to values`, opPath);
      const keys: Record<string, string[]> = {};
      for (const key of Object.keys(block)) {
        const keyPath = childPath(opPath, key);
        const raw = block[key];
        const list = Array.isArray(raw) ? raw : [raw];
        if (list.length === 0) throw new PolicyError("invalidConditionValue", "a condition needs at least one value", keyPath);
        keys[key] = list.map((item, i) => {
          const itemPath = Array.isArray(raw) ? childPath(keyPath, i) : keyPath;
          if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") {
            throw new PolicyError(
              "invalidConditionValue",
              `condition values must be strings, numbers or booleans, not ${typeName(item)}`,
              itemPath,
            );
          }
          const text = String(item);
          const problem = checkConditionValue(spec, text);
          if (problem) throw new PolicyError("invalidConditionValue", `${problem} (for ${spec.base})`, itemPath);
          return text;
        });
      }
      out[operator] = keys;
    }
    return out;
  }

  statement(value: unknown, index: number, path: string): ParsedStatement {
    if (!isRecord(value)) throw new PolicyError("invalidType", `a statement must be an object, not ${typeName(value)}`, path);
    for (const key of Object.keys(value)) {
      if (!STATEMENT_ELEMENTS.has(key)) throw unknownElement(key, STATEMENT_ELEMENTS, childPath(path, key), "statement");
    }
    const effect = value.Effect;
    if (effect === undefined) throw new PolicyError("missingElement", "Effect is required", childPath(path, "Effect"));
    if (effect !== "Allow" && effect !== "Deny") {
      throw new PolicyError("invalidEffect", `Effect must be "Allow" or "Deny", not ${JSON.stringify(effect)}`, childPath(path, "Effect"));
    }
    const statement: ParsedStatement = { index, path, effect, condition: {} };
    if (value.Sid !== undefined) {
      if (typeof value.Sid !== "string") throw new PolicyError("invalidType", "Sid must be a string", childPath(path, "Sid"));
      statement.sid = value.Sid;
    }
    const pair = (a: string, b: string, required: boolean) => {
      if (value[a] !== undefined && value[b] !== undefined) {
        throw new PolicyError("conflictingElements", `a statement cannot have both ${a} and ${b}`, childPath(path, b));
      }
      if (required && value[a] === undefined && value[b] === undefined) {
        throw new PolicyError("missingElement", `${a} or ${b} is required`, childPath(path, a));
      }
    };
    pair("Action", "NotAction", true);
    if (value.Action !== undefined) statement.action = this.actions(value.Action, childPath(path, "Action"), "Action");
    if (value.NotAction !== undefined) statement.notAction = this.actions(value.NotAction, childPath(path, "NotAction"), "NotAction");

    const kind = this.options.kind;
    pair("Resource", "NotResource", kind === "identity" || kind === "permissionsBoundary" || kind === "session");
    if (value.Resource !== undefined) statement.resource = this.resources(value.Resource, childPath(path, "Resource"), "Resource");
    if (value.NotResource !== undefined) {
      statement.notResource = this.resources(value.NotResource, childPath(path, "NotResource"), "NotResource");
    }

    pair("Principal", "NotPrincipal", kind === "resource" || kind === "rcp");
    if (kind && IDENTITY_SIDE.has(kind)) {
      for (const element of ["Principal", "NotPrincipal"]) {
        if (value[element] !== undefined) {
          throw new PolicyError(
            "elementNotAllowed",
            `${element} is not allowed in ${withArticle(kind)} policy: it applies to whoever it is attached to`,
            childPath(path, element),
          );
        }
      }
    }
    if (value.Principal !== undefined) statement.principal = this.principal(value.Principal, childPath(path, "Principal"), "Principal");
    if (value.NotPrincipal !== undefined) {
      statement.notPrincipal = this.principal(value.NotPrincipal, childPath(path, "NotPrincipal"), "NotPrincipal");
    }
    if (value.Condition !== undefined) statement.condition = this.condition(value.Condition, childPath(path, "Condition"));
    return statement;
  }
}

/** Parses and validates a policy. Throws PolicyError; returns warnings on the result. */
export function parsePolicy(source: PolicySource, options: ParseOptions = {}): ParsedPolicy {
  let document: unknown = source;
  if (typeof source === "string") {
    try {
      document = JSON.parse(source);
    } catch (error) {
      throw new PolicyError("invalidJson", `not valid JSON: ${(error as Error).message}`, "");
    }
  }
  try {
    return parseDocument(document, options);
  } catch (error) {
    if (error instanceof PolicyError && options.id !== undefined && error.policyId === undefined) {
      throw new PolicyError(error.code, error.message, error.path, options.id);
    }
    throw error;
  }
}

function parseDocument(document: unknown, options: ParseOptions): ParsedPolicy {
  if (!isRecord(document)) throw new PolicyError("invalidType", `a policy must be a JSON object, not ${typeName(document)}`, "");
  for (const key of Object.keys(document)) {
    if (!POLICY_ELEMENTS.has(key)) throw unknownElement(key, POLICY_ELEMENTS, childPath("", key), "policy");
  }
  const reader = new Reader(options);
  let version: PolicyVersion | undefined;
  if (document.Version !== undefined) {
    if (document.Version !== "2012-10-17" && document.Version !== "2008-10-17") {
      throw new PolicyError(
        "invalidVersion",
        `Version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(document.Version)}`,
        "Version",
      );
    }
    version = document.Version;
  }
  let documentId: string | undefined;
  if (document.Id !== undefined) {
    if (typeof document.Id !== "string") throw new PolicyError("invalidType", "Id must be a string", "Id");
    documentId = document.Id;
  }
  const raw = document.Statement;
  if (raw === undefined) throw new PolicyError("missingElement", "Statement is required", "Statement");
  const statements: ParsedStatement[] = Array.isArray(raw)
    ? raw.map((s, i) => reader.statement(s, i, childPath("Statement", i)))
    : [reader.statement(raw, 0, "Statement")];

  const sids = new Set<string>();
  for (const s of statements) {
    if (s.sid === undefined || s.sid === "") continue;
    if (sids.has(s.sid))
      reader.warnings.push({ code: "duplicateSid", message: `Sid "${s.sid}" is used twice`, path: childPath(s.path, "Sid") });
    sids.add(s.sid);
  }
  if (statements.length === 0) reader.warnings.push({ code: "emptyPolicy", message: "the policy has no statements", path: "Statement" });
  const variablesEnabled = version === "2012-10-17";
  if (!variablesEnabled && JSON.stringify(raw).includes("${")) {
    reader.warnings.push({
      code: "literalVariables",
      message: `policy variables need Version "2012-10-17"; under ${version ?? "no Version"} "\${...}" is literal text`,
      path: version ? "Version" : "",
    });
  }
  const policy: ParsedPolicy = {
    id: options.id ?? documentId ?? "policy",
    variablesEnabled,
    statements,
    warnings: reader.warnings,
  };
  if (documentId !== undefined) policy.documentId = documentId;
  if (version !== undefined) policy.version = version;
  return policy;
}
