// "What changed after this step?": the listed requests, evaluated where they stand in the scenario
// and again right after the change, compared. Options are the combinations of after-states.

import { callerWords } from "../narrative.ts";
import { decidingStatements } from "../statements.ts";
import type { ScenarioQuestion } from "../types.ts";
import { makeOptions, requestExplanation, requestState, stepOf, verdictFor, type QuestionContext } from "./common.ts";

/** The probe key for a request replayed after a change. */
export const changeProbeKey = (questionIndex: number, requestStep: string) => `change:${questionIndex}:${requestStep}`;

export function answerChange(
  index: number,
  spec: { step: string | number; requests: (string | number)[]; prompt?: string | undefined },
  ctx: QuestionContext,
): ScenarioQuestion {
  const changeId = String(spec.step);
  const change = stepOf(ctx.run, changeId, "change");
  const rows = spec.requests.map((ref) => {
    const id = String(ref);
    const before = stepOf(ctx.run, id, "request").request;
    const after = ctx.run.probes.get(changeProbeKey(index, id));
    if (!after) throw new Error(`request ${id} was not replayed after step ${changeId}`);
    return { id, before, after, beforeState: requestState(id, before), afterState: requestState(id, after) };
  });
  const name = (row: (typeof rows)[number]) => `\`${row.before.action}\` on \`${row.before.resource}\``;
  // Every combination of allowed/denied after the change, in a fixed order.
  const combos = Array.from({ length: 2 ** rows.length }, (_, mask) => rows.map((_, i) => (mask & (1 << (rows.length - 1 - i))) === 0));
  const options = combos.map((combo) => ({
    text: rows.map((row, i) => `${name(row)}: ${combo[i] ? "allowed" : "denied"}`).join("; "),
    correct: combo.every((allowed, i) => allowed === rows[i]!.afterState.allowed),
  }));
  const text = rows
    .map(
      (row) =>
        `${name(row)}: ${row.beforeState.verdict} → ${row.afterState.verdict}${row.beforeState.outcome === row.afterState.outcome ? "" : " (changed)"}`,
    )
    .join("\n");
  return {
    index,
    kind: "change",
    prompt:
      spec.prompt ??
      `After this change: ${change.change} Which of these requests are allowed now?\n\n${rows.map((r) => `- ${name(r)} by ${callerWords(stepOf(ctx.run, r.id, "request").spec.request!.as)}`).join("\n")}`,
    options: makeOptions(options),
    answer: {
      text,
      value: {
        kind: "change",
        change: change.change,
        requests: rows.map((r) => ({
          step: r.id,
          before: r.beforeState,
          after: r.afterState,
          changed: r.beforeState.outcome !== r.afterState.outcome,
        })),
      },
    },
    decidingStatements: rows.flatMap((r) => decidingStatements(verdictFor(r.after)?.statements ?? [], r.after.input)),
    explanation: [
      change.change,
      ...rows.flatMap((r) => [`After the change, ${r.before.action} on ${r.before.resource}:`, ...requestExplanation(r.after)]),
    ],
    steps: [changeId, ...rows.map((r) => r.id)],
  };
}
