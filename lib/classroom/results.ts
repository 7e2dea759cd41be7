// The class's results for one quiz: per question (how many right, the most common wrong answers)
// and per learner. Built from the answer rows alone, so 200 learners x 30 questions is one pass.

import { choiceText } from "./labels.ts";
import type { Choice } from "./types.ts";

export interface ResultQuestion {
  id: string;
  position: number;
  points: number;
  /** The instructor's reference options, to name the wrong answers. */
  options: Choice[];
}

export interface ResultAnswer {
  attemptId: string;
  questionId: string;
  /** Option ids, sorted. */
  choice: string[];
  correct: boolean | null;
}

export interface ResultAttempt {
  id: string;
  learner: { id: string; name: string | null; email: string };
  submittedAt: Date | null;
  score: number | null;
  maxScore: number;
}

export interface WrongAnswer {
  choice: string[];
  /** The options' texts, joined. */
  text: string;
  count: number;
}

export interface QuestionResult {
  questionId: string;
  position: number;
  points: number;
  /** The reference options, to name a learner's choice in words. */
  options: Choice[];
  answered: number;
  correct: number;
  wrong: WrongAnswer[];
}

export interface LearnerResult {
  attemptId: string;
  learner: ResultAttempt["learner"];
  submittedAt: Date | null;
  score: number | null;
  maxScore: number;
  /** questionId -> right, wrong, or absent when not answered / not yet marked. */
  marks: Record<string, boolean>;
  /** questionId -> the option ids chosen. */
  choices: Record<string, string[]>;
}

export interface QuizResults {
  questions: QuestionResult[];
  learners: LearnerResult[];
  submitted: number;
  averageScore: number | null;
}

/** How many wrong answers are listed per question. */
export const WRONG_ANSWERS_SHOWN = 3;

export function summariseResults(
  questions: readonly ResultQuestion[],
  attempts: readonly ResultAttempt[],
  answers: readonly ResultAnswer[],
): QuizResults {
  const submittedIds = new Set(attempts.filter((a) => a.submittedAt).map((a) => a.id));
  const byQuestion = new Map(questions.map((q) => [q.id, { answered: 0, correct: 0, wrong: new Map<string, WrongAnswer>() }]));
  const byAttempt = new Map(attempts.map((a) => [a.id, { marks: {} as Record<string, boolean>, choices: {} as Record<string, string[]> }]));
  const optionsOf = new Map(questions.map((q) => [q.id, q.options]));

  for (const answer of answers) {
    const learner = byAttempt.get(answer.attemptId);
    if (learner) {
      learner.choices[answer.questionId] = answer.choice;
      if (answer.correct !== null) learner.marks[answer.questionId] = answer.correct;
    }
    // Only submitted attempts count towards the class's figures: a half-done paper would skew them.
    const stats = byQuestion.get(answer.questionId);
    if (!stats || !submittedIds.has(answer.attemptId)) continue;
    stats.answered++;
    if (answer.correct) {
      stats.correct++;
      continue;
    }
    const key = answer.choice.join(",");
    const entry = stats.wrong.get(key);
    if (entry) entry.count++;
    else {
      const text = choiceText(optionsOf.get(answer.questionId) ?? [], answer.choice) || "(no answer)";
      stats.wrong.set(key, { choice: answer.choice, text, count: 1 });
    }
  }

  const scored = attempts.filter((a) => a.submittedAt && a.score !== null);
  return {
    questions: [...questions]
      .sort((a, b) => a.position - b.position)
      .map((q) => {
        const stats = byQuestion.get(q.id)!;
        const wrong = [...stats.wrong.values()]
          .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
          .slice(0, WRONG_ANSWERS_SHOWN);
        return {
          questionId: q.id,
          position: q.position,
          points: q.points,
          options: q.options,
          answered: stats.answered,
          correct: stats.correct,
          wrong,
        };
      }),
    learners: [...attempts]
      .sort((a, b) => (a.learner.name ?? a.learner.email).localeCompare(b.learner.name ?? b.learner.email))
      .map((a) => ({
        attemptId: a.id,
        learner: a.learner,
        submittedAt: a.submittedAt,
        score: a.score,
        maxScore: a.maxScore,
        ...byAttempt.get(a.id)!,
      })),
    submitted: scored.length,
    averageScore: scored.length ? scored.reduce((sum, a) => sum + (a.score ?? 0), 0) / scored.length : null,
  };
}
