// Plans the replay of touched cards: each card's CardState and the ReviewLog rows its grades stand
// for, from the rows the engine read for the batch (lib/db/engine ReviewEventStore), which writes
// the plan back. The cost follows the touched cards' own events, never the learner's whole history.
import "server-only";
import { randomUUID } from "node:crypto";
import {
  REVIEW_LOG_FIELDS,
  newSchedulingState,
  replayCard,
  settingsForDeck,
  type ReplayStanding,
  type ReplayedGrade,
  type ReviewLogValues,
  type SchedulerSettings,
} from "../../srs/index.ts";
import type { EventReadRows, NewReviewEvent, ReplayedState, ReplayWrites, ReviewLogRow, ReviewStateRow } from "../engine/ports.ts";
import type { SessionUser } from "../users.ts";
import { BASE_KIND, baseEventId, decodeBase, encodeBase, replayEventOf, SERVER_DEVICE_ID, standingOfRow } from "./stored-events.ts";

export interface TouchedCard {
  id: string;
  deckId: string;
}

export interface ReplayPlan {
  standings: Map<string, ReplayStanding>;
  /** What to write: the new base rows among `events`, the states and the log rows. */
  writes: ReplayWrites;
  /** The log row id of every grade that counts, by the grade's event id. */
  logIds: Map<string, string>;
}

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/**
 * Replays each card's events (`rows.events`, with the batch's new events among them) from its
 * base, and plans the writes that make the stored rows say what the replay says.
 */
export function replayCards(
  user: SessionUser,
  cards: readonly TouchedCard[],
  rows: Pick<EventReadRows, "events" | "states" | "logs">,
  settings: SchedulerSettings,
  now: Date,
): ReplayPlan {
  const standings = new Map<string, ReplayStanding>();
  const writes: ReplayWrites = { events: [], states: [], removedStates: [], newLogs: [], changedLogs: [], removedLogs: [] };
  const logIds = new Map<string, string>();
  const eventsByCard = groupBy(rows.events, (event) => event.cardId);
  const stateByCard = new Map(rows.states.map((row) => [row.cardId, row]));
  const logsByCard = groupBy(rows.logs, (log) => log.cardId);

  for (const card of cards) {
    const own = eventsByCard.get(card.id) ?? [];
    const row = stateByCard.get(card.id) ?? null;
    const storedBase = own.find((event) => event.kind === BASE_KIND);
    let base: ReplayStanding;
    if (storedBase) base = decodeBase(storedBase.base);
    else {
      // The card's first event: where it stands now (history from before events, an import, a
      // restore) is what every later replay starts from.
      base = standingOfRow(row);
      writes.events.push(baseRow(card.id, base, now));
    }
    const { standing, grades } = replayCard(
      base,
      own.flatMap((event) => replayEventOf(event) ?? []),
      { cardId: card.id, settings: settingsForDeck(settings, card.deckId), timeZone: user.timeZone, now },
    );
    standings.set(card.id, standing);
    planStanding(card.id, row, standing, now, writes);
    const gradeIds = new Set(own.filter((event) => event.kind === "grade").map((event) => event.id));
    planLogs(card.id, grades, logsByCard.get(card.id) ?? [], gradeIds, writes, logIds);
  }
  return { standings, writes, logIds };
}

function baseRow(cardId: string, base: ReplayStanding, now: Date): NewReviewEvent {
  return {
    id: baseEventId(cardId),
    cardId,
    kind: BASE_KIND,
    rating: null,
    at: now,
    durationMs: null,
    deviceId: SERVER_DEVICE_ID,
    undoes: null,
    base: encodeBase(base),
  };
}

type StateValues = Omit<ReplayedState, "cardId" | "version">;

/** The CardState row the standing needs, if it differs from the stored one (or none, for a new card). */
function planStanding(cardId: string, row: ReviewStateRow | null, standing: ReplayStanding, now: Date, writes: ReplayWrites): void {
  const schedule = standing.schedule;
  if (!schedule && !standing.buriedUntil && !standing.suspended) {
    // Never graded and nothing hides it: a new card has no row.
    if (row) writes.removedStates.push(cardId);
    return;
  }
  const values: StateValues = {
    ...(schedule ?? newSchedulingState(row?.due ?? now)),
    buriedUntil: standing.buriedUntil,
    suspended: standing.suspended,
  };
  if (row && (Object.keys(values) as (keyof StateValues)[]).every((key) => same(values[key], row[key]))) return;
  writes.states.push({ ...values, cardId, version: (row?.version ?? 0) + 1 });
}

type LogData = ReviewLogValues & { durationMs: number };

/**
 * One ReviewLog row per grade that counts, keyed by the grade's event id, with the values of this
 * replay (a late event from another device can change the rows after it). A row made from a grade
 * now undone goes; rows from before events existed are history the base already holds, and stay.
 */
function planLogs(
  cardId: string,
  grades: readonly ReplayedGrade[],
  existing: readonly ReviewLogRow[],
  gradeIds: ReadonlySet<string>,
  writes: ReplayWrites,
  logIds: Map<string, string>,
): void {
  const byEvent = new Map(existing.map((log) => [log.clientReviewId, log]));
  const kept = new Set<string>();
  for (const grade of grades) {
    const data: LogData = { ...grade.log, durationMs: grade.durationMs };
    const row = byEvent.get(grade.eventId);
    if (!row) {
      // The id is chosen here, so the caller learns it without reading the row back.
      const id = randomUUID();
      writes.newLogs.push({ ...data, id, cardId, clientReviewId: grade.eventId });
      logIds.set(grade.eventId, id);
      continue;
    }
    kept.add(row.id);
    logIds.set(grade.eventId, row.id);
    const unchanged = REVIEW_LOG_FIELDS.every((field) => same(row[field], data[field])) && row.durationMs === data.durationMs;
    if (!unchanged) writes.changedLogs.push({ ...data, id: row.id, cardId, clientReviewId: grade.eventId });
  }
  for (const log of existing) {
    if (!kept.has(log.id) && log.clientReviewId !== null && gradeIds.has(log.clientReviewId)) writes.removedLogs.push(log.id);
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
