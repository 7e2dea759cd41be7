import "server-only";
import {
  acceptsAnswers,
  attemptDeadline,
  buildPaper,
  maxScoreOf,
  quizWindow,
  type Paper,
  type PlayOptions,
  type QuestionChoice,
  type QuizQuestionInput,
} from "../../classroom/index.ts";
import { parseScenario } from "../../quiz/index.ts";
import { prisma } from "../client.ts";
import type { SessionUser } from "../users.ts";
import { catalogueForScenario } from "./catalogue.ts";

/** The where clause of a published quiz in a class the learner belongs to. */
const takeableQuiz = (learner: SessionUser, quizId: string) => ({
  id: quizId,
  published: true,
  classroom: { members: { some: { userId: learner.id } } },
});

/** A quiz as its learner sees it before, during and after their attempt; null when not theirs to see. */
export async function findLearnerQuiz(learner: SessionUser, quizId: string) {
  const quiz = await prisma.quiz.findFirst({
    where: takeableQuiz(learner, quizId),
    select: {
      id: true, title: true, timeLimitMinutes: true, opensAt: true, closesAt: true, showResults: true,
      classroom: { select: { id: true, name: true } },
      _count: { select: { questions: true } },
      attempts: {
        where: { userId: learner.id },
        select: {
          id: true, startedAt: true, deadline: true, submittedAt: true, score: true, maxScore: true, paper: true,
          answers: { select: { questionId: true, choice: true, revision: true, correct: true } },
        },
      },
    },
  });
  if (!quiz) return null;
  const { attempts, ...rest } = quiz;
  const row = attempts[0];
  const attempt = row
    ? {
        ...row,
        paper: JSON.parse(row.paper) as Paper,
        answers: row.answers.map((a) => ({ ...a, choice: JSON.parse(a.choice) as string[] })),
      }
    : null;
  return { ...rest, attempt };
}

export type StartOutcome =
  | { ok: true; attemptId: string }
  | { ok: false; code: "not_found" | "not_open" | "empty"; message: string };

function questionInput(q: {
  id: string; kind: string; points: number; prompt: string; options: string; answer: string; explanation: string;
  cardId: string | null; scenarioSource: string | null; scenarioQuestion: number; template: boolean; createdAt: Date;
}): QuizQuestionInput {
  return {
    id: q.id, kind: q.kind === "scenario" ? "scenario" : "card", points: q.points, prompt: q.prompt,
    options: JSON.parse(q.options) as QuestionChoice[], answer: q.answer, explanation: q.explanation, cardId: q.cardId,
    scenarioSource: q.scenarioSource, scenarioQuestion: q.scenarioQuestion, template: q.template, playedAt: q.createdAt.toISOString(),
  };
}

/**
 * Starts the learner's one attempt: their paper is made now (variants, order) and kept. Starting
 * again returns the same attempt, so a double tap or a reload never makes a second one.
 */
export async function startAttempt(learner: SessionUser, quizId: string, now: Date): Promise<StartOutcome> {
  const quiz = await prisma.quiz.findFirst({
    where: takeableQuiz(learner, quizId),
    select: {
      id: true, shuffle: true, opensAt: true, closesAt: true, timeLimitMinutes: true,
      questions: { orderBy: { position: "asc" } },
      attempts: { where: { userId: learner.id }, select: { id: true } },
    },
  });
  if (!quiz) return { ok: false, code: "not_found", message: "There is no such quiz." };
  const existing = quiz.attempts[0];
  if (existing) return { ok: true, attemptId: existing.id };
  if (quizWindow(quiz, now) !== "open") return { ok: false, code: "not_open", message: "This quiz is not open." };
  if (quiz.questions.length === 0) return { ok: false, code: "empty", message: "This quiz has no questions yet." };

  const inputs = quiz.questions.map(questionInput);
  const catalogues = new Map<string, PlayOptions["catalogue"]>();
  for (const source of new Set(inputs.flatMap((q) => (q.scenarioSource ? [q.scenarioSource] : [])))) {
    catalogues.set(source, await catalogueForScenario(parseScenario(source)));
  }
  const paper = buildPaper(inputs, { quizId: quiz.id, learnerId: learner.id, shuffle: quiz.shuffle, catalogues });
  try {
    const created = await prisma.quizAttempt.create({
      data: {
        quizId: quiz.id, userId: learner.id, startedAt: now, deadline: attemptDeadline(quiz, now),
        maxScore: maxScoreOf(paper), paper: JSON.stringify(paper),
      },
      select: { id: true },
    });
    return { ok: true, attemptId: created.id };
  } catch (error) {
    // Two starts at once: the unique (quiz, learner) index lets one through; the other reads it.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { quizId_userId: { quizId: quiz.id, userId: learner.id } }, select: { id: true } });
    return { ok: true, attemptId: row.id };
  }
}

export interface AnswerInput {
  attemptId: string;
  questionId: string;
  choice: string[];
  revision: number;
}

export type SaveOutcome =
  | { ok: true; revision: number }
  | { ok: false; code: "not_found" | "closed" | "invalid"; message: string };

/**
 * Saves the learner's current choice for one question. Idempotent: the same save twice changes
 * nothing, and a save older than the stored one (a retry arriving late) is ignored.
 */
export async function saveAnswer(learner: SessionUser, input: AnswerInput, now: Date): Promise<SaveOutcome> {
  const attempt = await prisma.quizAttempt.findFirst({
    where: { id: input.attemptId, userId: learner.id },
    select: { submittedAt: true, deadline: true, paper: true },
  });
  if (!attempt) return { ok: false, code: "not_found", message: "There is no such attempt." };
  if (attempt.submittedAt || !acceptsAnswers(attempt.deadline, now)) return { ok: false, code: "closed", message: "This attempt no longer takes answers." };
  const question = (JSON.parse(attempt.paper) as Paper).questions.find((q) => q.questionId === input.questionId);
  if (!question) return { ok: false, code: "not_found", message: "There is no such question." };
  const ids = new Set(question.options.map((o) => o.id));
  const choice = [...new Set(input.choice)].sort();
  if (choice.some((id) => !ids.has(id)) || (!question.multiple && choice.length > 1)) {
    return { ok: false, code: "invalid", message: "That is not one of the question's options." };
  }
  const data = { choice: JSON.stringify(choice), revision: input.revision };
  const updated = await prisma.quizAnswer.updateMany({
    where: { attemptId: input.attemptId, questionId: input.questionId, revision: { lt: input.revision }, attempt: { submittedAt: null } },
    data,
  });
  if (updated.count === 0) {
    try {
      await prisma.quizAnswer.create({ data: { attemptId: input.attemptId, questionId: input.questionId, ...data } });
    } catch (error) {
      // The row exists with this revision or a newer one: this save is already done or superseded.
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  return { ok: true, revision: input.revision };
}
