import "server-only";
import { learnerDay, newSchedulingState } from "../../srs/index.ts";
import { prisma } from "../client.ts";
import { readableScopes } from "../library-scope.ts";
import type { SessionUser } from "../users.ts";
import { STALE_MESSAGE, type ReviewOutcome } from "./grade.ts";

export type CardAction = "bury" | "suspend" | "unsuspend";

/**
 * Burying hides a card until the learner's next day; suspending hides it until unsuspended. Both
 * are the learner's own: the card itself, which others may study, is untouched.
 */
export async function applyCardAction(
  user: SessionUser,
  cardId: string,
  action: CardAction,
  expectedVersion: number | null,
  now: Date,
): Promise<ReviewOutcome> {
  return prisma.$transaction(async (tx) => {
    const card = await tx.card.findFirst({ where: { id: cardId, scope: { in: readableScopes(user) } }, select: { id: true } });
    if (!card) return { ok: false as const, code: "not_found" as const, message: "That card does not exist or is not yours." };
    const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId } } });
    const version = row?.version ?? 0;
    if (expectedVersion !== null && expectedVersion !== version)
      return { ok: false as const, code: "stale" as const, message: STALE_MESSAGE };
    const change = action === "bury" ? { buriedUntil: learnerDay(now, user.timeZone).end } : { suspended: action === "suspend" };
    if (row) await tx.cardState.update({ where: { id: row.id }, data: { ...change, version: version + 1 } });
    else await tx.cardState.create({ data: { ...newSchedulingState(now), ...change, userId: user.id, cardId, version: 1 } });
    return { ok: true as const, reviewLogId: "", cardId };
  });
}
