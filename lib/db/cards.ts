import "server-only";
import { prisma } from "./client.ts";
import { readableScopes } from "./library-scope.ts";
import type { SessionUser } from "./users.ts";

/** A card with the learner's own state and review history, or null when they may not read it. */
export async function findCardForLearner(user: SessionUser, cardId: string) {
  const card = await prisma.card.findFirst({
    where: { id: cardId, scope: { in: readableScopes(user) } },
    select: {
      id: true,
      kind: true,
      front: true,
      back: true,
      tags: true,
      scope: true,
      sourceFile: true,
      sourceLine: true,
      suspended: true,
      createdAt: true,
      deck: { select: { id: true, path: true } },
    },
  });
  if (!card) return null;
  const [state, history] = await Promise.all([
    prisma.cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId } } }),
    prisma.reviewLog.findMany({
      where: { userId: user.id, cardId },
      orderBy: { review: "desc" },
      select: {
        id: true,
        rating: true,
        state: true,
        review: true,
        durationMs: true,
        stability: true,
        difficulty: true,
        scheduledDays: true,
      },
    }),
  ]);
  return { card, state, history, editable: card.scope === user.id };
}

/** Edits the text of a card in the learner's own library; starter cards belong to everyone and are not edited. */
export async function updateOwnCard(user: SessionUser, cardId: string, values: { front: string; back: string }): Promise<boolean> {
  const updated = await prisma.card.updateMany({ where: { id: cardId, scope: user.id }, data: values });
  return updated.count === 1;
}
