import "server-only";
import { previewGrades, settingsForDeck, type QueueCounts, type SchedulingState } from "../../srs/index.ts";
import { renderStoredCardFacesOnServer } from "../../card-faces/server.ts";
import { prisma } from "../client.ts";
import type { SessionUser } from "../users.ts";
import { todaysQueue } from "./queue.ts";
import { loadSchedulerSettings } from "./settings.ts";

export interface ReviewCardView {
  cardId: string;
  version: number;
  deckPath: string;
  kind: string;
  frontHtml: string;
  backHtml: string;
  intervals: Record<1 | 2 | 3 | 4, string>;
  isNew: boolean;
}

export interface ReviewScreenState {
  card: ReviewCardView | null;
  counts: QueueCounts;
  undo: { reviewLogId: string; cardId: string } | null;
  nextLearningAt: string | null;
}

/**
 * What the review screen shows now: the first card of today's queue with its grade previews, the
 * day's counts and the grade that can be undone (not an FSRS learning step).
 */
export async function reviewScreenState(
  user: SessionUser,
  deckId: string | null,
  now: Date,
  undo: ReviewScreenState["undo"] = null,
): Promise<ReviewScreenState> {
  const settings = await loadSchedulerSettings(user.id);
  const queue = await todaysQueue({ user, deckId }, settings, now);
  const first = queue.items[0];
  const base = { counts: queue.counts, undo, nextLearningAt: queue.nextLearningDue?.toISOString() ?? null };
  if (!first) return { ...base, card: null };

  // The card, its deck's path and the learner's version read together (the queue knows the deck),
  // one round trip instead of Prisma's card-then-deck.
  const [card, deck, row] = await Promise.all([
    prisma.card.findUniqueOrThrow({ where: { id: first.cardId }, select: { id: true, kind: true, front: true, back: true, deckId: true } }),
    prisma.deck.findUniqueOrThrow({ where: { id: first.deckId }, select: { path: true } }),
    prisma.cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId: first.cardId } }, select: { version: true } }),
  ]);
  const previews = previewGrades(first.state as SchedulingState | null, now, settingsForDeck(settings, card.deckId), card.id);
  const faces = await renderStoredCardFacesOnServer(card, now, user.timeZone);
  return {
    ...base,
    card: {
      cardId: card.id,
      version: row?.version ?? 0,
      deckPath: deck.path,
      kind: card.kind,
      frontHtml: faces.frontHtml,
      backHtml: faces.backHtml,
      intervals: { 1: previews[0].interval, 2: previews[1].interval, 3: previews[2].interval, 4: previews[3].interval },
      isNew: first.state === null,
    },
  };
}
