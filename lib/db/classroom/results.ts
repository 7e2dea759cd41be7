import "server-only";
import { summariseResults, type Choice, type QuizResults } from "../../classroom/index.ts";
import { prisma } from "../client.ts";
import type { SessionUser } from "../users.ts";
import { teaches } from "./classes.ts";
import { ownQuiz } from "./quizzes.ts";
import { storedChoice, storedOptions } from "./stored-json.ts";

export interface QuizResultsView {
  quiz: { id: string; title: string; classroom: { id: string; name: string } };
  questions: Array<{ id: string; position: number; points: number; kind: string; prompt: string; options: Choice[] }>;
  results: QuizResults;
}

/** The class's results for one of the instructor's quizzes, or null (callers answer 404). */
export async function quizResults(instructor: SessionUser, quizId: string): Promise<QuizResultsView | null> {
  if (!teaches(instructor)) return null;
  const quiz = await prisma.quiz.findFirst({
    where: ownQuiz(instructor, quizId),
    select: {
      id: true,
      title: true,
      classroom: { select: { id: true, name: true } },
      questions: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, points: true, kind: true, prompt: true, options: true },
      },
    },
  });
  if (!quiz) return null;
  const [attempts, answers] = await Promise.all([
    prisma.quizAttempt.findMany({
      where: { quizId },
      select: { id: true, submittedAt: true, score: true, maxScore: true, user: { select: { id: true, name: true, email: true } } },
    }),
    prisma.quizAnswer.findMany({
      where: { attempt: { quizId } },
      select: { attemptId: true, questionId: true, choice: true, correct: true },
    }),
  ]);
  const questions = quiz.questions.map((q) => ({ ...q, options: storedOptions(q.options) }));
  const results = summariseResults(
    questions,
    attempts.map((a) => ({ id: a.id, learner: a.user, submittedAt: a.submittedAt, score: a.score, maxScore: a.maxScore })),
    answers.map((a) => ({ ...a, choice: storedChoice(a.choice) })),
  );
  return { quiz: { id: quiz.id, title: quiz.title, classroom: quiz.classroom }, questions, results };
}
