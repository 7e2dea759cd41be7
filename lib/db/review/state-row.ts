import type { SchedulingState } from "../../srs/index.ts";

/** The CardState columns that hold a scheduling state. */
export const schedulingColumns = {
  due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true,
  learningSteps: true, reps: true, lapses: true, state: true, lastReview: true,
} as const;

export function schedulingState(row: SchedulingState): SchedulingState {
  return {
    due: row.due, stability: row.stability, difficulty: row.difficulty, elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays, learningSteps: row.learningSteps, reps: row.reps, lapses: row.lapses,
    state: row.state, lastReview: row.lastReview,
  };
}
