// Conversion between the plain SchedulingState (CardState columns, camelCase, null for "never")
// and ts-fsrs's Card and ReviewLog (snake_case, undefined for "never").

import { createEmptyCard, State, type Card, type ReviewLog } from "ts-fsrs";
import type { ReviewLogValues, SchedulingState } from "./types.ts";

/** ts-fsrs's Card plus the card id its fuzz seed strategy reads. */
export type SeededCard = Card & { card_id: string };

export function assertStateCode(state: number): State {
  if (state === 0 || state === 1 || state === 2 || state === 3) return state;
  throw new RangeError(`Unknown card state ${state}: expected 0 (New), 1 (Learning), 2 (Review) or 3 (Relearning)`);
}

/** The fields of a SchedulingState, which are also the CardState columns that hold it. */
export const SCHEDULING_FIELDS = [
  "due",
  "stability",
  "difficulty",
  "elapsedDays",
  "scheduledDays",
  "learningSteps",
  "reps",
  "lapses",
  "state",
  "lastReview",
] as const satisfies ReadonlyArray<keyof SchedulingState>;

// A field added to SchedulingState and forgotten in the list above fails to compile here.
type MissingField = Exclude<keyof SchedulingState, (typeof SCHEDULING_FIELDS)[number]>;
const everyField: MissingField extends never ? true : MissingField = true;
void everyField;

/** The fields of ReviewLogValues, which are also the ReviewLog columns that hold them, in this order. */
export const REVIEW_LOG_FIELDS = [
  "rating",
  "state",
  "due",
  "stability",
  "difficulty",
  "elapsedDays",
  "lastElapsedDays",
  "scheduledDays",
  "learningSteps",
  "review",
] as const satisfies ReadonlyArray<keyof ReviewLogValues>;

type MissingLogField = Exclude<keyof ReviewLogValues, (typeof REVIEW_LOG_FIELDS)[number]>;
const everyLogField: MissingLogField extends never ? true : MissingLogField = true;
void everyLogField;

/** The scheduling fields of a row that carries more (a CardState row: version, burial, ids). */
export function schedulingStateOf(row: SchedulingState): SchedulingState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.lastReview,
  };
}

export function toFsrsCard(state: SchedulingState, cardId = ""): SeededCard {
  return {
    due: new Date(state.due.getTime()),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: assertStateCode(state.state),
    last_review: state.lastReview ? new Date(state.lastReview.getTime()) : undefined,
    card_id: cardId,
  };
}

export function fromFsrsCard(card: Card): SchedulingState {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? new Date(card.last_review.getTime()) : null,
  };
}

/** The state of a card never studied, due at `now`. */
export function newSchedulingState(now: Date): SchedulingState {
  return fromFsrsCard(createEmptyCard(now));
}

export function fromFsrsLog(log: ReviewLog): ReviewLogValues {
  return {
    rating: log.rating,
    state: log.state,
    due: new Date(log.due.getTime()),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    review: new Date(log.review.getTime()),
  };
}

export function toFsrsLog(log: ReviewLogValues): ReviewLog {
  return {
    rating: log.rating,
    state: assertStateCode(log.state),
    due: new Date(log.due.getTime()),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsedDays,
    last_elapsed_days: log.lastElapsedDays,
    scheduled_days: log.scheduledDays,
    learning_steps: log.learningSteps,
    review: new Date(log.review.getTime()),
  };
}
