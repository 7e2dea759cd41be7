// The condition operator families of the IAM condition operators page: what each base operator
// compares, whether it is negated, and how a policy value is checked and prepared.

import { cidrContains, parseCidr, parseIpAddress, type CidrBlock } from "./ip.ts";
import { parseDate, parseNumber } from "./values.ts";
import { matchEncoded } from "../match/wildcard.ts";
import { Memo } from "../memo.ts";

// Context values repeat across requests (the same time, the same source address): parse each once.
const contextNumbers = new Memo(parseNumber);
const contextDates = new Memo(parseDate);
const contextAddresses = new Memo((text) => parseIpAddress(text.trim()));

export type OperatorFamily = "string" | "numeric" | "date" | "bool" | "binary" | "ip" | "arn" | "null";

export type SetQualifier = "none" | "forAllValues" | "forAnyValue";

export interface OperatorSpec {
  /** The operator as written, e.g. "ForAnyValue:StringNotLikeIfExists". */
  name: string;
  /** The base operator, e.g. "StringNotLike". */
  base: string;
  family: OperatorFamily;
  set: SetQualifier;
  ifExists: boolean;
  /** Negated operators match when no policy value matches (a NOR over the values). */
  negated: boolean;
  /** Whether policy variables may appear in the values (string and ARN operators only). */
  allowsVariables: boolean;
  /** Whether values are glob patterns (StringLike, ArnLike, and ArnEquals, which behaves the same). */
  glob: boolean;
}

interface BaseOperator {
  family: OperatorFamily;
  negated: boolean;
  glob?: boolean;
  ignoreCase?: boolean;
  /** For numeric and date operators: how the context value must relate to the policy value. */
  order?: "eq" | "lt" | "le" | "gt" | "ge";
}

const BASE: Record<string, BaseOperator> = {
  StringEquals: { family: "string", negated: false },
  StringNotEquals: { family: "string", negated: true },
  StringEqualsIgnoreCase: { family: "string", negated: false, ignoreCase: true },
  StringNotEqualsIgnoreCase: { family: "string", negated: true, ignoreCase: true },
  StringLike: { family: "string", negated: false, glob: true },
  StringNotLike: { family: "string", negated: true, glob: true },
  NumericEquals: { family: "numeric", negated: false, order: "eq" },
  NumericNotEquals: { family: "numeric", negated: true, order: "eq" },
  NumericLessThan: { family: "numeric", negated: false, order: "lt" },
  NumericLessThanEquals: { family: "numeric", negated: false, order: "le" },
  NumericGreaterThan: { family: "numeric", negated: false, order: "gt" },
  NumericGreaterThanEquals: { family: "numeric", negated: false, order: "ge" },
  DateEquals: { family: "date", negated: false, order: "eq" },
  DateNotEquals: { family: "date", negated: true, order: "eq" },
  DateLessThan: { family: "date", negated: false, order: "lt" },
  DateLessThanEquals: { family: "date", negated: false, order: "le" },
  DateGreaterThan: { family: "date", negated: false, order: "gt" },
  DateGreaterThanEquals: { family: "date", negated: false, order: "ge" },
  Bool: { family: "bool", negated: false },
  BinaryEquals: { family: "binary", negated: false },
  IpAddress: { family: "ip", negated: false },
  NotIpAddress: { family: "ip", negated: true },
  ArnEquals: { family: "arn", negated: false, glob: true },
  ArnLike: { family: "arn", negated: false, glob: true },
  ArnNotEquals: { family: "arn", negated: true, glob: true },
  ArnNotLike: { family: "arn", negated: true, glob: true },
  Null: { family: "null", negated: false },
};

const specCache = new Map<string, OperatorSpec | null>();

