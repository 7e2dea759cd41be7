// The shapes shared by the builder, the paper a learner gets, scoring and results. A question here
// is a quiz question (an item on a quiz paper); a scenario's own questions are lib/scenarios'
// ScenarioQuestion, and both offer the same Choice.
import type { Choice } from "../scenarios/index.ts";

export type { Choice };

/** A quiz question as the builder computes it: the instructor's reference version. */
export interface QuizQuestionDraft {
  kind: "card" | "scenario";
  /** Markdown. */
  prompt: string;
  options: Choice[];
  /** Markdown: the right answer in words. */
  answer: string;
  /** Markdown: why (empty for cards, whose back is the answer). */
  explanation: string;
}

/** A stored quiz question, as the paper builder reads it. */
export interface QuizQuestionInput extends QuizQuestionDraft {
  id: string;
  points: number;
  cardId: string | null;
  scenarioSource: string | null;
  scenarioQuestion: number;
  template: boolean;
  /** The time the scenario is played at: when the question was added (ISO 8601). */
  playedAt: string;
}

/** A question as one learner sees it: their variant, their order of options. */
export interface PaperQuestion {
  questionId: string;
  kind: "card" | "scenario";
  points: number;
  prompt: string;
  options: Choice[];
  /** More than one option is correct: the learner ticks all that apply. */
  multiple: boolean;
  answer: string;
  explanation: string;
  cardId: string | null;
  /** For a scenario: the learner's variant reduced to this question, to become a review card when missed. */
  reviewSource: string | null;
  /** The names this learner's variant uses (key -> value); empty when not a template. */
  names: Record<string, string>;
}

export interface Paper {
  questions: PaperQuestion[];
}
