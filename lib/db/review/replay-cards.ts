// Writes the replay of touched cards: each card's CardState and the ReviewLog rows its grades stand
// for. The cost follows the touched cards' own events (one indexed read each way for the whole
// batch), never the learner's whole history.
import "server-only";
import {
  REVIEW_LOG_FIELDS,
  newSchedulingState,
  replayCard,
  settingsForDeck,
  type ReplayStanding,
  type ReplayedGrade,
  type ReviewLogValues,
  type SchedulerSettings,
  type SchedulingState,
} from "../../srs/index.ts";
import { SCHEDULING_SELECT } from "../scheduling-state.ts";
import type { SessionUser } from "../users.ts";
import {
  BASE_KIND,
  baseEventId,
  decodeBase,
  encodeBase,
  replayEventOf,
  SERVER_DEVICE_ID,
  standingOfRow,
  type Tx,
} from "./stored-events.ts";

export interface TouchedCard {
  id: string;
  deckId: string;
}

const LOG_SELECT = Object.fromEntries(REVIEW_LOG_FIELDS.map((field) => [field, true])) as {
  readonly [K in (typeof REVIEW_LOG_FIELDS)[number]]: true;
};

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** Replays each card's stored events and writes the outcome; returns each card's standing. */
export async function replayCards(
  tx: Tx,
  user: SessionUser,
  cards: readonly TouchedCard[],
  settings: SchedulerSettings,
  now: Date,
): Promise<Map<string, ReplayStanding>> {
  const standings = new Map<string, ReplayStanding>();
  if (cards.length === 0) return standings;
  const cardIds = cards.map((card) => card.id);
  const [events, states, logs] = await Promise.all([
    tx.reviewEvent.findMany({
      where: { userId: user.id, cardId: { in: cardIds } },
      select: { id: true, cardId: true, kind: true, rating: true, at: true, durationMs: true, undoes: true, base: true },
    }),
    tx.cardState.findMany({
      where: { userId: user.id, cardId: { in: cardIds } },
      select: { ...SCHEDULING_SELECT, id: true, cardId: true, buriedUntil: true, suspended: true, version: true },
    }),
    tx.reviewLog.findMany({
      where: { userId: user.id, cardId: { in: cardIds }, clientReviewId: { not: null } },
      select: { id: true, cardId: true, clientReviewId: true, durationMs: true, ...LOG_SELECT },
    }),
  ]);
  const eventsByCard = groupBy(events, (event) => event.cardId);
  const stateByCard = new Map(states.map((row) => [row.cardId, row]));
  const logsByCard = groupBy(logs, (log) => log.cardId);

  const newBases: { id: string; userId: string; cardId: string; kind: string; at: Date; deviceId: string; base: string }[] = [];
  const plan: LogPlan = { create: [], update: [], remove: [] };
  const rows: StatePlan = { replace: [], remove: [] };
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
      newBases.push({
        id: baseEventId(card.id),
        userId: user.id,
        cardId: card.id,
        kind: BASE_KIND,
        at: now,
        deviceId: SERVER_DEVICE_ID,
        base: encodeBase(base),
      });
    }
    const { standing, grades } = replayCard(
      base,
      own.flatMap((event) => replayEventOf(event) ?? []),
      { cardId: card.id, settings: settingsForDeck(settings, card.deckId), timeZone: user.timeZone, now },
    );
    standings.set(card.id, standing);
    planStanding(user.id, card.id, row, standing, now, rows);
    const gradeIds = new Set(own.filter((event) => event.kind === "grade").map((event) => event.id));
    planLogs(user.id, card.id, grades, logsByCard.get(card.id) ?? [], gradeIds, plan);
  }
  // Changed rows are deleted and written again in two statements: one update per card would make a
  // batch of 500 cards 500 round trips through the ORM inside the write lock.
  const gone = [...rows.remove, ...rows.replace.map((r) => r.cardId)];
  if (gone.length > 0) await tx.cardState.deleteMany({ where: { userId: user.id, cardId: { in: gone } } });
  if (rows.replace.length > 0) await tx.cardState.createMany({ data: rows.replace });
  if (newBases.length > 0) await tx.reviewEvent.createMany({ data: newBases });
  if (plan.remove.length > 0) await tx.reviewLog.deleteMany({ where: { userId: user.id, id: { in: plan.remove } } });
  for (const { id, data } of plan.update) await tx.reviewLog.update({ where: { id }, data });
  if (plan.create.length > 0) await tx.reviewLog.createMany({ data: plan.create });
  return standings;
}

type StateRow = (SchedulingState & { id: string; buriedUntil: Date | null; suspended: boolean; version: number }) | null;

type StateValues = SchedulingState & { buriedUntil: Date | null; suspended: boolean };

interface StatePlan {
  replace: (StateValues & { userId: string; cardId: string; version: number })[];
  remove: string[];
}

/** The CardState row the standing needs, if it differs from the stored one (or none, for a new card). */
function planStanding(userId: string, cardId: string, row: StateRow, standing: ReplayStanding, now: Date, plan: StatePlan): void {
  const schedule = standing.schedule;
  if (!schedule && !standing.buriedUntil && !standing.suspended) {
    // Never graded and nothing hides it: a new card has no row.
    if (row) plan.remove.push(cardId);
    return;
  }
  const values: StateValues = {
    ...(schedule ?? newSchedulingState(row?.due ?? now)),
    buriedUntil: standing.buriedUntil,
    suspended: standing.suspended,
  };
  if (row && (Object.keys(values) as (keyof StateValues)[]).every((key) => same(values[key], row[key]))) return;
  plan.replace.push({ ...values, userId, cardId, version: (row?.version ?? 0) + 1 });
}

type LogRow = { id: string; clientReviewId: string | null; durationMs: number } & Record<(typeof REVIEW_LOG_FIELDS)[number], unknown>;
type LogData = ReviewLogValues & { durationMs: number };

interface LogPlan {
  create: (LogData & { userId: string; cardId: string; clientReviewId: string })[];
  update: { id: string; data: LogData }[];
  remove: string[];
}

/**
 * One ReviewLog row per grade that counts, keyed by the grade's event id, with the values of this
 * replay (a late event from another device can change the rows after it). A row made from a grade
 * now undone goes; rows from before events existed are history the base already holds, and stay.
 */
function planLogs(
  userId: string,
  cardId: string,
  grades: readonly ReplayedGrade[],
  existing: readonly LogRow[],
  gradeIds: ReadonlySet<string>,
  plan: LogPlan,
): void {
  const byEvent = new Map(existing.map((log) => [log.clientReviewId, log]));
  const kept = new Set<string>();
  for (const grade of grades) {
    const data: LogData = { ...grade.log, durationMs: grade.durationMs };
    const row = byEvent.get(grade.eventId);
    if (!row) {
      plan.create.push({ ...data, userId, cardId, clientReviewId: grade.eventId });
      continue;
    }
    kept.add(row.id);
    const unchanged = REVIEW_LOG_FIELDS.every((field) => same(row[field], data[field])) && row.durationMs === data.durationMs;
    if (!unchanged) plan.update.push({ id: row.id, data });
  }
  for (const log of existing) {
    if (!kept.has(log.id) && log.clientReviewId !== null && gradeIds.has(log.clientReviewId)) plan.remove.push(log.id);
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
