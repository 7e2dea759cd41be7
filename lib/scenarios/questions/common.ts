// Small pieces every question kind shares: a request's outcome in words, options, durations.

import type { RandomSource } from "../../iam/sts/index.ts";
import type { RequestOutcome } from "../requests.ts";
import { isAllowed, outcomeWord } from "../requests.ts";
import type { ScenarioRun, StepOutcome } from "../run.ts";
import type { Choice, RequestState } from "../types.ts";
import { verdictOf, type Verdict } from "../verdict.ts";

export interface QuestionContext {
  run: ScenarioRun;
  random: RandomSource;
}

/** A question pointing at a step that is not of the kind it needs is a scenario error, caught at validation. */
export function stepOf<K extends StepOutcome["kind"]>(run: ScenarioRun, id: string, kind: K): Extract<StepOutcome, { kind: K }> {
  const step = run.byId.get(id);
  if (!step || step.kind !== kind) throw new Error(`step ${id} is not a ${kind} step`);
  return step as Extract<StepOutcome, { kind: K }>;
}

export function verdictFor(outcome: RequestOutcome): Verdict | undefined {
  return outcome.error || !outcome.evaluation ? undefined : verdictOf(outcome.evaluation, outcome.input);
}

/** The outcome in one phrase: "Allowed by the bucket policy", "Refused: ExpiredToken". */
export function outcomeText(outcome: RequestOutcome): string {
  if (outcome.error) return `Refused before any policy is read: ${outcome.error.code} (${outcome.error.message})`;
  return verdictFor(outcome)?.text ?? "Implicitly denied";
}

export function requestState(step: string, outcome: RequestOutcome): RequestState {
  return { step, outcome: outcomeWord(outcome), allowed: isAllowed(outcome), verdict: outcomeText(outcome) };
}

/** The learner-facing steps: how the caller was resolved, then the evaluator's or the refusal's. */
export function requestExplanation(outcome: RequestOutcome): string[] {
  const steps = [...outcome.notes];
  if (outcome.error) steps.push(outcome.error.message);
  else steps.push(...(outcome.evaluation?.explanation ?? []));
  return steps;
}

export function describeRequest(outcome: RequestOutcome): string {
  return `**${outcome.principal}** calls \`${outcome.action}\` on \`${outcome.resource}\``;
}

/** Options in the given order, ids a, b, c... */
export function makeOptions(entries: { text: string; correct: boolean }[]): Choice[] {
  return entries.map((e, i) => ({ id: String.fromCharCode(97 + i), text: e.text, correct: e.correct }));
}

/** Keeps every correct candidate and up to `max` in all, choosing distractors with the seeded random. */
export function pickOptions(
  candidates: { text: string; correct: boolean }[],
  max: number,
  random: RandomSource,
): { text: string; correct: boolean }[] {
  const seen = new Set<string>();
  const unique = candidates.filter((c) => (seen.has(c.text) ? false : (seen.add(c.text), true)));
  const correct = unique.filter((c) => c.correct);
  const wrong = unique.filter((c) => !c.correct);
  while (correct.length + wrong.length > max && wrong.length > 0) wrong.splice(random.nextUint32() % wrong.length, 1);
  const kept = new Set([...correct, ...wrong]);
  return unique.filter((c) => kept.has(c));
}

export function durationText(seconds: number): string {
  const hours = seconds / 3600;
  const unit = Number.isInteger(hours) ? `${hours} hour${hours === 1 ? "" : "s"}` : `${seconds / 60} minutes`;
  return `${unit} (${seconds.toLocaleString("en-US")} s)`;
}
