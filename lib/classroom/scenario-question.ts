// Scenario questions for a quiz: the scenario is played by lib/scenarios (which asks lib/iam), and
// each of its questions becomes a multiple-choice question with the computed options, answer and
// explanation. A variant is the same scenario with other names, played again: its answers are
// computed, never edited by hand.

import {
  answerScenario,
  parseScenario,
  renameScenario,
  renderScenarioCard,
  type AnsweredScenario,
  type AnswerScenarioOptions,
  type Scenario,
} from "../scenarios/index.ts";
import type { QuizQuestionDraft } from "./types.ts";

export interface PlayOptions {
  /** When the scenario is played (the fictional clock its STS calls read). */
  now: string;
  seed: string;
  catalogue?: AnswerScenarioOptions["catalogue"];
  /** New values for declared names (a learner's variant). */
  names?: Record<string, string>;
}

export interface PlayedScenario {
  scenario: Scenario;
  /** Every scenario question, answered by the engine. */
  answered: AnsweredScenario;
  /** The scenario questions that can be asked as multiple choice, as quiz questions. */
  quizQuestions: QuizQuestionDraft[];
}

/** A scenario question as a quiz question; undefined when it has no options to choose from. */
function draftOf(answered: AnsweredScenario, index: number): QuizQuestionDraft | undefined {
  const question = answered.questions[index];
  if (!question?.options || question.options.length < 2) return undefined;
  // The options are shown as buttons, so the card is rendered without its option list; nor does the
  // explanation name the right option by id, since a shuffled paper letters its options by position.
  const withoutOptions: AnsweredScenario = {
    ...answered,
    questions: answered.questions.map((q, i) => (i === index ? { ...q, options: undefined } : q)),
  };
  const card = renderScenarioCard(withoutOptions, index);
  return {
    kind: "scenario",
    prompt: card.front,
    options: question.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
    answer: question.answer.text,
    explanation: card.back,
  };
}

/** Parses (throws ScenarioError naming the path), renames when asked, and answers every question. */
export function playScenario(source: string, options: PlayOptions): PlayedScenario {
  const parsed = parseScenario(source);
  const scenario = options.names && Object.keys(options.names).length > 0 ? renameScenario(parsed, options.names) : parsed;
  const answerOptions: AnswerScenarioOptions = { now: options.now, seed: options.seed };
  if (options.catalogue) answerOptions.catalogue = options.catalogue;
  const answered = answerScenario(scenario, answerOptions);
  const drafts = answered.questions.map((_, i) => draftOf(answered, i));
  return { scenario, answered, quizQuestions: drafts.filter((q): q is QuizQuestionDraft => q !== undefined) };
}

/** Index of every scenario question that can be asked as multiple choice. */
export function askableQuestions(answered: AnsweredScenario): number[] {
  return answered.questions.flatMap((q, i) => (q.options && q.options.length >= 2 ? [i] : []));
}

/** The quiz question made of one scenario question, by its index in the scenario. */
export function quizDraftOfScenarioQuestion(played: PlayedScenario, index: number): QuizQuestionDraft | undefined {
  return draftOf(played.answered, index);
}

/**
 * The scenario reduced to one question, as source text (JSON, which is also YAML): what a missed
 * question becomes in the learner's library, with the learner's own names.
 */
export function singleQuestionSource(scenario: Scenario, index: number): string {
  const question = scenario.document.questions[index];
  if (!question) throw new RangeError(`the scenario has no question ${index}`);
  return JSON.stringify({ ...scenario.document, questions: [question] }, null, 2);
}

/** The seed a quiz plays a scenario with: fixed per quiz, so every learner's options line up. */
export function scenarioSeed(quizId: string): string {
  return `quiz:${quizId}`;
}
