export { reviewScreenState, type ReviewScreenState, type ReviewCardView } from "./screen-state.ts";
export { recordGrade, type GradeInput, type ReviewOutcome } from "./grade.ts";
export { undoReview } from "./undo.ts";
export { applyCardAction, type CardAction } from "./card-actions.ts";
export { loadSchedulerSettings, saveSchedulerSettings, parseStoredSettings } from "./settings.ts";
export { todaysQueue } from "./queue.ts";
export { syncReviewEvents } from "./sync.ts";
export { recordEvents, type CheckedEvent, type RecordOutcome } from "./record-events.ts";
export { reviewDay, DeckNotFound, MAX_DAY_CARDS } from "./day.ts";
