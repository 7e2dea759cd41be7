// The data-access layer's public face for pages, actions, route handlers and lib/auth: every
// function takes the acting user (or, before sign-in, the email or address being checked) and
// scopes its queries by it. The classroom and review screens have faces of their own
// (./classroom/index.ts, ./review/index.ts); ./engine is the seam around the database engine.
// Tests, scripts and benchmarks may reach the modules behind this file directly.
import "server-only";

export { exportBackup, restoreBackup, RestoreRunningError, type RestoreResult } from "./backup.ts";
export { findCardForLearner, updateOwnCard } from "./cards.ts";
export type { ImportCounts } from "./card-import.ts";
export {
  DATABASE_BUSY_WAIT_MS,
  DatabaseBusyError,
  DatabaseUnavailableError,
  isDatabaseBusy,
  isDatabaseUnavailable,
} from "./database-busy.ts";
export { CARDS_PER_PAGE, deckCardPage, type CardListPage, type CardListRow, type CardListState } from "./deck-cards.ts";
export { deckDeletion, deleteOwnDeck, renameOwnDeck, type DeckDeletion } from "./deck-edits.ts";
export {
  deckIdsWithin,
  findReadableDeck,
  listDecksWithCounts,
  readableDeckPath,
  type DeckBranch,
  type DeckList,
  type DeckSummary,
} from "./decks.ts";
export { optimizeForLearner, type LearnerOptimizeOptions, type LearnerOptimizeResult } from "./optimize.ts";
export {
  OPTIMIZER_FAILED_MESSAGE,
  optimizerRunView,
  startOptimizerRun,
  startOptimizerWorker,
  type OptimizerRunStatus,
  type OptimizerRunView,
} from "./optimizer-runs.ts";
export type { UploadOutcome } from "./upload-outcome.ts";
export { importUpload, readUploadForm, type UploadForm } from "./upload-import.ts";
export { startUploadRun, uploadRunningMessage, uploadRunView, type UploadRunKind, type UploadRunView } from "./upload-runs.ts";
export { reviewLogPages } from "./review-export.ts";
export { saveScenarioCards, type SaveScenarioResult } from "./scenario-cards.ts";
export {
  loadLearnerSettings,
  raiseNewCardsToday,
  saveDeckOverrides,
  saveGeneralSettings,
  saveParameters,
  type GeneralSettings,
  type LearnerSettings,
  type SaveResult,
  type SettingsDeck,
} from "./settings.ts";
export { findUserForSignIn, releaseAttempt, reserveAttempt, type AttemptLimit, type Reservation } from "./sign-in.ts";
export { learnerStats, type LearnerStats } from "./stats.ts";
export type { StarterRepeats } from "./starter-repeats.ts";
export {
  createUser,
  emailIsTaken,
  EmailTakenError,
  findSessionUser,
  revokeSessions,
  sessionVersionOf,
  userForOAuthAccount,
  type Role,
  type SessionUser,
} from "./users.ts";
export {
  importIntoLibrary,
  type CardAction,
  type ImportReview,
  type PreviewCard,
  type PreviewFile,
  type WebImportResult,
} from "./web-import.ts";
export { importAnkiIntoLibrary, importAnkiForOwner, type AnkiSummary, type AnkiWebImportResult } from "./anki-import.ts";
export { exportDeckAsApkg, type AnkiExport } from "./anki-export.ts";
export type { ImportSelection } from "./import-selection.ts";
export { readMedia, type StoredMedia } from "./anki-media.ts";
