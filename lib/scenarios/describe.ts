// A scenario's questions in words, read from the document alone (nothing is evaluated): what a quiz
// builder lists next to a scenario's title so the instructor knows what it asks before adding it.

import { callerWords, stsCallerWords } from "./narrative.ts";
import { describePolicyId } from "./refs.ts";
import type { ScenarioDocument, ScenarioQuestionSpec, StepSpec } from "./schema.ts";
import type { Scenario } from "./types.ts";

const STS_ASKS = {
  outcome: "what happens",
  duration: "how long the credentials are valid",
  credential: "what credentials come back",
  decoded: "what the decoded authorization message says",
  identity: "what GetCallerIdentity reports",
} as const;

function stepOf(document: ScenarioDocument, ref: string | number): StepSpec | undefined {
  return document.steps.find((s, i) => String(s.id ?? i + 1) === String(ref));
}

function stepWords(document: ScenarioDocument, ref: string | number): string {
  const step = stepOf(document, ref);
  if (!step) return `step ${ref}`;
  if (step.label) return step.label;
  if (step.request) return `${callerWords(step.request.as)} calls ${step.request.action} on ${step.request.resource}`;
  if (step.sts) return `${stsCallerWords(step.sts)} calls sts:${step.sts.call}`;
  return `the change ${step.change?.kind ?? ref}`;
}

/** The first line of an author's own prompt, without Markdown emphasis. */
function ownPrompt(prompt: string): string {
  const line = prompt.split("\n").find((l) => l.trim()) ?? prompt;
  return line.replace(/[*_`]/g, "").trim();
}

function questionWords(document: ScenarioDocument, question: ScenarioQuestionSpec): string {
  if (question.prompt) return ownPrompt(question.prompt);
  switch (question.kind) {
    case "allowed":
      return `Is it allowed when ${stepWords(document, question.step)}?`;
    case "decidingPolicy":
      return `Which policy decides when ${stepWords(document, question.step)}?`;
    case "change":
      return `After the change (${stepWords(document, question.step)}), which are allowed: ${question.requests.map((r) => stepWords(document, r)).join("; ")}?`;
    case "summary":
      return `What does ${describePolicyId(question.policy)} allow?`;
    case "findings":
      return `What is wrong with ${describePolicyId(question.policy)}?`;
    case "sts":
      return `${stepWords(document, question.step)}: ${STS_ASKS[question.ask]}?`;
    case "whichCall":
      return `Which call gets credentials that may call ${question.then.action} on ${question.then.resource}?`;
  }
}

/** One sentence per question, in order, with the scenario's names filled in. */
export function describeScenarioQuestions(scenario: Scenario): string[] {
  const document = scenario.resolved;
  return document.questions.map((q) => questionWords(document, q));
}
