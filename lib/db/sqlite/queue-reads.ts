// The reads behind today's queue, on the process's read connection (see connection.ts). Each one
// follows an index: CardState (userId, due), Card (scope, sourceFile, sourceLine), ReviewLog
// (userId, review). Dates compare as text, which works because every stored value has the same
// ISO-8601 shape.
import type { SchedulingState } from "../../srs/index.ts";
import { fromStoredDate, readConnection, toStoredDate } from "./connection.ts";

export interface DueStateRow {
  cardId: string;
  deckId: string;
  noteKey: string;
  scope: string;
  cardSuspended: boolean;
  buriedUntil: Date | null;
  state: SchedulingState;
}

interface RawDueState {
  cardId: string; deckId: string; noteKey: string; scope: string; cardSuspended: number; buriedUntil: string | null;
  due: string; stability: number; difficulty: number; elapsedDays: number; scheduledDays: number;
  learningSteps: number; reps: number; lapses: number; state: number; lastReview: string | null;
}

const DUE_STATE_COLUMNS = `s.cardId, c.deckId, c.noteKey, c.scope, c.suspended AS cardSuspended, s.buriedUntil,
  s.due, s.stability, s.difficulty, s.elapsedDays, s.scheduledDays, s.learningSteps, s.reps, s.lapses, s.state, s.lastReview`;

function toDueStateRow(r: RawDueState): DueStateRow {
  return {
    cardId: r.cardId,
    deckId: r.deckId,
    noteKey: r.noteKey,
    scope: r.scope,
    cardSuspended: r.cardSuspended !== 0,
    buriedUntil: fromStoredDate(r.buriedUntil),
    state: {
      due: new Date(r.due), stability: r.stability, difficulty: r.difficulty, elapsedDays: r.elapsedDays,
      scheduledDays: r.scheduledDays, learningSteps: r.learningSteps, reps: r.reps, lapses: r.lapses,
      state: r.state, lastReview: fromStoredDate(r.lastReview),
    },
  };
}

/** The learner's (re)learning cards due before `horizon`: few at any time, so all of them. */
export function dueLearningStates(userId: string, horizon: Date): DueStateRow[] {
  const rows = readConnection()
    .prepare(
      `SELECT ${DUE_STATE_COLUMNS} FROM "CardState" s JOIN "Card" c ON c.id = s.cardId
       WHERE s.userId = ? AND s.state IN (1, 3) AND s.due < ? AND s.suspended = 0`,
    )
    .all(userId, toStoredDate(horizon)) as RawDueState[];
  return rows.map(toDueStateRow);
}

/**
 * The learner's most overdue review cards due before `dayEnd`, at most `take` of them: the queue
 * never shows more reviews in a day than the daily limit, so reading past it would be waste
 * (turning rows into objects is what costs, not finding them).
 */
export function dueReviewStates(userId: string, dayEnd: Date, take: number): DueStateRow[] {
  const rows = readConnection()
    .prepare(
      `SELECT ${DUE_STATE_COLUMNS} FROM "CardState" s JOIN "Card" c ON c.id = s.cardId
       WHERE s.userId = ? AND s.state = 2 AND s.due < ? AND s.suspended = 0
       ORDER BY s.due LIMIT ?`,
    )
    .all(userId, toStoredDate(dayEnd), take) as RawDueState[];
  return rows.map(toDueStateRow);
}

export interface NewCardRow {
  id: string;
  deckId: string;
  noteKey: string;
  sourceFile: string;
  sourceLine: number;
}

/** The first `take` cards of a scope, in note order, that the learner has not studied or suspended. */
export function firstUnstudiedCards(userId: string, scope: string, deckId: string | null, take: number): NewCardRow[] {
  return readConnection()
    .prepare(
      `SELECT c.id, c.deckId, c.noteKey, c.sourceFile, c.sourceLine
       FROM "Card" c
       WHERE c.scope = ? AND c.suspended = 0 ${deckId ? "AND c.deckId = ?" : ""}
         AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s.userId = ? AND s.cardId = c.id AND (s.state <> 0 OR s.suspended = 1))
       ORDER BY c.sourceFile, c.sourceLine
       LIMIT ?`,
    )
    .all(...(deckId ? [scope, deckId, userId, take] : [scope, userId, take])) as NewCardRow[];
}

/** New cards the learner buried, with the time each comes back. */
export function buriedNewCards(userId: string, now: Date): Map<string, Date> {
  const rows = readConnection()
    .prepare(`SELECT cardId, buriedUntil FROM "CardState" WHERE userId = ? AND buriedUntil > ? AND state = 0`)
    .all(userId, toStoredDate(now)) as Array<{ cardId: string; buriedUntil: string }>;
  return new Map(rows.map((r) => [r.cardId, new Date(r.buriedUntil)]));
}

export interface DayLogRow {
  deckId: string;
  noteKey: string;
  state: number;
  review: Date;
}

/** The learner's grades in [start, end), with the card's deck and note. */
export function logsBetween(userId: string, start: Date, end: Date): DayLogRow[] {
  const rows = readConnection()
    .prepare(
      `SELECT c.deckId, c.noteKey, l.state, l.review FROM "ReviewLog" l JOIN "Card" c ON c.id = l.cardId
       WHERE l.userId = ? AND l.review >= ? AND l.review < ?`,
    )
    .all(userId, toStoredDate(start), toStoredDate(end)) as Array<{ deckId: string; noteKey: string; state: number; review: string }>;
  return rows.map((r) => ({ ...r, review: new Date(r.review) }));
}
