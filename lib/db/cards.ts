import "server-only";
import { prisma } from "./client.ts";
import { importedTextHash } from "./import-plan.ts";
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
  // Sorted here, not by the query: ordering by review time made SQLite walk every one of the
  // learner's log rows along (userId, review) instead of reading this card's few through cardId.
  history.sort((a, b) => b.review.getTime() - a.review.getTime());
  return { card, state, history, editable: card.scope === user.id };
}

/**
 * Edits the text of a card in the learner's own library; starter cards belong to everyone and are
 * not edited. The first edit records the hash of the text the import wrote (importedHash), by
 * which a re-import knows to keep the learner's text (lib/db/import-plan.ts, keepEdit).
 */
export async function updateOwnCard(user: SessionUser, cardId: string, values: { front: string; back: string }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const card = await tx.card.findFirst({
      where: { id: cardId, scope: user.id },
      select: { front: true, back: true, importedHash: true },
    });
    if (!card) return false;
    // The hash of what the import wrote is taken before the first edit; an edit back to that text clears it.
    const imported = card.importedHash ?? importedTextHash(card.front, card.back);
    const importedHash = importedTextHash(values.front, values.back) === imported ? null : imported;
    const updated = await tx.card.updateMany({ where: { id: cardId, scope: user.id }, data: { ...values, importedHash } });
    return updated.count === 1;
  });
}
