import "server-only";
import {
  answerRefusal,
  attemptDeadline,
  buildPaper,
  maxScoreOf,
  startRefusal,
  type AttemptRefusalCode,
  type PlayOptions,
  type QuizQuestionInput,
} from "../../classroom/index.ts";
import { parseScenario } from "../../scenarios/index.ts";
import { prisma } from "../client.ts";
import { databaseCoordination } from "../engine/coordination.ts";
import { jsonColumn } from "../json-column.ts";
import { isUniqueViolation } from "../unique-violation.ts";
import type { SessionUser } from "../users.ts";
import { catalogueForScenario } from "./catalogue.ts";
import { attemptState, attemptStateSelect } from "./attempt-state.ts";
import { storedChoice, storedOptions, storedPaper } from "./stored-json.ts";

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
      id: true,
      title: true,
      timeLimitMinutes: true,
      opensAt: true,
      closesAt: true,
      showResults: true,
      classroom: { select: { id: true, name: true } },
      _count: { select: { questions: true } },
      attempts: {
        where: { userId: learner.id },
        select: {
          id: true,
          startedAt: true,
          deadline: true,
          submittedAt: true,
          score: true,
          maxScore: true,
          paper: true,
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
        paper: storedPaper(row.paper),
        answers: row.answers.map((a) => ({ ...a, choice: storedChoice(a.choice) })),
      }
    : null;
  return { ...rest, attempt };
}

export type StartOutcome =
  { ok: true; attemptId: string } | { ok: false; code: "not_found" | "empty" | AttemptRefusalCode; message: string };

const NO_SUCH_QUIZ = { ok: false as const, code: "not_found" as const, message: "There is no such quiz." };

function questionInput(q: {
  id: string;
  kind: string;
  points: number;
  prompt: string;
  options: unknown;
  answer: string;
  explanation: string;
  cardId: string | null;
  scenarioSource: string | null;
  scenarioQuestion: number;
  template: boolean;
  createdAt: Date;
}): QuizQuestionInput {
  return {
    id: q.id,
    kind: q.kind === "scenario" ? "scenario" : "card",
    points: q.points,
    prompt: q.prompt,
    options: storedOptions(q.options),
    answer: q.answer,
    explanation: q.explanation,
    cardId: q.cardId,
    scenarioSource: q.scenarioSource,
    scenarioQuestion: q.scenarioQuestion,
    template: q.template,
    playedAt: q.createdAt.toISOString(),
  };
}

/**
 * Starts the learner's one attempt: their paper is made now (variants, order) and kept. Starting
 * again returns the same attempt, so a double tap or a reload never makes a second one. A quiz that
 * is unpublished, or in a class the learner has left, is answered as if it did not exist; a new
 * attempt starts only while the quiz is open, checked again in the transaction that creates it.
 */
