import "server-only";
import { randomUUID } from "node:crypto";
import { CardStateCode, schedulingStateOf, undoGrade } from "../../srs/index.ts";
import { prisma } from "../client.ts";
import { databaseCoordination } from "../engine/coordination.ts";
import type { SessionUser } from "../users.ts";
import type { ReviewOutcome } from "./grade.ts";
import { recordEvents } from "./record-events.ts";
import { baseEventId, SERVER_DEVICE_ID } from "./stored-events.ts";

const NO_SUCH_GRADE = "There is no such grade to undo.";

/**
 * Takes back a grade. A grade that is an event is undone by an undo event: the replay leaves it
 * out, so the card stands as if it had never been given. A grade from before events existed is
 * rolled back through ts-fsrs, as before, while the card has no events (only its latest grade).
 */
export async function undoReview(user: SessionUser, reviewLogId: string, now = new Date()): Promise<ReviewOutcome> {
  const log = await prisma.reviewLog.findFirst({ where: { id: reviewLogId, userId: user.id } });
  if (!log) return { ok: false, code: "not_found", message: NO_SUCH_GRADE };
  const target = log.clientReviewId
    ? await prisma.reviewEvent.findUnique({ where: { userId_id: { userId: user.id, id: log.clientReviewId } }, select: { id: true } })
    : null;
  if (target) {
    const event = {
      id: randomUUID(),
      kind: "undo" as const,
      cardId: log.cardId,
      undoes: target.id,
      at: now.toISOString(),
      deviceId: SERVER_DEVICE_ID,
    };
    const outcome = await recordEvents(user, [{ index: 0, event }], now);
    const refusal = outcome.refused[0];
    if (refusal) return { ok: false, code: "not_found", message: NO_SUCH_GRADE };
    return { ok: true, reviewLogId: log.id, cardId: log.cardId };
  }
  return undoHistoricGrade(user, log.id, log.cardId);
}

async function undoHistoricGrade(user: SessionUser, reviewLogId: string, cardId: string): Promise<ReviewOutcome> {
  return prisma.$transaction(async (tx) => {
    // The learner's review writes take turns (record-events.ts): the latest grade read here stays the latest.
    await databaseCoordination().transactionLocks.lock(tx, "review-events", [user.id]);
    const log = await tx.reviewLog.findFirstOrThrow({ where: { id: reviewLogId, userId: user.id } });
    const [latest, row, base] = await Promise.all([
      tx.reviewLog.findFirst({ where: { userId: user.id, cardId }, orderBy: [{ review: "desc" }, { id: "desc" }], select: { id: true } }),
      tx.cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId } } }),
      tx.reviewEvent.findUnique({ where: { userId_id: { userId: user.id, id: baseEventId(cardId) } }, select: { id: true } }),
    ]);
    // Once a card has events its state is their replay, which a direct change would not survive.
    if (!row || latest?.id !== log.id || base) {
      return { ok: false as const, code: "stale" as const, message: "Only the latest grade of a card can be undone." };
    }
    const before = undoGrade(schedulingStateOf(row), log);
    if (before.state === CardStateCode.New && before.reps === 0) {
      await tx.cardState.delete({ where: { id: row.id } });
    } else {
      await tx.cardState.update({ where: { id: row.id }, data: { ...before, version: row.version + 1 } });
    }
    await tx.reviewLog.delete({ where: { id: log.id } });
    return { ok: true as const, reviewLogId: log.id, cardId: log.cardId };
  });
}