/** Reads an operator name; undefined when it is not one AWS defines. */
export function parseOperator(name: string): OperatorSpec | undefined {
  const cached = specCache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  let rest = name;
  let set: SetQualifier = "none";
  if (rest.startsWith("ForAllValues:")) {
    set = "forAllValues";
    rest = rest.slice("ForAllValues:".length);
  } else if (rest.startsWith("ForAnyValue:")) {
    set = "forAnyValue";
    rest = rest.slice("ForAnyValue:".length);
  }
  let ifExists = false;
  if (rest.endsWith("IfExists") && rest !== "IfExists") {
    ifExists = true;
    rest = rest.slice(0, -"IfExists".length);
  }
  const base = BASE[rest];
  let spec: OperatorSpec | null = null;
  // Null takes neither IfExists (it is itself the existence test) nor a set qualifier.
  if (base && !(base.family === "null" && (ifExists || set !== "none"))) {
    spec = {
      name,
      base: rest,
      family: base.family,
      set,
      ifExists,
      negated: base.negated,
      allowsVariables: base.family === "string" || base.family === "arn",
      glob: base.glob === true,
    };
  }
  specCache.set(name, spec);
  return spec ?? undefined;
}

/** Why a policy value cannot be used with this operator; undefined when it is fine. */
export function checkConditionValue(spec: OperatorSpec, value: string): string | undefined {
  switch (spec.family) {
    case "numeric":
      return Number.isNaN(parseNumber(value)) ? `"${value}" is not a number` : undefined;
    case "date":
      return Number.isNaN(parseDate(value)) ? `"${value}" is not an ISO 8601 date or epoch time` : undefined;
    case "bool":
    case "null":
      return /^(true|false)$/i.test(value) ? undefined : `"${value}" must be "true" or "false"`;
    case "ip":
      return parseCidr(value) ? undefined : `"${value}" is not an IPv4 or IPv6 address or CIDR block`;
    default:
      return undefined;
  }
}

/**
 * A test of one context value against one prepared policy value. Policy values are prepared once
 * (numbers parsed, CIDRs read, patterns encoded) so evaluation only compares.
 */
export interface ValueComparer<P> {
  prepare(policyValue: string): P;
  matches(contextValue: string, prepared: P): boolean;
}

const orderTest = (order: BaseOperator["order"], a: number, b: number): boolean => {
  switch (order) {
    case "lt":
      return a < b;
    case "le":
      return a <= b;
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
    default:
      return a === b;
  }
};

/** ARN operators compare each of the six colon-separated parts on its own. */
function splitArn(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(":", start);
    if (colon < 0) break;
    parts.push(text.slice(start, colon));
    start = colon + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

export function comparerFor(spec: OperatorSpec): ValueComparer<unknown> {
  const base = BASE[spec.base]!;
  switch (base.family) {
    case "string":
      if (base.glob) return { prepare: (v) => v, matches: (c, p) => matchEncoded(p as string, c) };
      if (base.ignoreCase) {
        return { prepare: (v) => v.toLowerCase(), matches: (c, p) => c.toLowerCase() === p };
      }
      return { prepare: (v) => v, matches: (c, p) => c === p };
    case "numeric":
      return {
        prepare: (v) => parseNumber(v),
        matches: (c, p) => orderTest(base.order, contextNumbers.get(c), p as number),
      };
    case "date":
      return {
        prepare: (v) => parseDate(v),
        matches: (c, p) => orderTest(base.order, contextDates.get(c), p as number),
      };
    case "bool":
      return { prepare: (v) => v.toLowerCase(), matches: (c, p) => c.toLowerCase() === p };
    case "binary":
      return { prepare: (v) => v, matches: (c, p) => c === p };
    case "ip":
      return {
        prepare: (v) => parseCidr(v),
        matches: (c, p) => {
          const address = contextAddresses.get(c);
          return address !== undefined && p !== undefined && cidrContains(p as CidrBlock, address);
        },
      };
    case "arn":
      return {
        prepare: (v) => splitArn(v),
        matches: (c, p) => {
          const pattern = p as string[];
          // The page says each of the six parts is checked separately, so a pattern with fewer
          // parts only matches when it is nothing but a wildcard.
          if (pattern.length < 6) return pattern.length === 1 && /^\uE000+$/.test(pattern[0]!);
          const actual = splitArn(c);
          if (actual.length !== 6) return false;
          for (let i = 0; i < 6; i++) if (!matchEncoded(pattern[i]!, actual[i]!)) return false;
          return true;
        },
      };
    case "null":
      return { prepare: (v) => v.toLowerCase() === "true", matches: () => false };
  }
}
