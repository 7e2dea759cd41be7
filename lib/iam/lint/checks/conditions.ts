// Condition blocks: values of the wrong type for their operator (NumericLessThan "ten"), operators
// of the wrong type for their key (NumericEquals on aws:SourceIp), service keys that do not exist,
// and keys that none of the statement's actions supports, so the condition is never met (Allow) or
// never applies (Deny). IAM User Guide, "IAM JSON policy elements: Condition operators"; the key
// lists and types are the Service Authorization Reference's, from the catalogue.

import { checkConditionValue, parseOperator, type OperatorFamily } from "../../conditions/operators.ts";
import { encodeWildcards, matchEncoded } from "../../match/wildcard.ts";
import type { FindingCode } from "../codes.ts";
import { child, entries, hasWildcard, isRecord, type CheckContext, type Draft, type RawStatement } from "../document.ts";
import { closest } from "../edit-distance.ts";
import type { CatalogueService, LintCatalogue } from "../types.ts";

const VALUE_CODES: Partial<Record<OperatorFamily, FindingCode>> = {
  numeric: "TYPE_MISMATCH_NUMBER",
  date: "TYPE_MISMATCH_DATE",
  bool: "TYPE_MISMATCH_BOOLEAN",
  null: "TYPE_MISMATCH_BOOLEAN",
  ip: "TYPE_MISMATCH_IP",
};

// Which catalogue key types each operator family can compare. String operators also read ARNs.
const FAMILY_TYPES: Partial<Record<OperatorFamily, RegExp>> = {
  string: /^(ArrayOf)?(String|ARN)$/i,
  arn: /^(ArrayOf)?(ARN|String)$/i,
  numeric: /^(ArrayOf)?(Numeric|Long|Integer)$/i,
  date: /^(ArrayOf)?Date$/i,
  bool: /^(ArrayOf)?Bool(ean)?$/i,
  ip: /^(ArrayOf)?IPAddress$/i,
};

const FAMILY_OPERATORS: Record<string, string> = {
  string: "a String operator (StringEquals, StringLike, ...)",
  arn: "an ARN operator (ArnEquals, ArnLike, ...)",
  numeric: "a Numeric operator (NumericEquals, NumericLessThan, ...)",
  date: "a Date operator (DateGreaterThan, ...)",
  bool: "Bool",
  ip: "IpAddress or NotIpAddress",
  binary: "BinaryEquals",
};

function suggestFor(type: string): string {
  const t = type.replace(/^ArrayOf/i, "").toLowerCase();
  if (t === "arn") return FAMILY_OPERATORS.arn!;
  if (t === "numeric" || t === "long" || t === "integer") return FAMILY_OPERATORS.numeric!;
  if (t === "date") return FAMILY_OPERATORS.date!;
  if (t === "bool" || t === "boolean") return FAMILY_OPERATORS.bool!;
  if (t === "ipaddress") return FAMILY_OPERATORS.ip!;
  if (t === "binary") return FAMILY_OPERATORS.binary!;
  return FAMILY_OPERATORS.string!;
}

// Catalogue key spellings as tests, built once per spelling: a statement's actions can list
// thousands of keys ("ec2:Describe*" expands to hundreds of actions).
const matchers = new Map<string, (key: string) => boolean>();

/** A catalogue key spelling ("s3:ExistingObjectTag/<key>", "aws:RequestTag/${TagKey}") as a test. */
function keyMatcher(pattern: string): (key: string) => boolean {
  let matcher = matchers.get(pattern);
  if (!matcher) {
    const lower = pattern.toLowerCase();
    const encoded = encodeWildcards(lower.replace(/<[^>]*>|\$\{[^}]*\}/g, "*"));
    matcher = /[<$]/.test(lower) ? (key) => matchEncoded(encoded, key.toLowerCase()) : (key) => key.toLowerCase() === lower;
    matchers.set(pattern, matcher);
  }
  return matcher;
}

/** Keys by lower-case spelling, and the families (with a placeholder) to match as patterns. */
interface KeySet {
  exact: Map<string, string>;
  families: string[];
}

function keySet(keys: Iterable<string>): KeySet {
  const set: KeySet = { exact: new Map(), families: [] };
  for (const key of keys) {
    // The packaged data has the odd hole (a resource type without its key list).
    if (typeof key !== "string") continue;
    if (/[<$]/.test(key)) set.families.push(key);
    else set.exact.set(key.toLowerCase(), key);
  }
  set.families = [...new Set(set.families)];
  return set;
}

function findKey(keys: KeySet, key: string): string | undefined {
  return keys.exact.get(key.toLowerCase()) ?? keys.families.find((family) => keyMatcher(family)(key));
}

const serviceKeySets = new WeakMap<CatalogueService, KeySet>();
function serviceKeys(service: CatalogueService): KeySet {
  let set = serviceKeySets.get(service);
  if (!set) serviceKeySets.set(service, (set = keySet(service.conditionKeys.keys())));
  return set;
}

