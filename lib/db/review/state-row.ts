import type { SchedulingState } from "../../srs/index.ts";

/** The scheduling fields of a CardState row, which carries more columns (version, burial, ids). */
export function schedulingState(row: SchedulingState): SchedulingState {
  return {
    due: row.due, stability: row.stability, difficulty: row.difficulty, elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays, learningSteps: row.learningSteps, reps: row.reps, lapses: row.lapses,
    state: row.state, lastReview: row.lastReview,
  };
}
