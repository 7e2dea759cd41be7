// Scenario questions for a quiz: the scenario is played by lib/quiz (which asks lib/iam), and each of
// its questions becomes a multiple-choice question with the computed options, answer and
// explanation. A variant is the same scenario with other names, played again: its answers are
// computed, never edited by hand.

import {
  answerScenario,
  parseScenario,
  renameScenario,
  renderScenarioCard,
  type AnsweredScenario,
  type AnswerOptions,
  type Scenario,
} from "../quiz/index.ts";
import type { QuestionDraft } from "./types.ts";

export interface PlayOptions {
  /** When the scenario is played (the fictional clock its STS calls read). */
  now: string;
  seed: string;
  catalogue?: AnswerOptions["catalogue"];
  /** New values for declared names (a learner's variant). */
  names?: Record<string, string>;
}

export interface PlayedScenario {
  scenario: Scenario;
  answered: AnsweredScenario;
  questions: QuestionDraft[];
}

/** The scenario question as a quiz question; undefined when it has no options to choose from. */
function draftOf(answered: AnsweredScenario, index: number): QuestionDraft | undefined {
  const question = answered.questions[index];
  if (!question?.options || question.options.length < 2) return undefined;
  // The options are shown as buttons, so the prompt is rendered without its option list.
  const withoutOptions: AnsweredScenario = {
    ...answered,
    questions: answered.questions.map((q, i) => (i === index ? { ...q, options: undefined } : q)),
  };
  const card = renderScenarioCard(answered, index);
  return {
    kind: "scenario",
    prompt: renderScenarioCard(withoutOptions, index).front,
    options: question.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
    answer: question.answer.text,
    explanation: card.back,
  };
}

/** Parses (throws ScenarioError naming the path), renames when asked, and answers every question. */
export function playScenario(source: string, options: PlayOptions): PlayedScenario {
  const parsed = parseScenario(source);
  const scenario = options.names && Object.keys(options.names).length > 0 ? renameScenario(parsed, options.names) : parsed;
  const answerOptions: AnswerOptions = { now: options.now, seed: options.seed };
  if (options.catalogue) answerOptions.catalogue = options.catalogue;
  const answered = answerScenario(scenario, answerOptions);
  const questions = answered.questions.map((_, i) => draftOf(answered, i));
  return { scenario, answered, questions: questions.filter((q): q is QuestionDraft => q !== undefined) };
}

/** Index of every scenario question that can be asked as multiple choice. */
export function askableQuestions(answered: AnsweredScenario): number[] {
  return answered.questions.flatMap((q, i) => (q.options && q.options.length >= 2 ? [i] : []));
}

/** The draft of one scenario question, by its index in the scenario. */
export function scenarioQuestionDraft(played: PlayedScenario, index: number): QuestionDraft | undefined {
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
