// A learner's paper: the quiz's questions as this learner gets them. Template scenarios are played
// again with the learner's names; with shuffling on, questions and options come in an order of the
// learner's own. The paper is stored with the attempt, so saving, scoring and showing results read
// one fixed thing even if the quiz or its decks change later.

import { scenarioNames } from "../scenarios/index.ts";
import { cyrb32 } from "../random/index.ts";
import { seededShuffle } from "./random.ts";
import {
  playScenario,
  quizDraftOfScenarioQuestion,
  scenarioSeed,
  singleQuestionSource,
  type PlayOptions,
  type PlayedScenario,
} from "./scenario-question.ts";
import type { Paper, PaperQuestion, QuizQuestionInput } from "./types.ts";
import { variantNames, variantSeed } from "./variants.ts";

export interface PaperOptions {
  quizId: string;
  learnerId: string;
  shuffle: boolean;
  /** The action catalogue per scenario source, for scenarios with "what does this policy allow" questions. */
  catalogues?: ReadonlyMap<string, PlayOptions["catalogue"]>;
}

function asIs(q: QuizQuestionInput): PaperQuestion {
  return {
    questionId: q.id,
    kind: q.kind,
    points: q.points,
    prompt: q.prompt,
    options: q.options,
    multiple: q.options.filter((o) => o.correct).length > 1,
    answer: q.answer,
    explanation: q.explanation,
    cardId: q.cardId,
    reviewSource: null,
    names: {},
  };
}

export function buildPaper(questions: readonly QuizQuestionInput[], options: PaperOptions): Paper {
  // One play per scenario (several questions may share one), with the same names throughout.
  const plays = new Map<string, PlayedScenario>();
  const seed = variantSeed(options.quizId, options.learnerId);
  const playFor = (q: QuizQuestionInput & { scenarioSource: string }): PlayedScenario => {
    const key = `${q.template}:${q.playedAt}:${q.scenarioSource}`;
    let played = plays.get(key);
    if (!played) {
      const catalogue = options.catalogues?.get(q.scenarioSource);
      const base = playScenario(q.scenarioSource, { now: q.playedAt, seed: scenarioSeed(options.quizId), catalogue });
      const names = q.template ? variantNames(scenarioNames(base.scenario.document), `${seed}:${cyrb32(q.scenarioSource)}`) : {};
      played =
        Object.keys(names).length > 0
          ? playScenario(q.scenarioSource, { now: q.playedAt, seed: scenarioSeed(options.quizId), catalogue, names })
          : base;
      plays.set(key, played);
    }
    return played;
  };

  const paper = questions.map((q): PaperQuestion => {
    if (q.kind !== "scenario" || q.scenarioSource === null) return asIs(q);
    const played = playFor({ ...q, scenarioSource: q.scenarioSource });
    const draft = quizDraftOfScenarioQuestion(played, q.scenarioQuestion);
    const names = q.template ? Object.fromEntries(scenarioNames(played.scenario.document).map((n) => [n.key, n.value])) : {};
    const reviewSource = singleQuestionSource(played.scenario, q.scenarioQuestion);
    // A variant that no longer yields options (it should not: names do not change a question's
    // shape) falls back to the reference version rather than losing the question.
    if (!draft) return { ...asIs(q), reviewSource };
    return {
      ...asIs(q),
      prompt: draft.prompt,
      options: draft.options,
      multiple: draft.options.filter((o) => o.correct).length > 1,
      answer: draft.answer,
      explanation: draft.explanation,
      reviewSource,
      names,
    };
  });

  if (!options.shuffle) return { questions: paper };
  const order = seededShuffle(paper, `order:${options.quizId}:${options.learnerId}`);
  return {
    questions: order.map((q) => ({
      ...q,
      options: seededShuffle(q.options, `options:${options.quizId}:${options.learnerId}:${q.questionId}`),
    })),
  };
}
