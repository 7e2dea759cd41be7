// Scoring a submitted paper: a question earns its points when the choice is exactly the set of
// correct options (one option for most questions; all that apply when several are right). No
// partial credit: a half-right "which calls" answer is still a misconception worth reviewing.

import type { Paper } from "./types.ts";

export interface QuestionMark {
  questionId: string;
  choice: string[];
  correct: boolean;
  earned: number;
  points: number;
}

export interface AttemptScore {
  score: number;
  maxScore: number;
  marks: QuestionMark[];
}

export function isCorrectChoice(options: readonly { id: string; correct: boolean }[], choice: readonly string[]): boolean {
  const right = options
    .filter((o) => o.correct)
    .map((o) => o.id)
    .sort();
  const chosen = [...new Set(choice)].sort();
  return right.length > 0 && right.length === chosen.length && right.every((id, i) => id === chosen[i]);
}

/** Marks every question of the paper; a question without a saved answer is wrong. */
export function scoreAttempt(paper: Paper, answers: ReadonlyMap<string, readonly string[]>): AttemptScore {
  const marks = paper.questions.map((q): QuestionMark => {
    const choice = [...(answers.get(q.questionId) ?? [])];
    const correct = isCorrectChoice(q.options, choice);
    return { questionId: q.questionId, choice, correct, earned: correct ? q.points : 0, points: q.points };
  });
  return {
    score: marks.reduce((sum, m) => sum + m.earned, 0),
    maxScore: marks.reduce((sum, m) => sum + m.points, 0),
    marks,
  };
}

/** The total a paper is worth. */
export function maxScoreOf(paper: Paper): number {
  return paper.questions.reduce((sum, q) => sum + q.points, 0);
}
