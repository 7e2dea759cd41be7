// "What does this policy allow?": the answer is lib/iam's policy summary of the policy as written;
// the distractors are the summaries of nearby policies (a statement dropped, resources widened to
// "*", an effect flipped), so every option is computed and none is stored text.

import { summarizePolicy, type ActionCatalogue } from "../../iam/summary/index.ts";
import { policySlot } from "../changes.ts";
import { formatPolicy } from "../policy-text.ts";
import { describePolicyId } from "../refs.ts";
import type { PolicyDocument, ScenarioDocument } from "../schema.ts";
import type { ScenarioQuestion } from "../types.ts";
import { initialWorld } from "../world.ts";
import { makeOptions, pickOptions, type QuestionContext } from "./common.ts";

type Statement = Record<string, unknown>;

function statements(document: PolicyDocument): { base: Record<string, unknown>; list: Statement[] } {
  const base = (typeof document === "string" ? JSON.parse(document) : structuredClone(document)) as Record<string, unknown>;
  const s = base.Statement;
  return { base, list: (Array.isArray(s) ? s : s === undefined ? [] : [s]) as Statement[] };
}

/** Policies a learner could confuse with this one. */
function nearbyPolicies(document: PolicyDocument): PolicyDocument[] {
  const { base, list } = statements(document);
  const out: PolicyDocument[] = [];
  const withStatements = (next: Statement[]) => ({ ...base, Statement: next });
  if (list.length > 1) list.forEach((_, i) => out.push(withStatements(list.filter((__, j) => j !== i))));
  if (list.some((s) => s.Resource !== undefined && s.Resource !== "*")) {
    out.push(withStatements(list.map((s) => (s.Resource === undefined ? s : { ...s, Resource: "*" }))));
  }
  list.forEach((s, i) => {
    if (s.Effect === "Allow") out.push(withStatements(list.map((t, j) => (j === i ? { ...t, Effect: "Deny" } : t))));
  });
  return out;
}

export function answerSummary(
  index: number,
  spec: { policy: string; prompt?: string | undefined },
  document: ScenarioDocument,
  catalogue: ActionCatalogue | undefined,
  ctx: QuestionContext,
): ScenarioQuestion {
  const policy = policySlot(initialWorld(document), spec.policy)?.get();
  if (policy === undefined) throw new Error(`there is no policy ${spec.policy}`);
  const text = formatPolicy(policy).text;
  const prompt = spec.prompt ?? `What does ${describePolicyId(spec.policy)} allow?\n\n\`\`\`json\n${text}\n\`\`\``;
  const base = { index, kind: "summary" as const, prompt, decidingStatements: [], steps: [] };
  if (!catalogue) {
    const reason = "This question needs the action catalogue (answerScenario's catalogue option).";
    return { ...base, answer: { text: reason, value: { kind: "unanswered", reason } }, explanation: [reason] };
  }
  const summary = summarizePolicy(policy, catalogue);
  const correct = summary.sentences.join(" ");
  const candidates = [{ text: correct, correct: true }];
  for (const nearby of nearbyPolicies(policy)) {
    const sentences = summarizePolicy(nearby, catalogue).sentences.join(" ");
    if (sentences && sentences !== correct) candidates.push({ text: sentences, correct: false });
  }
  // A fixed order that does not give the answer away: by text.
  const options = pickOptions(candidates, 4, ctx.random).sort((a, b) => a.text.localeCompare(b.text));
  return {
    ...base,
    options: makeOptions(options),
    answer: { text: correct, value: { kind: "summary", policy: spec.policy, sentences: summary.sentences, warnings: summary.warnings } },
    explanation: [...summary.sentences, ...summary.warnings],
    ...(summary.warnings.length > 0 ? { warnings: summary.warnings } : {}),
  };
}
