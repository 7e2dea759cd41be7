// Conversions between the protocol's JSON shapes (ISO strings) and lib/srs's SchedulingState (Dates).
import type { WireSchedulingState } from "@/lib/contracts/review-sync.ts";
import type { SchedulingState } from "@/lib/srs/index.ts";

export function fromWire(wire: WireSchedulingState): SchedulingState {
  return {
    due: new Date(wire.due),
    stability: wire.stability,
    difficulty: wire.difficulty,
    elapsedDays: wire.elapsedDays,
    scheduledDays: wire.scheduledDays,
    learningSteps: wire.learningSteps,
    reps: wire.reps,
    lapses: wire.lapses,
    state: wire.state,
    lastReview: wire.lastReview ? new Date(wire.lastReview) : null,
  };
}

export function toWire(state: SchedulingState): WireSchedulingState {
  return {
    due: state.due.toISOString(),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsedDays: state.elapsedDays,
    scheduledDays: state.scheduledDays,
    learningSteps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    lastReview: state.lastReview ? state.lastReview.toISOString() : null,
  };
}
