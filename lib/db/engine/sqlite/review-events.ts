// Recording review events on SQLite: the statements run in the app's own process, so each is cheap
// and Prisma's model calls serve; the reads are issued together, and a changed state row is
// deleted and written again (two statements for any number of cards).
import "server-only";
import { REVIEW_LOG_FIELDS } from "../../../srs/index.ts";
import { SCHEDULING_SELECT } from "../../scheduling-state.ts";
import type { ReviewEventStore, ReviewLogRow } from "../ports.ts";

const LOG_SELECT = Object.fromEntries(REVIEW_LOG_FIELDS.map((field) => [field, true])) as {
  readonly [K in (typeof REVIEW_LOG_FIELDS)[number]]: true;
};

export const sqliteReviewEvents: ReviewEventStore = {
  async readForEvents(tx, { userId, cardIds, scopes, eventIds }) {
    const ids = [...cardIds];
    const eventSelect = { id: true, cardId: true, kind: true, rating: true, at: true, durationMs: true, undoes: true, base: true } as const;
    // Two reads, not one with OR: SQLite would follow (userId) alone through every event of the learner.
    const [cards, named, ofCards, states, logs] = await Promise.all([
      tx.card.findMany({ where: { id: { in: ids }, scope: { in: [...scopes] } }, select: { id: true, deckId: true } }),
      tx.reviewEvent.findMany({ where: { userId, id: { in: [...eventIds] } }, select: eventSelect }),
      tx.reviewEvent.findMany({ where: { userId, cardId: { in: ids } }, select: eventSelect }),
      tx.cardState.findMany({
        where: { userId, cardId: { in: ids } },
        select: { ...SCHEDULING_SELECT, id: true, cardId: true, buriedUntil: true, suspended: true, version: true },
      }),
      tx.reviewLog.findMany({
        where: { userId, cardId: { in: ids }, clientReviewId: { not: null } },
        select: { id: true, cardId: true, clientReviewId: true, durationMs: true, ...LOG_SELECT },
      }),
    ]);
    const events = [...new Map([...named, ...ofCards].map((event) => [event.id, event])).values()];
    return { cards, events, states, logs };
  },

  async writeReplay(tx, userId, writes, now) {
    if (writes.events.length > 0) {
      // A Json column takes no plain null: an absent base is left out, so the column stays NULL.
      await tx.reviewEvent.createMany({
        data: writes.events.map((event) => ({ ...event, base: event.base ?? undefined, userId, receivedAt: now })),
      });
    }
    const gone = [...writes.removedStates, ...writes.states.map((state) => state.cardId)];
    if (gone.length > 0) await tx.cardState.deleteMany({ where: { userId, cardId: { in: gone } } });
    if (writes.states.length > 0) await tx.cardState.createMany({ data: writes.states.map((state) => ({ ...state, userId })) });
    if (writes.removedLogs.length > 0) await tx.reviewLog.deleteMany({ where: { userId, id: { in: writes.removedLogs } } });
    for (const log of writes.changedLogs) await tx.reviewLog.update({ where: { id: log.id }, data: logValues(log) });
    if (writes.newLogs.length > 0) await tx.reviewLog.createMany({ data: writes.newLogs.map((log) => ({ ...log, userId })) });
  },
};

/** What a replay may change in a log row: its values, never whose grade it is. */
function logValues(log: ReviewLogRow) {
  return { ...Object.fromEntries(REVIEW_LOG_FIELDS.map((field) => [field, log[field]])), durationMs: log.durationMs };
}
