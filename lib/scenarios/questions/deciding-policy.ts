// "Which policy decides, and how?": multiple choice whose options are the policy types present in the
// request's evaluation (each as allowing, explicitly denying, or failing to allow) plus "no policy
// allows it", and whose right answer is read from the trace (verdict.ts).

import type { EvaluationInput, EvaluationResult, PolicyType } from "../../iam/index.ts";
import { decidingStatements } from "../statements.ts";
import { outcomeWord } from "../requests.ts";
import type { ScenarioQuestion } from "../types.ts";
import { categoryOf, verdictText, type PolicyCategory } from "../verdict.ts";
import {
  describeRequest,
  makeOptions,
  outcomeText,
  pickOptions,
  requestExplanation,
  stepOf,
  verdictFor,
  type QuestionContext,
} from "./common.ts";

const LIMITS = new Set<PolicyCategory>(["scp", "rcp", "permissionsBoundary", "sessionPolicy"]);

/** Every verdict the request could plausibly have had, given the policy types it was evaluated with. */
function candidateVerdicts(evaluation: EvaluationResult, input: EvaluationInput | undefined): string[] {
  const types = Object.keys(evaluation.details) as PolicyType[];
  // Identity policies are always offered: "did the role still grant it?" is the usual wrong guess.
  const categories = [...new Set(["identity" as PolicyCategory, ...types.map((t) => categoryOf(t, input))])];
  const out: string[] = [];
  let resource: PolicyCategory | undefined;
  for (const c of categories) {
    // Limits (SCP, RCP, boundary, session policy) never grant; they deny or fail to allow.
    if (!LIMITS.has(c)) out.push(verdictText("allowed", "allow", [c]));
    out.push(verdictText("explicitDeny", "deny", [c]));
    if (c !== "identity") out.push(verdictText("implicitDeny", "gate", [c]));
    if (c !== "identity" && !LIMITS.has(c)) resource = c;
  }
  if (resource && categories.includes("identity")) out.push(verdictText("allowed", "allow", [resource, "identity"]));
  out.push(verdictText("implicitDeny", "noAllow", ["none"]));
  return out;
}

export function answerDecidingPolicy(
  index: number,
  spec: { step: string | number; prompt?: string | undefined },
  ctx: QuestionContext,
): ScenarioQuestion {
  const id = String(spec.step);
  const { request } = stepOf(ctx.run, id, "request");
  const verdict = verdictFor(request);
  const prompt = spec.prompt ?? `${describeRequest(request)}. Which policy decides, and how?`;
  if (!verdict || !request.evaluation) {
    const text = outcomeText(request);
    return {
      index,
      kind: "decidingPolicy",
      prompt,
      options: makeOptions([
        { text, correct: true },
        { text: verdictText("implicitDeny", "noAllow", ["none"]), correct: false },
      ]),
      answer: { text, value: { kind: "decidingPolicy", outcome: outcomeWord(request), how: "refused", categories: [] } },
      decidingStatements: [],
      explanation: requestExplanation(request),
      steps: [id],
    };
  }
  const candidates = candidateVerdicts(request.evaluation, request.input).map((text) => ({ text, correct: text === verdict.text }));
  if (!candidates.some((c) => c.correct)) candidates.push({ text: verdict.text, correct: true });
  return {
    index,
    kind: "decidingPolicy",
    prompt,
    options: makeOptions(pickOptions(candidates, 6, ctx.random)),
    answer: {
      text: verdict.text,
      value: { kind: "decidingPolicy", outcome: verdict.decision, how: verdict.how, categories: verdict.categories },
    },
    decidingStatements: decidingStatements(verdict.statements, request.input),
    explanation: requestExplanation(request),
    steps: [id],
  };
}
