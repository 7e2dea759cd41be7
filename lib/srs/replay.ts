// A card's standing as the replay of what the learner did to it: the events of every device, in
// review-time order, on top of where the card stood before its first event (its base). This is the
// one rule by which the server turns review events into state (docs/scheduling.md, "Reviews as
// events"), so two devices that graded the same card offline both count, in the order they happened.

import { learnerDay } from "./day.ts";
import { gradeCard } from "./scheduler.ts";
import type { CardSettings } from "./settings.ts";
import { CardStateCode, isRating, type ReviewLogValues, type SchedulingState } from "./types.ts";

export type ReplayEvent =
  | { id: string; kind: "grade"; at: Date; rating: number; durationMs: number }
  | { id: string; kind: "undo"; at: Date; undoes: string }
  | { id: string; kind: "bury" | "suspend" | "unsuspend"; at: Date };

export interface ReplayStanding {
  /** null: never graded (or every grade undone). */
  schedule: SchedulingState | null;
  buriedUntil: Date | null;
  suspended: boolean;
}

export interface ReplayedGrade {
  eventId: string;
  durationMs: number;
  /** The review log row this grade stands for, as ts-fsrs wrote it during the replay. */
  log: ReviewLogValues;
}

export interface ReplayResult {
  standing: ReplayStanding;
  /** The grades that count (not undone), in replay order. */
  grades: ReplayedGrade[];
}

export interface ReplayContext {
  cardId: string;
  settings: CardSettings;
  /** The learner's time zone: a burial lasts until the end of the learner's day of the bury. */
  timeZone: string;
  /** A burial that has already ended is dropped; nothing else depends on the clock. */
  now: Date;
}

export const NEVER_STUDIED: ReplayStanding = { schedule: null, buriedUntil: null, suspended: false };

/** Replay order: review time, then id, so every server and device sorts the same events the same way. */
export function compareEvents(a: { at: Date; id: string }, b: { at: Date; id: string }): number {
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether a stored schedule says "never graded": a row in state New only carries a burial. */
export function isUnstudied(schedule: SchedulingState | null): boolean {
  return !schedule || (schedule.state === CardStateCode.New && schedule.reps === 0);
}

/**
 * Replays a card's events over its base. An undo removes its target from the replay (wherever it
 * sits in time), so undoing an old grade re-schedules everything after it; a grade lifts a burial;
 * bury, suspend and unsuspend change only what they name.
 */
export function replayCard(base: ReplayStanding, events: readonly ReplayEvent[], context: ReplayContext): ReplayResult {
  const undone = new Set<string>();
  for (const event of events) if (event.kind === "undo") undone.add(event.undoes);
  const effective = events.filter((event) => event.kind !== "undo" && !undone.has(event.id)).sort(compareEvents);

  let schedule = isUnstudied(base.schedule) ? null : base.schedule;
  let buriedUntil = base.buriedUntil;
  let suspended = base.suspended;
  const grades: ReplayedGrade[] = [];
  for (const event of effective) {
    switch (event.kind) {
      case "grade": {
        if (!isRating(event.rating)) throw new RangeError(`Event ${event.id}: unknown rating ${event.rating}`);
        // ts-fsrs refuses a review before the card's last one. That happens only for an event older
        // than the base's history (a late device clock, or a review made before a restore): it is
        // taken as made at that last review, the earliest moment it can come in.
        const last = schedule?.lastReview;
        const at = last && event.at.getTime() < last.getTime() ? last : event.at;
        const { next, log } = gradeCard(schedule, event.rating, at, context.settings, context.cardId);
        schedule = next;
        buriedUntil = null;
        grades.push({ eventId: event.id, durationMs: event.durationMs, log });
        break;
      }
      case "bury":
        buriedUntil = learnerDay(event.at, context.timeZone).end;
        break;
      case "suspend":
        suspended = true;
        break;
      case "unsuspend":
        suspended = false;
        break;
      case "undo":
        break;
    }
  }
  if (buriedUntil && buriedUntil.getTime() <= context.now.getTime()) buriedUntil = null;
  return { standing: { schedule, buriedUntil, suspended }, grades };
}
