// The shapes answerScenario returns: per question a prompt, options with the correct one marked, the
// computed answer, the deciding statements inside their policies' text, and the explanation.

import type { ActionCatalogue } from "../iam/summary/index.ts";
import type { DecidingStatement } from "./statements.ts";
import type { PolicyCategory, Verdict } from "./verdict.ts";
import type { ScenarioQuestionSpec, ScenarioDocument } from "./schema.ts";

/** A validated scenario: the document as written (with {{names}}) and with names resolved. */
export interface Scenario {
  /** As written; edit this (or renameScenario) to make variants. */
  document: ScenarioDocument;
  /** Every {{name}} replaced; what the engine plays. */
  resolved: ScenarioDocument;
}

export interface AnswerScenarioOptions {
  /** The time the scenario starts (Date, epoch ms, or ISO 8601). */
  now: Date | number | string;
  /** Seeds the simulated credentials and the choice of distractors. */
  seed: number | string;
  /** Needed by "summary" questions; injected so lib/scenarios stays browser-safe. */
  catalogue?: ActionCatalogue;
  /** The learner's IANA time zone (Europe/Paris): times in texts are shown in it. UTC when absent. */
  timeZone?: string | undefined;
}

export type ScenarioQuestionKind = ScenarioQuestionSpec["kind"];

/**
 * One option of a multiple-choice question, with whether it is right: what a scenario question
 * offers, and what a quiz paper shows (lib/classroom uses this same shape).
 */
export interface Choice {
  id: string;
  /** Markdown. */
  text: string;
  correct: boolean;
}

export interface RequestState {
  step: string;
  /** allowed | explicitDeny | implicitDeny, or an error code for a refusal before evaluation. */
  outcome: string;
  allowed: boolean;
  verdict: string;
}

export type AnswerValue =
  | { kind: "allowed"; allowed: boolean; outcome: string }
  | { kind: "decidingPolicy"; outcome: string; how: Verdict["how"] | "refused"; categories: PolicyCategory[] }
  | { kind: "change"; change: string; requests: { step: string; before: RequestState; after: RequestState; changed: boolean }[] }
  | { kind: "summary"; policy: string; sentences: string[]; warnings: string[] }
  | { kind: "findings"; policy: string; findings: { code: string; kind: string; path: string; line: number; message: string }[] }
  | {
      kind: "sts";
      ask: "outcome" | "duration" | "credential" | "decoded" | "identity";
      call: string;
      ok: boolean;
      errorCode?: string;
      durationSeconds?: number;
      expiration?: string;
      accessKeyId?: string;
      principalArn?: string;
      /** What GetCallerIdentity returned. */
      identity?: { account: string; arn: string; userId: string };
      decoded?: { allowed: boolean; explicitDeny: boolean; statements: { sid: string; effect: string; policyId: string }[] };
    }
  | { kind: "whichCall"; correct: string[]; candidates: { step: string; label: string; callOk: boolean; requestOutcome: string }[] }
  | { kind: "unanswered"; reason: string };

export interface ScenarioQuestion {
  index: number;
  kind: ScenarioQuestionKind;
  /** Markdown. */
  prompt: string;
  /** Multiple choice; several may be correct for whichCall. */
  options?: Choice[];
  answer: { text: string; value: AnswerValue };
  decidingStatements: DecidingStatement[];
  /** Plain-English steps, in order. */
  explanation: string[];
  /** The steps the question is about, by id. */
  steps: string[];
  warnings?: string[];
}

export interface StepNarrative {
  id: string;
  /** What the step does, without its outcome (for the front of a card). */
  text: string;
}

export interface AnsweredScenario {
  title: string;
  deck: string[];
  description?: string;
  source?: string;
  /** Markdown: the world at the start (accounts, principals, policies, resources). */
  setup: string;
  steps: StepNarrative[];
  questions: ScenarioQuestion[];
}
