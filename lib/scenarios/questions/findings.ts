// "What is wrong with this policy?": the answer is the policy linter's findings for the policy as
// written, where the scenario uses it (a trust policy as a trust policy, a bucket policy as a
// resource policy). The options are sets of problems by their titles: the computed set, and sets
// with one problem missing or one added, so every option comes from the linter's own codes.
// The linter runs without the service catalogue here (the checks that need no AWS data), so a card
// answers the same in the browser, the server and the CLI.

import { describeFinding, FINDING_CODES, lintPolicy, type Finding, type FindingCode, type LintPlace } from "../../iam/lint/index.ts";
import { policySlot } from "../changes.ts";
import { formatPolicy } from "../policy-text.ts";
import { describePolicyId, inlineRef, managedRef, orgRef, resourceRef, trustRef } from "../refs.ts";
import type { PolicyDocument, ScenarioDocument } from "../schema.ts";
import type { ScenarioQuestion } from "../types.ts";
import { initialWorld } from "../world.ts";
import { makeOptions, pickOptions, type QuestionContext } from "./common.ts";

/** Where a policy with this reference is used, for the linter. */
export function placeOfRef(ref: string): LintPlace {
  const head = ref.slice(0, ref.indexOf("/"));
  if (head === "trust") return "trust";
  if (head === "resource") return "resource";
  if (head === "scp" || head === "rcp") return head;
  return "identity";
}

export interface ScenarioPolicy {
  ref: string;
  place: LintPlace;
  document: PolicyDocument;
}

/** Every policy a scenario defines at its start, with its reference. */
export function scenarioPolicies(document: ScenarioDocument): ScenarioPolicy[] {
  const out: ScenarioPolicy[] = [];
  const add = (ref: string, doc: PolicyDocument | undefined) =>
    doc !== undefined && out.push({ ref, place: placeOfRef(ref), document: doc });
  for (const account of document.accounts) {
    for (const [name, doc] of Object.entries(account.managedPolicies ?? {})) add(managedRef(name), doc);
    for (const user of account.users ?? [])
      for (const [p, doc] of Object.entries(user.policies ?? {})) add(inlineRef("user", user.name, p), doc);
    for (const group of account.groups ?? [])
      for (const [p, doc] of Object.entries(group.policies ?? {})) add(inlineRef("group", group.name, p), doc);
    for (const role of account.roles ?? []) {
      add(trustRef(role.name), role.trustPolicy);
      for (const [p, doc] of Object.entries(role.policies ?? {})) add(inlineRef("role", role.name, p), doc);
    }
  }
  for (const resource of document.resources ?? []) add(resourceRef(resource.arn), resource.policy);
  const org = document.organization;
  const levels = [...(org?.root ? [{ name: "root", ...org.root }] : []), ...(org?.units ?? [])];
  for (const level of levels) {
    for (const [name, doc] of Object.entries(level.scps ?? {})) add(orgRef("scp", level.name, name), doc);
    for (const [name, doc] of Object.entries(level.rcps ?? {})) add(orgRef("rcp", level.name, name), doc);
  }
  return out;
}

/** The linter's findings for a policy as the scenario shows it (lines are those of that text). */
export function findingsOf(policy: PolicyDocument, place: LintPlace): { text: string; findings: Finding[] } {
  const text = formatPolicy(policy).text;
  return { text, findings: lintPolicy(text, { place }) };
}

const NOTHING = "Nothing: the linter finds no problem in it.";

function titles(codes: readonly FindingCode[]): string {
  return codes.length === 0 ? NOTHING : `${codes.map((c) => FINDING_CODES[c].title).join("; ")}.`;
}

export function answerFindings(
  index: number,
  spec: { policy: string; prompt?: string | undefined },
  document: ScenarioDocument,
  ctx: QuestionContext,
): ScenarioQuestion {
  const policy = policySlot(initialWorld(document), spec.policy)?.get();
  if (policy === undefined) throw new Error(`there is no policy ${spec.policy}`);
  const { text, findings } = findingsOf(policy, placeOfRef(spec.policy));
  const prompt = spec.prompt ?? `What is wrong with ${describePolicyId(spec.policy)}?\n\n\`\`\`json\n${text}\n\`\`\``;
  const found = [...new Set(findings.map((f) => f.code as FindingCode))].sort();
  const others = (Object.keys(FINDING_CODES) as FindingCode[]).filter((c) => !found.includes(c) && c !== "JSON_SYNTAX_ERROR");
  const pick = () => others.splice(ctx.random.nextUint32() % others.length, 1)[0]!;
  const candidates = [{ text: titles(found), correct: true }];
  found.forEach((_, i) => candidates.push({ text: titles(found.filter((__, j) => j !== i)), correct: false }));
  for (let i = 0; i < 3 && others.length > 0; i++) {
    candidates.push({ text: titles([...found.slice(0, Math.max(0, found.length - 1)), pick()].sort()), correct: false });
  }
  const options = pickOptions(candidates, 4, ctx.random).sort((a, b) => a.text.localeCompare(b.text));
  const explanation = findings.length ? findings.map(describeFinding) : [NOTHING];
  return {
    index,
    kind: "findings",
    prompt,
    decidingStatements: [],
    steps: [],
    options: makeOptions(options),
    answer: {
      text: titles(found),
      value: {
        kind: "findings",
        policy: spec.policy,
        findings: findings.map(({ code, kind, path, line, message }) => ({ code, kind, path, line, message })),
      },
    },
    explanation,
  };
}
