// "Which STS call?": each candidate call is made, then the follow-up request is signed with the
// credentials it returned; the right answers are the calls after which the request is allowed.

import type { ScenarioQuestion } from "../types.ts";
import { decidingStatements } from "../statements.ts";
import { isAllowed, outcomeWord } from "../requests.ts";
import { makeOptions, requestExplanation, stepOf, verdictFor, type QuestionContext } from "./common.ts";

export const whichCallProbeKey = (questionIndex: number, candidate: string) => `which:${questionIndex}:${candidate}`;

export function answerWhichCall(
  index: number,
  spec: { candidates: (string | number)[]; then: { action: string; resource: string }; prompt?: string | undefined },
  ctx: QuestionContext,
): ScenarioQuestion {
  const rows = spec.candidates.map((ref) => {
    const id = String(ref);
    const step = stepOf(ctx.run, id, "sts");
    const label = step.label ?? `${step.sts.call} (step ${id})`;
    const after = ctx.run.probes.get(whichCallProbeKey(index, id));
    const allowed = step.sts.ok && after !== undefined && isAllowed(after);
    return { id, label, step, after, allowed };
  });
  const correct = rows.filter((r) => r.allowed);
  const lines = rows.map((r) => {
    const result = !r.step.sts.ok
      ? `the call fails (${r.step.sts.error?.code})`
      : r.after
        ? `the request is ${outcomeWord(r.after)}`
        : "no request was made";
    return `${r.label}: ${result}`;
  });
  return {
    index,
    kind: "whichCall",
    prompt: spec.prompt ?? `Which call gets credentials that may call \`${spec.then.action}\` on \`${spec.then.resource}\`?`,
    options: makeOptions(rows.map((r) => ({ text: r.label, correct: r.allowed }))),
    answer: {
      text: correct.length > 0 ? correct.map((r) => r.label).join("; ") : "None of them",
      value: {
        kind: "whichCall",
        correct: correct.map((r) => r.id),
        candidates: rows.map((r) => ({
          step: r.id,
          label: r.label,
          callOk: r.step.sts.ok,
          requestOutcome: r.after ? outcomeWord(r.after) : (r.step.sts.error?.code ?? "none"),
        })),
      },
    },
    decidingStatements: correct.flatMap((r) => (r.after ? decidingStatements(verdictFor(r.after)?.statements ?? [], r.after.input) : [])),
    explanation: rows.flatMap((r, i) => [`${lines[i]}.`, ...r.step.sts.explanation, ...(r.after ? requestExplanation(r.after) : [])]),
    steps: rows.map((r) => r.id),
  };
}