export async function startAttempt(learner: SessionUser, quizId: string, now: Date): Promise<StartOutcome> {
  const quiz = await prisma.quiz.findFirst({
    where: takeableQuiz(learner, quizId),
    select: {
      id: true,
      shuffle: true,
      opensAt: true,
      closesAt: true,
      timeLimitMinutes: true,
      questions: { orderBy: { position: "asc" } },
      attempts: { where: { userId: learner.id }, select: { id: true } },
    },
  });
  if (!quiz) return NO_SUCH_QUIZ;
  const existing = quiz.attempts[0];
  if (existing) return { ok: true, attemptId: existing.id };
  const early = startRefusal(quiz, now);
  if (early) return { ok: false, ...early };
  if (quiz.questions.length === 0) return { ok: false, code: "empty", message: "This quiz has no questions yet." };

  // The paper is built outside the transaction: the catalogues are reads of their own.
  const inputs = quiz.questions.map(questionInput);
  const catalogues = new Map<string, PlayOptions["catalogue"]>();
  for (const source of new Set(inputs.flatMap((q) => (q.scenarioSource ? [q.scenarioSource] : [])))) {
    catalogues.set(source, await catalogueForScenario(parseScenario(source)));
  }
  const paper = buildPaper(inputs, { quizId: quiz.id, learnerId: learner.id, shuffle: quiz.shuffle, catalogues });
  try {
    return await prisma.$transaction(async (tx): Promise<StartOutcome> => {
      // Read again where the attempt is written: an unpublish, removal or close since counts.
      const current = await tx.quiz.findFirst({
        where: takeableQuiz(learner, quizId),
        select: {
          opensAt: true,
          closesAt: true,
          timeLimitMinutes: true,
          attempts: { where: { userId: learner.id }, select: { id: true } },
        },
      });
      if (!current) return NO_SUCH_QUIZ;
      if (current.attempts[0]) return { ok: true, attemptId: current.attempts[0].id };
      const refusal = startRefusal(current, now);
      if (refusal) return { ok: false, ...refusal };
      const created = await tx.quizAttempt.create({
        data: {
          quizId: quiz.id,
          userId: learner.id,
          startedAt: now,
          deadline: attemptDeadline(current, now),
          maxScore: maxScoreOf(paper),
          paper: jsonColumn(paper),
        },
        select: { id: true },
      });
      return { ok: true, attemptId: created.id };
    });
  } catch (error) {
    // Two starts at once: the unique (quiz, learner) index lets one through; the other reads it.
    if (!isUniqueViolation(error)) throw error;
    const row = await prisma.quizAttempt.findUniqueOrThrow({
      where: { quizId_userId: { quizId: quiz.id, userId: learner.id } },
      select: { id: true },
    });
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
  { ok: true; revision: number } | { ok: false; code: "not_found" | "invalid" | AttemptRefusalCode; message: string };

/**
 * Saves the learner's current choice for one question. Idempotent: the same save twice changes
 * nothing, and a save older than the stored one (a retry arriving late) is ignored. The attempt's
 * rules (lib/classroom/attempt-rules.ts) are checked in the transaction that writes, so a close,
 * an unpublish or a removal that commits first refuses the save, and nothing is stored.
 */
export async function saveAnswer(learner: SessionUser, input: AnswerInput, now: Date): Promise<SaveOutcome> {
  try {
    return await saveOnce(learner, input, now);
  } catch (error) {
    // Another connection created the row between our read and our insert: once it exists, the
    // revision guard of the second try settles which save wins.
    if (!isUniqueViolation(error)) throw error;
    return saveOnce(learner, input, now);
  }
}

function saveOnce(learner: SessionUser, input: AnswerInput, now: Date): Promise<SaveOutcome> {
  return prisma.$transaction(async (tx): Promise<SaveOutcome> => {
    // Taken by the submit too (submit.ts): a save either lands before the answers are marked or
    // reads the attempt as submitted and is refused.
    await databaseCoordination().transactionLocks.lock(tx, "quiz-attempt", [input.attemptId]);
    const attempt = await tx.quizAttempt.findFirst({
      where: { id: input.attemptId, userId: learner.id },
      select: { ...attemptStateSelect(learner.id), paper: true },
    });
    if (!attempt) return { ok: false, code: "not_found", message: "There is no such attempt." };
    const refusal = answerRefusal(attemptState(attempt), now);
    if (refusal) return { ok: false, ...refusal };
    const question = storedPaper(attempt.paper).questions.find((q) => q.questionId === input.questionId);
    if (!question) return { ok: false, code: "not_found", message: "There is no such question." };
    const ids = new Set(question.options.map((o) => o.id));
    const choice = [...new Set(input.choice)].sort();
    if (choice.some((id) => !ids.has(id)) || (!question.multiple && choice.length > 1)) {
      return { ok: false, code: "invalid", message: "That is not one of the question's options." };
    }
    const data = { choice, revision: input.revision };
    const updated = await tx.quizAnswer.updateMany({
      where: { attemptId: input.attemptId, questionId: input.questionId, revision: { lt: input.revision }, attempt: { submittedAt: null } },
      data,
    });
    if (updated.count === 0) {
      // No row, or one with this revision or a newer one: this save is then already done or superseded.
      const stored = await tx.quizAnswer.count({ where: { attemptId: input.attemptId, questionId: input.questionId } });
      if (stored === 0) await tx.quizAnswer.create({ data: { attemptId: input.attemptId, questionId: input.questionId, ...data } });
    }
    return { ok: true, revision: input.revision };
  });
}
