// Conditions in words. Several values of one key are ORed; several keys and operators are ANDed;
// ...IfExists also matches when the key is absent; ForAllValues / ForAnyValue compare each value of a
// multivalued key (IAM User Guide, "IAM JSON policy elements: Condition operators").

import type { SummaryCondition } from "./statements.ts";

const PHRASES: Record<string, string> = {
  stringequals: "is",
  stringnotequals: "is not",
  stringequalsignorecase: "is (ignoring case)",
  stringnotequalsignorecase: "is not (ignoring case)",
  stringlike: "matches",
  stringnotlike: "does not match",
  numericequals: "equals",
  numericnotequals: "does not equal",
  numericlessthan: "is less than",
  numericlessthanequals: "is at most",
  numericgreaterthan: "is greater than",
  numericgreaterthanequals: "is at least",
  dateequals: "is exactly",
  datenotequals: "is not",
  datelessthan: "is before",
  datelessthanequals: "is at or before",
  dategreaterthan: "is after",
  dategreaterthanequals: "is at or after",
  bool: "is",
  binaryequals: "equals",
  ipaddress: "is in",
  notipaddress: "is not in",
  arnequals: "is",
  arnlike: "matches",
  arnnotequals: "is not",
  arnnotlike: "does not match",
};

/** Negated operators read as "none of", the others as "one of". */
function isNegated(base: string): boolean {
  return /not/.test(base) && base !== "null";
}

export function describeCondition(condition: SummaryCondition): string {
  let operator = condition.operator;
  let quantifier = "";
  const set = /^(ForAllValues|ForAnyValue):(.*)$/i.exec(operator);
  if (set) {
    quantifier = set[1]?.toLowerCase() === "forallvalues" ? "every value of " : "at least one value of ";
    operator = set[2] ?? "";
  }
  const ifExists = /IfExists$/i.test(operator);
  const base = operator.replace(/IfExists$/i, "").toLowerCase();
  const key = `${quantifier}${condition.key}`;
  if (base === "null") {
    const absent = condition.values.some((v) => v.toLowerCase() === "true");
    return `${key} ${absent ? "is absent" : "is present"}`;
  }
  const phrase = PHRASES[base] ?? `satisfies ${operator} with`;
  const values = condition.values.map((v) => `"${v}"`);
  const joined = values.length <= 1 ? (values[0] ?? '""') : `${isNegated(base) ? "any of" : "one of"} ${values.join(", ")}`;
  return `${key} ${phrase} ${joined}${ifExists ? " (or is absent)" : ""}`;
}

export function describeConditions(conditions: SummaryCondition[]): string[] {
  return conditions.map(describeCondition);
}
