// answerScenario: plays the scenario and answers each question from what lib/iam computed. Nothing
// is read from stored answer text: edit a policy and the answers, options and explanations follow.

import { seededRandom } from "../iam/sts/index.ts";
import { setupMarkdown, stepNarratives } from "./narrative.ts";
import { answerAllowed } from "./questions/allowed.ts";
import { answerChange, changeProbeKey } from "./questions/change.ts";
import type { QuestionContext } from "./questions/common.ts";
import { answerDecidingPolicy } from "./questions/deciding-policy.ts";
import { answerFindings } from "./questions/findings.ts";
import { answerSts } from "./questions/sts.ts";
import { answerSummary } from "./questions/summary.ts";
import { answerWhichCall, whichCallProbeKey } from "./questions/which-call.ts";
import { runScenario, stepId, type Probe } from "./run.ts";
import type { ScenarioDocument } from "./schema.ts";
import type { ScenarioQuestion, AnsweredScenario, AnswerScenarioOptions, Scenario } from "./types.ts";
import { learnerWording } from "./wording.ts";

function epochMs(now: AnswerScenarioOptions["now"]): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === "number" ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new TypeError(`answerScenario: now is not a time: ${String(now)}`);
  return ms;
}

/** The requests questions want replayed after a step (change questions, whichCall candidates). */
function probesFor(document: ScenarioDocument): Probe[] {
  const requestOf = (ref: string | number) => document.steps.find((s, i) => stepId(s, i) === String(ref))?.request;
  return document.questions.flatMap((q, index): Probe[] => {
    if (q.kind === "change") {
      return q.requests.flatMap((ref) => {
        const request = requestOf(ref);
        return request ? [{ key: changeProbeKey(index, String(ref)), afterStep: String(q.step), as: request.as, request }] : [];
      });
    }
    if (q.kind === "whichCall") {
      return q.candidates.map((c) => ({
        key: whichCallProbeKey(index, String(c)),
        afterStep: String(c),
        as: { session: String(c) },
        request: q.then,
      }));
    }
    return [];
  });
}

export function answerScenario(scenario: Scenario, options: AnswerScenarioOptions): AnsweredScenario {
  const document = scenario.resolved;
  const run = runScenario(document, { nowMs: epochMs(options.now), seed: options.seed, probes: probesFor(document) });
  const ctx: QuestionContext = { run, random: seededRandom(`${options.seed}:options`) };
  const questions = document.questions.map((q, index): ScenarioQuestion => {
    switch (q.kind) {
      case "allowed":
        return answerAllowed(index, q, ctx);
      case "decidingPolicy":
        return answerDecidingPolicy(index, q, ctx);
      case "change":
        return answerChange(index, q, ctx);
      case "findings":
        return answerFindings(index, q, document, ctx);
      case "summary":
        return answerSummary(index, q, document, options.catalogue, ctx);
      case "sts":
        return answerSts(index, q, ctx);
      case "whichCall":
        return answerWhichCall(index, q, ctx);
    }
  });
  const answered: AnsweredScenario = {
    title: document.title,
    deck: document.deck,
    setup: setupMarkdown(document),
    steps: stepNarratives(document, stepId),
    questions,
  };
  if (document.description !== undefined) answered.description = document.description;
  if (document.source !== undefined) answered.source = document.source;
  const positions = new Map(document.steps.map((step, i) => [stepId(step, i), i + 1] as const));
  return learnerWording(answered, { timeZone: options.timeZone, positions });
}
