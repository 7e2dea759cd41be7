import "server-only";
import { CardStateCode, gradeCard, schedulingStateOf, settingsForDeck, type Rating } from "../../srs/index.ts";
import { prisma } from "../client.ts";
import { readableScopes } from "../library-scope.ts";
import { isUniqueViolation } from "../unique-violation.ts";
import type { SessionUser } from "../users.ts";
import { loadSchedulerSettings } from "./settings.ts";

export interface GradeInput {
  cardId: string;
  rating: Rating;
  /** The state version the learner saw; the grade is refused if the card moved on since. */
  version: number;
  /** Chosen by the browser for this showing of the card: the same grade sent twice counts once. */
  clientReviewId: string;
  durationMs: number;
}

export type ReviewOutcome = { ok: true; reviewLogId: string; cardId: string } | { ok: false; code: "stale" | "not_found"; message: string };

export const STALE_MESSAGE = "This card was already graded elsewhere (another tab or device); here is where it stands now.";

/** Records one grade: the card's new state and its review log row, in one transaction. */
export async function recordGrade(user: SessionUser, input: GradeInput, now: Date): Promise<ReviewOutcome> {
  const settings = await loadSchedulerSettings(user.id);
  try {
    return await prisma.$transaction(async (tx) => {
      const repeat = await tx.reviewLog.findUnique({
        where: { userId_clientReviewId: { userId: user.id, clientReviewId: input.clientReviewId } },
        select: { id: true, cardId: true },
      });
      if (repeat) return { ok: true as const, reviewLogId: repeat.id, cardId: repeat.cardId };

      const card = await tx.card.findFirst({
        where: { id: input.cardId, scope: { in: readableScopes(user) }, suspended: false },
        select: { id: true, deckId: true },
      });
      if (!card) return { ok: false as const, code: "not_found" as const, message: "That card does not exist or is not yours to review." };

      const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId: card.id } } });
      const version = row?.version ?? 0;
      if (version !== input.version || row?.suspended) return { ok: false as const, code: "stale" as const, message: STALE_MESSAGE };

      // A row in state New only carries a burial; the card is graded as never studied.
      const before = row && row.state !== CardStateCode.New ? schedulingStateOf(row) : null;
      const { next, log } = gradeCard(before, input.rating, now, settingsForDeck(settings, card.deckId), card.id);
      const values = { ...next, buriedUntil: null, version: version + 1 };
      if (row) {
        const updated = await tx.cardState.updateMany({ where: { id: row.id, version }, data: values });
        if (updated.count !== 1) throw new StaleGrade();
      } else {
        await tx.cardState.create({ data: { ...values, userId: user.id, cardId: card.id } });
      }
      const entry = await tx.reviewLog.create({
        data: { ...log, userId: user.id, cardId: card.id, durationMs: input.durationMs, clientReviewId: input.clientReviewId },
        select: { id: true },
      });
      return { ok: true as const, reviewLogId: entry.id, cardId: card.id };
    });
  } catch (error) {
    if (error instanceof StaleGrade || isUniqueViolation(error)) {
      // Two requests raced: the one that lost either repeats a recorded grade or is stale.
      const repeat = await prisma.reviewLog.findUnique({
        where: { userId_clientReviewId: { userId: user.id, clientReviewId: input.clientReviewId } },
        select: { id: true, cardId: true },
      });
      if (repeat) return { ok: true, reviewLogId: repeat.id, cardId: repeat.cardId };
      return { ok: false, code: "stale", message: STALE_MESSAGE };
    }
    throw error;
  }
}

class StaleGrade extends Error {}
