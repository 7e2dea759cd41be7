// lib/offline-review: the review day on the device (IndexedDB), grading without the network, the
// outbox of review events and the sync client. Browser code: imported by the review screen and the
// service worker, never by the server.
export {
  applyEvent,
  buttonIntervals,
  localDayFrom,
  standingOf,
  studyQueue,
  reviewAheadQueue,
  REVIEW_AHEAD_LIMIT,
  withPending,
  withStandings,
  withStoredEvents,
  type LocalCard,
  type LocalDay,
  type LocalLog,
  type PendingEvent,
  type Standing,
} from "./local-day.ts";
export { DeviceStore, databaseName, MAX_UNDO, MAX_REFUSED, type HistoryEntry, type RefusedEntry, type StoredDay } from "./store.ts";
export { refreshDay, syncPending, type DayOutcome, type Fetcher, type SyncOutcome, type SyncStatus } from "./sync.ts";
export { ReviewDevice, type Rating, type ReviewView, type SessionTally } from "./review-device.ts";
export { fromWire, toWire } from "./wire.ts";
export { afterNextPaint } from "./next-paint.ts";
export { storageJournal, type Journal, type UnwrittenAction } from "./journal.ts";
