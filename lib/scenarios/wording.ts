// The last pass over what a learner reads: step ids become the step's number on the card ("step 2",
// not "step assume"), policy ids become words ("the trust policy of role demo", not
// "trust:arn:aws:iam::...") and instants are shown in the learner's time zone, not as raw UTC. The
// engine keeps ids and ISO times in answer values, which programs read.

import { describePolicyId } from "./refs.ts";
import type { AnsweredScenario, ScenarioQuestion } from "./types.ts";

const ISO_INSTANT = /\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)\b/g;
// "identity-based policy "role/app/Read"", "resource-based policy "trust:arn:..."", "policy "x"".
const QUOTED_POLICY =
  /\b(?:(?:identity|resource)-based |permissions boundary |session |service control |resource control )?policy "([^"]+)"/g;

/** Formats an instant for a person: "15 Jan 2025, 13:00:00 CET". An unknown zone falls back to UTC. */
export function formatInstant(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
    timeZoneName: "short",
  };
  try {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(date);
  }
}

export interface WordingOptions {
  /** IANA zone of the learner (Europe/Paris); UTC when absent. */
  timeZone?: string | undefined;
  /** Step id -> its 1-based position. */
  positions: ReadonlyMap<string, number>;
}

function rewrite(text: string, options: WordingOptions): string {
  const zone = options.timeZone ?? "UTC";
  return text
    .replace(/\b([Ss])tep ([A-Za-z0-9][\w-]*)\b/g, (whole, s: string, id: string) => {
      const n = options.positions.get(id);
      return n === undefined ? whole : `${s}tep ${n}`;
    })
    .replace(QUOTED_POLICY, (_whole, id: string) => describePolicyId(id))
    .replace(ISO_INSTANT, (iso: string) => formatInstant(iso, zone));
}

function question(q: ScenarioQuestion, options: WordingOptions): ScenarioQuestion {
  const out: ScenarioQuestion = {
    ...q,
    prompt: rewrite(q.prompt, options),
    answer: { text: rewrite(q.answer.text, options), value: q.answer.value },
    explanation: q.explanation.map((line) => rewrite(line, options)),
  };
  if (q.options) out.options = q.options.map((o) => ({ ...o, text: rewrite(o.text, options) }));
  if (q.warnings) out.warnings = q.warnings.map((w) => rewrite(w, options));
  return out;
}

/** The answered scenario as a learner should read it. */
export function learnerWording(answered: AnsweredScenario, options: WordingOptions): AnsweredScenario {
  return {
    ...answered,
    steps: answered.steps.map((s) => ({ ...s, text: rewrite(s.text, options) })),
    questions: answered.questions.map((q) => question(q, options)),
  };
}
