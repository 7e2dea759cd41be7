// The deciding statements of an answer, with each policy's JSON text and the lines of the statement,
// found in the very evaluation case the evaluator read (so the text is the policy as it was then).

import { casePolicies, type EvaluationInput, type MatchedStatement, type NamedPolicy, type PolicyInput } from "../iam/index.ts";
import { formatPolicy, type LineRange } from "./policy-text.ts";
import { describePolicyId } from "./refs.ts";

export interface DecidingStatement {
  policyType: MatchedStatement["policyType"];
  /** The policy's reference (see docs/scenarios.md), managed policy ARN, or STS-made id. */
  policyId: string;
  /** The policy in words: "the bucket policy of my_bucket". */
  policyLabel: string;
  statementIndex: number;
  sid?: string;
  effect: "Allow" | "Deny";
  /** The policy's JSON, two-space indented, as the card shows it. */
  policyText: string;
  /** Where the statement sits in policyText (1-based, inclusive). */
  lines?: LineRange;
}

function isNamed(policy: PolicyInput | undefined): policy is NamedPolicy {
  return typeof policy === "object" && policy !== null && "id" in policy && "document" in policy;
}

function policiesOf(input: EvaluationInput): NamedPolicy[] {
  return casePolicies(input).filter(isNamed);
}

export function decidingStatements(matches: MatchedStatement[], input: EvaluationInput | undefined): DecidingStatement[] {
  if (!input) return [];
  const policies = policiesOf(input);
  const seen = new Set<string>();
  const out: DecidingStatement[] = [];
  for (const match of matches) {
    const key = `${match.policyId}#${match.statementIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const policy = policies.find((p) => p.id === match.policyId);
    const text = policy ? formatPolicy(policy.document) : { text: "", statements: [] };
    const statement: DecidingStatement = {
      policyType: match.policyType,
      policyId: match.policyId,
      policyLabel: describePolicyId(match.policyId),
      statementIndex: match.statementIndex,
      effect: match.effect,
      policyText: text.text,
    };
    if (match.sid !== undefined) statement.sid = match.sid;
    const lines = text.statements[match.statementIndex];
    if (lines) statement.lines = lines;
    out.push(statement);
  }
  return out;
}
