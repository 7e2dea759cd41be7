// The reads behind today's queue, on the process's read connection (see read-connection.ts). Each
// one follows an index: CardState (userId, due), Card (scope, sourceFile, sourceLine), ReviewLog
// (userId, review). Dates compare as text, which works because every stored value has the same
// ISO-8601 shape (stored-dates.ts).
import "server-only";
import { CardStateCode, SCHEDULING_FIELDS, type SchedulingState } from "../../../srs/index.ts";
import type { DayLogRow, DueStateRow, NewCardRow, QueueReads } from "../ports.ts";
import { readConnection } from "./read-connection.ts";
import { fromStoredDate, toStoredDate } from "./stored-dates.ts";

const { New, Learning, Review, Relearning } = CardStateCode;

type StoredSchedulingState = Omit<SchedulingState, "due" | "lastReview"> & { due: string; lastReview: string | null };

interface RawDueState extends StoredSchedulingState {
  cardId: string;
  deckId: string;
  noteKey: string;
  scope: string;
  cardSuspended: number;
  buriedUntil: string | null;
}

const DUE_STATE_COLUMNS = `s.cardId, c.deckId, c.noteKey, c.scope, c.suspended AS cardSuspended, s.buriedUntil,
  ${SCHEDULING_FIELDS.map((field) => `s.${field}`).join(", ")}`;

function toDueStateRow(r: RawDueState): DueStateRow {
  const state = {} as Record<keyof SchedulingState, unknown>;
  for (const field of SCHEDULING_FIELDS) state[field] = r[field];
  return {
    cardId: r.cardId,
    deckId: r.deckId,
    noteKey: r.noteKey,
    scope: r.scope,
    cardSuspended: r.cardSuspended !== 0,
    buriedUntil: fromStoredDate(r.buriedUntil),
    state: { ...(state as unknown as SchedulingState), due: new Date(r.due), lastReview: fromStoredDate(r.lastReview) },
  };
}

export function sqliteQueueReads(file: string): QueueReads {
  const db = () => readConnection(file);
  return {
    async dueLearningStates(userId, horizon) {
      const rows = db()
        .prepare(
          `SELECT ${DUE_STATE_COLUMNS} FROM "CardState" s JOIN "Card" c ON c.id = s.cardId
           WHERE s.userId = ? AND s.state IN (${Learning}, ${Relearning}) AND s.due < ? AND s.suspended = 0`,
        )
        .all(userId, toStoredDate(horizon)) as RawDueState[];
      return rows.map(toDueStateRow);
    },

    // The queue never shows more reviews in a day than the daily limit, so reading past `take` would
    // be waste (turning rows into objects is what costs, not finding them).
    async dueReviewStates(userId, dayEnd, take) {
      const rows = db()
        .prepare(
          `SELECT ${DUE_STATE_COLUMNS} FROM "CardState" s JOIN "Card" c ON c.id = s.cardId
           WHERE s.userId = ? AND s.state = ${Review} AND s.due < ? AND s.suspended = 0
           ORDER BY s.due LIMIT ?`,
        )
        .all(userId, toStoredDate(dayEnd), take) as RawDueState[];
      return rows.map(toDueStateRow);
    },

    async firstUnstudiedCards(userId, scope, deckId, take) {
      return db()
        .prepare(
          `SELECT c.id, c.deckId, c.noteKey, c.sourceFile, c.sourceLine
           FROM "Card" c
           WHERE c.scope = ? AND c.suspended = 0 ${deckId ? "AND c.deckId = ?" : ""}
             AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s.userId = ? AND s.cardId = c.id AND (s.state <> ${New} OR s.suspended = 1))
           ORDER BY c.sourceFile, c.sourceLine
           LIMIT ?`,
        )
        .all(...(deckId ? [scope, deckId, userId, take] : [scope, userId, take])) as NewCardRow[];
    },

    async buriedNewCards(userId, now) {
      const rows = db()
        .prepare(`SELECT cardId, buriedUntil FROM "CardState" WHERE userId = ? AND buriedUntil > ? AND state = ${New}`)
        .all(userId, toStoredDate(now)) as Array<{ cardId: string; buriedUntil: string }>;
      return new Map(rows.map((r) => [r.cardId, new Date(r.buriedUntil)]));
    },

    async logsBetween(userId, start, end) {
      const rows = db()
        .prepare(
          `SELECT c.deckId, c.noteKey, l.state, l.review FROM "ReviewLog" l JOIN "Card" c ON c.id = l.cardId
           WHERE l.userId = ? AND l.review >= ? AND l.review < ?`,
        )
        .all(userId, toStoredDate(start), toStoredDate(end)) as Array<Omit<DayLogRow, "review"> & { review: string }>;
      return rows.map((r) => ({ ...r, review: new Date(r.review) }));
    },
  };
}
