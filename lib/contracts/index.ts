// The request shapes of each feature's endpoints, shared by the route that validates them and the
// page that sends them. Pages import only types from here, so no schema reaches their bundles.
export { ReviewActionSchema, type ReviewAction } from "./review.ts";
export {
  AnswerSaveSchema,
  ClassroomIdSchema,
  ScenarioPreviewRequestSchema,
  type AnswerSave,
  type AnswerSaved,
  type AttemptStarted,
  type AttemptSubmitted,
  type ScenarioPreviewRequest,
} from "./classroom.ts";
export { MAX_UNTICKED_CARDS, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, UploadFormSchema, type UploadMode } from "./upload.ts";
export { OptimizeRequestSchema } from "./optimize.ts";
export { CardSearchSchema, DeleteDeckSchema, RenameDeckSchema } from "./decks.ts";
export {
  ScenarioCardRequestSchema,
  type ScenarioCardRequest,
  type ScenarioCardResponse,
  type ScenarioCardsRefused,
  type ScenarioCardsSaved,
} from "./scenario-cards.ts";
export {
  CardStandingSchema,
  DayCardSchema,
  DayLogSchema,
  MAX_CLOCK_SKEW_MS,
  MAX_SYNC_BATCH,
  RefusedEventSchema,
  ReviewDaySchema,
  ReviewEventSchema,
  SyncRequestSchema,
  SyncResultSchema,
  WireSchedulingStateSchema,
  type CardStanding,
  type DayCard,
  type RefusedEvent,
  type ReviewDay,
  type ReviewEvent,
  type ReviewEventKind,
  type SyncResult,
  type WireSchedulingState,
} from "./review-sync.ts";
