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
  const scopes = readableScopes(user);
  const horizon = new Date(Math.max(day.end.getTime(), now.getTime() + LEARN_AHEAD_MS));
  const newLimit = Math.max(settings.newPerDay, ...Object.values(settings.decks).map((d) => d.newPerDay ?? 0));

  const [studied, fresh, buriedNew, logs] = await Promise.all([
    // Filtering on the card's columns here would make the database build the set of all readable
    // card ids first; the few hundred due rows are checked below instead.
    prisma.cardState.findMany({
      where: { userId: user.id, state: { not: 0 }, suspended: false, due: { lt: horizon } },
      select: {
        ...schedulingColumns, cardId: true, buriedUntil: true,
        card: { select: { deckId: true, noteKey: true, scope: true, suspended: true } },
      },
    }),
    firstNewCards(user.id, scopes, deckId, newLimit + NEW_CARD_HEADROOM),
    // New cards can still have a row: a buried new card keeps its burial there.
    prisma.cardState.findMany({ where: { userId: user.id, buriedUntil: { gt: now }, state: 0 }, select: { cardId: true, buriedUntil: true } }),
    prisma.reviewLog.findMany({
      where: { userId: user.id, review: { gte: day.start, lt: day.end } },
      select: { state: true, review: true, card: { select: { deckId: true, noteKey: true } } },
    }),
  ]);

  const readable = new Set(scopes);
  const burials = new Map(buriedNew.map((s) => [s.cardId, s.buriedUntil]));
  const candidates: QueueCandidate[] = [];
  for (const s of studied) {
    if (s.card.suspended || !readable.has(s.card.scope) || (deckId && s.card.deckId !== deckId)) continue;
    candidates.push({ cardId: s.cardId, deckId: s.card.deckId, noteKey: s.card.noteKey, state: schedulingState(s), buriedUntil: s.buriedUntil });
  }
  fresh.forEach((c, position) => {
    candidates.push({ cardId: c.id, deckId: c.deckId, noteKey: c.noteKey, state: null, buriedUntil: burials.get(c.id) ?? null, position });
  });
  const today = activityToday(
    logs.map((l) => ({ deckId: l.card.deckId, noteKey: l.card.noteKey, state: l.state, review: l.review })),
    day,
  );
  return buildQueue({ candidates, now, day, limits: queueLimits(settings), today });
}

/**
 * The first `take` cards, in note order, that the learner has not studied: read per scope along
 * the (scope, sourceFile, sourceLine) index so SQLite stops as soon as it has enough, then merged.
 */
async function firstNewCards(userId: string, scopes: string[], deckId: string | null, take: number) {
  const unstudied = { none: { userId, OR: [{ state: { not: 0 } }, { suspended: true }] } };
  const perScope = await Promise.all(
    scopes.map((scope) =>
      prisma.card.findMany({
        where: { scope, suspended: false, ...(deckId ? { deckId } : {}), states: unstudied },
        orderBy: [{ sourceFile: "asc" }, { sourceLine: "asc" }],
        take,
        select: { id: true, deckId: true, noteKey: true, sourceFile: true, sourceLine: true },
      }),
    ),
  );
  return perScope
    .flat()
    .sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : a.sourceLine - b.sourceLine))
    .slice(0, take);
}
