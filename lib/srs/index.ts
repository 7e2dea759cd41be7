// lib/srs: spaced repetition over ts-fsrs. Pure: every function takes `now`; no database, no clock.
// The optimizer (./optimize.ts) loads a native module and is deliberately not exported here.
export { learnerDay, isValidTimeZone, DEFAULT_ROLLOVER_HOUR } from "./day.ts";
export {
  CardStateCode,
  Rating,
  RATINGS,
  RATING_NAMES,
  isRating,
  type DayWindow,
  type ReviewLogValues,
  type SchedulingState,
} from "./types.ts";
export { parseWith, type Parsed } from "./validation.ts";
export {
  DEFAULT_PARAMETERS,
  DEFAULT_SETTINGS,
  settingsForDeck,
  settingsAt,
  withRaisedNew,
  type RaisedNew,
  type CardSettings,
  type DeckOverrides,
  type SchedulerSettings,
} from "./settings.ts";
export { parseSettings, schedulerSettingsSchema, type SchedulerSettingsInput } from "./settings-schema.ts";
export { REVIEW_LOG_FIELDS, SCHEDULING_FIELDS, newSchedulingState, schedulingStateOf } from "./card.ts";
export { intervalLabel, intervalUntil } from "./intervals.ts";
export {
  convertHistory,
  difficultyFromEase,
  stabilityFromInterval,
  stateFromHistory,
  type HistoryConversion,
  type HistoryOptions,
} from "./imported-history.ts";
export {
  gradeCard,
  previewGrades,
  retrievability,
  undoGrade,
  type GradePreview,
  type GradePreviews,
  type GradeResult,
} from "./scheduler.ts";
export { activityToday, type TodayActivity } from "./activity.ts";
export {
  buildQueue,
  newCardRoom,
  queueLimits,
  type Queue,
  type QueueCandidate,
  type QueueCounts,
  type QueueInput,
  type QueueItem,
  type QueueKind,
  type QueueLimits,
} from "./queue.ts";
export { learnerCalendar, type LearnerCalendar } from "./calendar.ts";
export {
  cardsByState,
  dueForecast,
  MATURE_INTERVAL_DAYS,
  reviewsPerDay,
  trueRetention,
  type DayCount,
  type ForecastCard,
  type ForecastDay,
  type RetentionLog,
  type RetentionPeriod,
  type StateCounts,
  type TrueRetention,
} from "./stats/index.ts";
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  createBackup,
  csvField,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_SIZE_LABEL,
  parseBackup,
  parseBackupInSlices,
  REVIEW_CSV_HEADER,
  reviewCsvRow,
  reviewsToCsv,
  type Backup,
  type BackupCardState,
  type BackupReviewLog,
  type CsvReview,
} from "./export/index.ts";
export {
  compareEvents,
  isUnstudied,
  NEVER_STUDIED,
  replayCard,
  type ReplayContext,
  type ReplayStanding,
  type ReplayedGrade,
  type ReplayEvent,
  type ReplayResult,
} from "./replay.ts";
