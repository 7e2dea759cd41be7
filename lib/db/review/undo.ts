import "server-only";
import { CardStateCode, schedulingStateOf, undoGrade } from "../../srs/index.ts";
import { prisma } from "../client.ts";
import type { SessionUser } from "../users.ts";
import type { ReviewOutcome } from "./grade.ts";

/**
 * Takes back a grade: the card returns to its state before it (through ts-fsrs's rollback) and the
 * log row goes. Only a card's latest grade can be undone, as in Anki.
 */
export async function undoReview(user: SessionUser, reviewLogId: string): Promise<ReviewOutcome> {
  return prisma.$transaction(async (tx) => {
    const log = await tx.reviewLog.findFirst({ where: { id: reviewLogId, userId: user.id } });
    if (!log) return { ok: false as const, code: "not_found" as const, message: "There is no such grade to undo." };
    const latest = await tx.reviewLog.findFirst({
      where: { userId: user.id, cardId: log.cardId },
      orderBy: [{ review: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId: log.cardId } } });
    if (!row || latest?.id !== log.id) {
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