function keyType(catalogue: LintCatalogue, service: CatalogueService | null | undefined, key: string): string | undefined {
  if (key.toLowerCase().startsWith("aws:")) return catalogue.globalKeyType(key);
  if (!service) return undefined;
  const spelled = findKey(serviceKeys(service), key);
  return spelled === undefined ? undefined : service.conditionKeys.get(spelled);
}

/** The condition keys the statement's actions support, or undefined when that cannot be known. */
function supportedKeys(s: RawStatement, catalogue: LintCatalogue): KeySet | undefined {
  const list = entries(s, "Action");
  if (!list?.length || s.value.NotAction !== undefined) return undefined;
  const keys: string[] = [];
  for (const { value } of list) {
    const [prefix = "", name = ""] = value.split(":");
    if (!name || hasWildcard(prefix)) return undefined;
    const service = catalogue.service(prefix);
    if (!service) return undefined;
    const pattern = encodeWildcards(name.toLowerCase());
    const names = hasWildcard(name) ? service.actions.filter((a) => matchEncoded(pattern, a.toLowerCase())) : [name];
    for (const n of names) {
      const action = service.action(n);
      if (!action) return undefined;
      keys.push(...action.conditionKeys, ...action.resourceTypes.flatMap((t) => t.conditionKeys));
    }
  }
  return keySet(keys);
}

function valueProblem(family: OperatorFamily, value: string, spec: NonNullable<ReturnType<typeof parseOperator>>): string | undefined {
  if (family === "arn") {
    return value === "*" || value.startsWith("arn:") || value.startsWith("${")
      ? undefined
      : `"${value}" is not an ARN (arn:partition:service:region:account:resource)`;
  }
  return checkConditionValue(spec, value);
}

/** Findings, and the paths of values found to be of the wrong type (the grammar check skips those). */
export function conditionFindings({ statements, catalogue }: CheckContext): { drafts: Draft[]; valueChecked: Set<string> } {
  const drafts: Draft[] = [];
  const valueChecked = new Set<string>();
  for (const s of statements) {
    const condition = s.value.Condition;
    if (!isRecord(condition)) continue;
    const supported = catalogue ? supportedKeys(s, catalogue) : undefined;
    for (const [operator, block] of Object.entries(condition)) {
      const spec = parseOperator(operator);
      if (!spec || !isRecord(block)) continue;
      const opPath = child(s.path, "Condition", operator);
      for (const [key, raw] of Object.entries(block)) {
        const keyPath = child(opPath, key);
        const values = Array.isArray(raw) ? raw : [raw];
        const code = spec.family === "arn" ? "TYPE_MISMATCH_ARN" : VALUE_CODES[spec.family];
        if (code) {
          values.forEach((item, i) => {
            if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") return;
            const problem = valueProblem(spec.family, String(item), spec);
            if (!problem) return;
            const path = Array.isArray(raw) ? child(keyPath, i) : keyPath;
            valueChecked.add(path);
            drafts.push({
              code,
              message: `${problem}, but ${operator} compares ${spec.family === "null" ? "presence (true or false)" : `${spec.family === "ip" ? "IP address" : spec.family === "arn" ? "ARN" : spec.family} values`}.`,
              path,
            });
          });
        }
        if (!catalogue || !key.includes(":")) continue;
        const prefix = key.slice(0, key.indexOf(":"));
        const isGlobal = prefix.toLowerCase() === "aws";
        const service = isGlobal ? undefined : catalogue.service(prefix);
        if (!isGlobal && service && findKey(serviceKeys(service), key) === undefined) {
          const near = closest(key, service.conditionKeys.keys());
          drafts.push({
            code: "INVALID_SERVICE_CONDITION_KEY",
            message: `${prefix} defines no condition key "${key}"${near ? `: did you mean ${near}?` : "."} A condition on a key that is never in the request is never met.`,
            path: keyPath,
          });
          continue;
        }
        const type = keyType(catalogue, service, key);
        const accepts = FAMILY_TYPES[spec.family];
        if (type && accepts && !accepts.test(type)) {
          drafts.push({
            code: "TYPE_MISMATCH",
            message: `${key} holds ${type.replace(/^ArrayOf/i, "a list of ")} values; ${operator} compares ${spec.family} values. Use ${suggestFor(type)}.`,
            path: keyPath,
          });
        }
        if (!isGlobal && service && supported && spec.family !== "null" && findKey(supported, key) === undefined) {
          const outcome = spec.ifExists
            ? "with IfExists the condition is then always met and restricts nothing"
            : s.value.Effect === "Deny"
              ? "the condition is never met and the Deny never applies"
              : "the condition is never met and the statement never allows anything";
          drafts.push({
            code: "CONDITION_KEY_NOT_SUPPORTED_BY_ACTION",
            message: `None of this statement's actions supports ${key}, so it is never in their requests: ${outcome}.`,
            path: keyPath,
          });
        }
      }
    }
  }
  return { drafts, valueChecked };
}
