import "server-only";
import {
  activityToday,
  buildQueue,
  learnerDay,
  queueLimits,
  type Queue,
  type QueueCandidate,
  type SchedulerSettings,
} from "../../srs/index.ts";
import { prisma } from "../client.ts";
import { readableScopes } from "../scope.ts";
import type { SessionUser } from "../users.ts";
import { schedulingColumns, schedulingState } from "./state-row.ts";

/** New cards fetched beyond the daily limit, so siblings and buried cards can be skipped. */
const NEW_CARD_HEADROOM = 200;
/** Learning cards due this long after now are fetched too, for the learn-ahead window. */
const LEARN_AHEAD_MS = 60 * 60_000;

export interface QueueScope {
  user: SessionUser;
  /** Limit the queue to one deck; null for every deck the learner can read. */
  deckId: string | null;
}

/**
 * Today's queue for a learner. Only what can be due today is read: studied cards due before the
 * day ends (an indexed range on CardState), and the first new cards in note order; so the cost
 * follows the day's work, not the size of the collection.
 */
export async function todaysQueue({ user, deckId }: QueueScope, settings: SchedulerSettings, now: Date): Promise<Queue> {
  const day = learnerDay(now, user.timeZone);
  const cardWhere = { scope: { in: readableScopes(user) }, suspended: false, ...(deckId ? { deckId } : {}) };
  const horizon = new Date(Math.max(day.end.getTime(), now.getTime() + LEARN_AHEAD_MS));
  const newLimit = Math.max(settings.newPerDay, ...Object.values(settings.decks).map((d) => d.newPerDay ?? 0));

  const [studied, fresh, freshStates, logs] = await Promise.all([
    prisma.cardState.findMany({
      where: { userId: user.id, state: { not: 0 }, suspended: false, due: { lt: horizon }, card: cardWhere },
      select: { ...schedulingColumns, cardId: true, buriedUntil: true, card: { select: { deckId: true, noteKey: true } } },
    }),
    prisma.card.findMany({
      where: { ...cardWhere, states: { none: { userId: user.id, OR: [{ state: { not: 0 } }, { suspended: true }] } } },
      orderBy: [{ sourceFile: "asc" }, { sourceLine: "asc" }, { id: "asc" }],
      take: newLimit + NEW_CARD_HEADROOM,
      select: { id: true, deckId: true, noteKey: true },
    }),
    // New cards can still have a row: a buried new card keeps its burial there.
    prisma.cardState.findMany({ where: { userId: user.id, state: 0, buriedUntil: { gt: now } }, select: { cardId: true, buriedUntil: true } }),
    prisma.reviewLog.findMany({
      where: { userId: user.id, review: { gte: day.start, lt: day.end } },
      select: { state: true, review: true, card: { select: { deckId: true, noteKey: true } } },
    }),
  ]);

  const buriedNew = new Map(freshStates.map((s) => [s.cardId, s.buriedUntil]));
  const candidates: QueueCandidate[] = [
    ...studied.map((s) => ({
      cardId: s.cardId,
      deckId: s.card.deckId,
      noteKey: s.card.noteKey,
      state: schedulingState(s),
      buriedUntil: s.buriedUntil,
    })),
    ...fresh.map((c, position) => ({
      cardId: c.id,
      deckId: c.deckId,
      noteKey: c.noteKey,
      state: null,
      buriedUntil: buriedNew.get(c.id) ?? null,
      position,
    })),
  ];
  const today = activityToday(
    logs.map((l) => ({ deckId: l.card.deckId, noteKey: l.card.noteKey, state: l.state, review: l.review })),
    day,
  );
  return buildQueue({ candidates, now, day, limits: queueLimits(settings), today });
}
