// "Is this request allowed?": yes or no, from the evaluator's decision for the step's request.

import type { ScenarioQuestion } from "../types.ts";
import { decidingStatements } from "../statements.ts";
import { isAllowed, outcomeWord } from "../requests.ts";
import { describeRequest, makeOptions, outcomeText, requestExplanation, stepOf, verdictFor, type QuestionContext } from "./common.ts";

export function answerAllowed(
  index: number,
  spec: { step: string | number; prompt?: string | undefined },
  ctx: QuestionContext,
): ScenarioQuestion {
  const id = String(spec.step);
  const { request } = stepOf(ctx.run, id, "request");
  const allowed = isAllowed(request);
  const verdict = verdictFor(request);
  return {
    index,
    kind: "allowed",
    prompt: spec.prompt ?? `Is this request allowed? ${describeRequest(request)}.`,
    options: makeOptions([
      { text: "Yes, it is allowed", correct: allowed },
      { text: "No, it is denied", correct: !allowed },
    ]),
    answer: { text: outcomeText(request), value: { kind: "allowed", allowed, outcome: outcomeWord(request) } },
    decidingStatements: decidingStatements(verdict?.statements ?? [], request.input),
    explanation: requestExplanation(request),
    steps: [id],
  };
}
