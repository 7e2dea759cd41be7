// The shapes shared by the builder, the paper a learner gets, scoring and results.

/** One choice of a multiple-choice question; text is Markdown. */
export interface QuestionChoice {
  id: string;
  text: string;
  correct: boolean;
}

/** A question as the builder computes it: the instructor's reference version. */
export interface QuestionDraft {
  kind: "card" | "scenario";
  /** Markdown. */
  prompt: string;
  options: QuestionChoice[];
  /** Markdown: the right answer in words. */
  answer: string;
  /** Markdown: why (empty for cards, whose back is the answer). */
  explanation: string;
}

/** A stored quiz question, as the paper builder reads it. */
export interface QuizQuestionInput extends QuestionDraft {
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
  options: QuestionChoice[];
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
