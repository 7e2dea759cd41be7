import "server-only";
import type { Quiz } from "../generated/client.ts";
import { prisma } from "../client.ts";
import type { SessionUser } from "../users.ts";
import { teaches } from "./classes.ts";
import { storedOptions } from "./stored-json.ts";

/** The where clause of a quiz the instructor owns, through its class. */
export const ownQuiz = (instructor: SessionUser, quizId: string) => ({ id: quizId, classroom: { instructorId: instructor.id } });

export async function createQuiz(instructor: SessionUser, classId: string, title: string): Promise<{ id: string } | null> {
  if (!teaches(instructor)) return null;
  const owned = await prisma.classroom.count({ where: { id: classId, instructorId: instructor.id } });
  if (owned === 0) return null;
  return prisma.quiz.create({ data: { classroomId: classId, title }, select: { id: true } });
}

/** The builder's view of one of the instructor's quizzes, or null (callers answer 404). */
export async function findOwnQuiz(instructor: SessionUser, quizId: string) {
  if (!teaches(instructor)) return null;
  const quiz = await prisma.quiz.findFirst({
    where: ownQuiz(instructor, quizId),
    include: {
      classroom: { select: { id: true, name: true } },
      questions: { orderBy: { position: "asc" } },
      _count: { select: { attempts: true } },
    },
  });
  if (!quiz) return null;
  const questions = quiz.questions.map((q) => ({ ...q, options: storedOptions(q.options) }));
  return { ...quiz, questions, locked: quiz._count.attempts > 0 };
}

export type QuizSettings = Pick<Quiz, "title" | "timeLimitMinutes" | "opensAt" | "closesAt" | "shuffle" | "showResults" | "published">;

export async function updateQuizSettings(instructor: SessionUser, quizId: string, settings: QuizSettings): Promise<boolean> {
  if (!teaches(instructor)) return false;
  const updated = await prisma.quiz.updateMany({ where: ownQuiz(instructor, quizId), data: settings });
  return updated.count === 1;
}

export type QuestionEdit = { ok: true } | { ok: false; code: "not_found" | "locked" | "duplicate"; message: string };

const NOT_FOUND = { ok: false as const, code: "not_found" as const, message: "There is no such quiz or question." };
const LOCKED = {
  ok: false as const,
  code: "locked" as const,
  message: "Learners have started this quiz: its questions can no longer change.",
};

/**
 * Runs a change to the questions of an unlocked quiz the instructor owns. Once a learner has started,
 * papers hold the questions as they were; changing them would make the results disagree with them.
 */
export async function editQuestions(
  instructor: SessionUser,
  quizId: string,
  change: (tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0]) => Promise<boolean | { duplicate: string }>,
): Promise<QuestionEdit> {
  if (!teaches(instructor)) return NOT_FOUND;
  return prisma.$transaction(async (tx) => {
    const quiz = await tx.quiz.findFirst({ where: ownQuiz(instructor, quizId), select: { _count: { select: { attempts: true } } } });
    if (!quiz) return NOT_FOUND;
    if (quiz._count.attempts > 0) return LOCKED;
    const changed = await change(tx);
    if (typeof changed === "object") return { ok: false as const, code: "duplicate" as const, message: changed.duplicate };
    return changed ? { ok: true as const } : NOT_FOUND;
  });
}

/** Moves a question one place up or down. */
export function moveQuestion(instructor: SessionUser, quizId: string, questionId: string, direction: -1 | 1): Promise<QuestionEdit> {
  return editQuestions(instructor, quizId, async (tx) => {
    const questions = await tx.quizQuestion.findMany({ where: { quizId }, orderBy: { position: "asc" }, select: { id: true } });
    const from = questions.findIndex((q) => q.id === questionId);
    if (from < 0) return false;
    const to = from + direction;
    if (to < 0 || to >= questions.length) return true;
    const order = questions.map((q) => q.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    await Promise.all(order.map((id, position) => tx.quizQuestion.update({ where: { id }, data: { position } })));
    return true;
  });
}

export function setQuestionPoints(instructor: SessionUser, quizId: string, questionId: string, points: number): Promise<QuestionEdit> {
  return editQuestions(
    instructor,
    quizId,
    async (tx) => (await tx.quizQuestion.updateMany({ where: { id: questionId, quizId }, data: { points } })).count === 1,
  );
}

export function removeQuestion(instructor: SessionUser, quizId: string, questionId: string): Promise<QuestionEdit> {
  return editQuestions(instructor, quizId, async (tx) => {
    const removed = await tx.quizQuestion.deleteMany({ where: { id: questionId, quizId } });
    return removed.count === 1;
  });
}
