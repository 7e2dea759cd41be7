import "server-only";
import { scoreAttempt, submitRefusal, type AttemptRefusalCode } from "../../classroom/index.ts";
import { prisma } from "../client.ts";
import { databaseCoordination } from "../engine/coordination.ts";
import type { SessionUser } from "../users.ts";
import { sendMissesToReview } from "./review-misses.ts";
import { attemptState } from "./attempt-state.ts";
import { storedChoice, storedPaper } from "./stored-json.ts";

export type SubmitOutcome =
  | { ok: true; alreadySubmitted: boolean; score: number; maxScore: number; missed: number }
  | { ok: false; code: "not_found" | AttemptRefusalCode; message: string };

/**
 * Submits the learner's attempt: marks every answer, stores the score and sends what was missed to
 * review, all in one transaction. Only the first submit does this; later ones change nothing and
 * report the stored score. A quiz withdrawn from the learner (unpublished, or they left the class)
 * refuses the submit in the same transaction, so nothing is scored; a submit after the deadline is
 * accepted and scores only the answers stored in time (the rule is in lib/classroom/attempt-rules.ts).
 * The attempt's lock, which saves take too, makes concurrent submits and saves take turns: a later
 * submit reads the first one's score, and no save changes an answer after it is marked.
 */
export async function submitAttempt(learner: SessionUser, attemptId: string, now: Date): Promise<SubmitOutcome> {
  return prisma.$transaction(async (tx) => {
    await databaseCoordination().transactionLocks.lock(tx, "quiz-attempt", [attemptId]);
    const attempt = await tx.quizAttempt.findFirst({
      where: { id: attemptId, userId: learner.id },
      select: {
        submittedAt: true,
        deadline: true,
        score: true,
        maxScore: true,
        paper: true,
        quiz: {
          select: {
            title: true,
            published: true,
            closesAt: true,
            classroom: { select: { name: true, members: { where: { userId: learner.id }, select: { id: true } } } },
          },
        },
        answers: { select: { questionId: true, choice: true } },
      },
    });
    if (!attempt) return { ok: false as const, code: "not_found" as const, message: "There is no such attempt." };
    const refusal = submitRefusal(attemptState(attempt));
    if (refusal) return { ok: false as const, ...refusal };
    if (attempt.submittedAt) {
      const missed = await tx.quizAnswer.count({ where: { attemptId, correct: false } });
      return { ok: true as const, alreadySubmitted: true, score: attempt.score ?? 0, maxScore: attempt.maxScore, missed };
    }
    // The guard on submittedAt makes the claim safe even if two submits were to interleave.
    const claimed = await tx.quizAttempt.updateMany({ where: { id: attemptId, submittedAt: null }, data: { submittedAt: now } });
    if (claimed.count === 0) return { ok: false as const, code: "not_found" as const, message: "There is no such attempt." };

    const paper = storedPaper(attempt.paper);
    const answers = new Map(attempt.answers.map((a) => [a.questionId, storedChoice(a.choice)]));
    const result = scoreAttempt(paper, answers);
    const right = result.marks.filter((m) => m.correct).map((m) => m.questionId);
    const wrong = result.marks.filter((m) => !m.correct).map((m) => m.questionId);
    await tx.quizAnswer.updateMany({ where: { attemptId, questionId: { in: right } }, data: { correct: true } });
    await tx.quizAnswer.updateMany({ where: { attemptId, questionId: { in: wrong } }, data: { correct: false } });
    // Unanswered questions get a row too, so results count them as wrong.
    const unanswered = wrong.filter((id) => !answers.has(id));
    if (unanswered.length) {
      await tx.quizAnswer.createMany({
        data: unanswered.map((questionId) => ({ attemptId, questionId, choice: [], revision: 0, correct: false })),
      });
    }
    await tx.quizAttempt.update({ where: { id: attemptId }, data: { score: result.score } });

    const missed = paper.questions.flatMap((question, i) => (wrong.includes(question.questionId) ? [{ question, line: i + 1 }] : []));
    await sendMissesToReview(
      tx,
      { learner, attemptId, className: attempt.quiz.classroom.name, quizTitle: attempt.quiz.title, now },
      missed,
    );
    return { ok: true as const, alreadySubmitted: false, score: result.score, maxScore: result.maxScore, missed: missed.length };
  });
}
