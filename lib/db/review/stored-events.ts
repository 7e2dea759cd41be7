// How review events sit in the ReviewEvent table, and the base each card's replay starts from.
import "server-only";
import { isUnstudied, schedulingStateOf, type ReplayEvent, type ReplayStanding, type SchedulingState } from "../../srs/index.ts";
import type { ReviewEventRow } from "../engine/ports.ts";
import { jsonColumn, type JsonColumnValue } from "../json-column.ts";

/**
 * The id of a card's base row. Device ids are UUIDs, so this cannot meet one; it is the same for
 * every request, so two requests that both find a card without a base cannot store two.
 */
export const baseEventId = (cardId: string) => `base:${cardId}`;
export const BASE_KIND = "base";
/** The device id recorded on events made by the server itself (the one-grade-per-request endpoint). */
export const SERVER_DEVICE_ID = "server";

/** A stored ReviewEvent row as the replay reads it; its base standing, if any, is read apart. */
export type StoredEventRow = Omit<ReviewEventRow, "base">;

/** A stored row as the replay reads it; a base row or an unknown kind is not an event. */
export function replayEventOf(row: StoredEventRow): ReplayEvent | null {
  switch (row.kind) {
    case "grade":
      return { id: row.id, kind: "grade", at: row.at, rating: row.rating ?? 0, durationMs: row.durationMs ?? 0 };
    case "undo":
      return row.undoes ? { id: row.id, kind: "undo", at: row.at, undoes: row.undoes } : null;
    case "bury":
    case "suspend":
    case "unsuspend":
      return { id: row.id, kind: row.kind, at: row.at };
    default:
      return null;
  }
}

interface StoredBase {
  schedule: Record<keyof SchedulingState, string | number | null> | null;
  buriedUntil: string | null;
  suspended: boolean;
}

type StateRow = SchedulingState & { buriedUntil: Date | null; suspended: boolean };

/** What a CardState row (or none) says about a card before its first event. */
export function standingOfRow(row: StateRow | null): ReplayStanding {
  if (!row) return { schedule: null, buriedUntil: null, suspended: false };
  const schedule = schedulingStateOf(row);
  return { schedule: isUnstudied(schedule) ? null : schedule, buriedUntil: row.buriedUntil, suspended: row.suspended };
}

/** The base as the ReviewEvent.base Json column holds it (dates as ISO text). */
export function encodeBase(standing: ReplayStanding): JsonColumnValue {
  const stored: StoredBase = {
    schedule: standing.schedule
      ? {
          ...standing.schedule,
          due: standing.schedule.due.toISOString(),
          lastReview: standing.schedule.lastReview?.toISOString() ?? null,
        }
      : null,
    buriedUntil: standing.buriedUntil?.toISOString() ?? null,
    suspended: standing.suspended,
  };
  return jsonColumn(stored);
}

export function decodeBase(value: unknown): ReplayStanding {
  if (value === null || value === undefined) return { schedule: null, buriedUntil: null, suspended: false };
  const stored = value as StoredBase;
  const s = stored.schedule;
  return {
    schedule: s
      ? {
          due: new Date(String(s.due)),
          stability: Number(s.stability),
          difficulty: Number(s.difficulty),
          elapsedDays: Number(s.elapsedDays),
          scheduledDays: Number(s.scheduledDays),
          learningSteps: Number(s.learningSteps),
          reps: Number(s.reps),
          lapses: Number(s.lapses),
          state: Number(s.state),
          lastReview: s.lastReview === null ? null : new Date(String(s.lastReview)),
        }
      : null,
    buriedUntil: stored.buriedUntil ? new Date(stored.buriedUntil) : null,
    suspended: stored.suspended === true,
  };
}
