// Plain shapes shared by the scheduler, the queue, the statistics and the exports. They mirror the
// CardState and ReviewLog columns so database rows can be passed in as they are.

/** 0 New, 1 Learning, 2 Review, 3 Relearning: the numbering ts-fsrs, Anki and the FSRS optimizer share. */
export const CardStateCode = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardStateCode = (typeof CardStateCode)[keyof typeof CardStateCode];

/**
 * The learner's answer to a card: 1 Again, 2 Hard, 3 Good, 4 Easy. "Rating" is the field's word: the
 * FSRS papers, Anki, the ReviewLog.rating column and ts-fsrs's own `Rating` enum all use it. ts-fsrs
 * names this 1-4 subset `Grade` only to leave out its `Manual` (0), which this app never records, so
 * the one name here is Rating. Grading is the act; a rating is the answer it records.
 */
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Rating = (typeof Rating)[keyof typeof Rating];
export const RATINGS = [1, 2, 3, 4] as const satisfies readonly Rating[];
export const RATING_NAMES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" } as const satisfies Record<Rating, string>;

export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/**
 * One learner's scheduling state for one card: the columns of CardState that ts-fsrs reads and
 * writes. `state` is typed as a plain number so a database row fits; it holds a CardStateCode.
 */
export interface SchedulingState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

/**
 * The values of one ReviewLog row as ts-fsrs produces them. Memory fields (state, stability,
 * difficulty, scheduledDays, learningSteps) describe the card *before* the grade, and `due` holds
 * the previous review time (or the original due date of a new card): that is what `rollback` needs.
 */
export interface ReviewLogValues {
  rating: number;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: Date;
}

/** A learner's day: [start, end) in absolute time, as returned by `learnerDay`. */
export interface DayWindow {
  start: Date;
  end: Date;
}
