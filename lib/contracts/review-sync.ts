// The offline review protocol, shared by the device (components/review, IndexedDB) and the server
// (app/api/review/day, app/api/review/sync):
//   GET  /api/review/day[?deck=ID]  -> ReviewDay: what the device needs to review today and tomorrow
//                                      without the server.
//   POST /api/review/sync           <- { events: ReviewEvent[] } (at most MAX_SYNC_BATCH)
//                                   -> SyncResult: which events are stored, which were refused and
//                                      why, and the authoritative state of every card they touched.
// Events are made on the device with an id of its own (a UUID); the server stores each id once, so a
// batch sent twice counts once. The server, not the device, computes every card's state, by
// replaying the card's events in review-time order (docs/scheduling.md).
// zod/mini, not zod: the device parses the day and the sync result with these schemas, and only the
// functional API lets the bundler leave the rest of zod out of the review screen.
import * as z from "zod/mini";

import { MAX_SYNC_BATCH } from "./review-sync-limits.ts";

export { MAX_CLOCK_SKEW_MS, MAX_SYNC_BATCH } from "./review-sync-limits.ts";

const eventId = z.uuid();
const cardId = z.string().check(z.minLength(1), z.maxLength(64));
const isoTime = z.iso.datetime({ offset: true });

const eventBase = {
  id: eventId,
  cardId,
  /** When the learner acted, by the device's clock (ISO 8601). Replay order is by this time. */
  at: isoTime,
  /** A random id the device chose once and keeps in IndexedDB. */
  deviceId: z.string().check(z.minLength(8), z.maxLength(64)),
};

export const ReviewEventSchema = z.discriminatedUnion("kind", [
  z.object({
    ...eventBase,
    kind: z.literal("grade"),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    /** Milliseconds from showing the card to grading it. */
    durationMs: z.int().check(z.gte(0), z.lte(24 * 60 * 60 * 1000)),
  }),
  /** Takes back an earlier event (a grade, bury, suspend or unsuspend) of the same card. */
  z.object({ ...eventBase, kind: z.literal("undo"), undoes: eventId }),
  /** Bury hides the card until the end of the learner's day in which `at` falls. */
  z.object({ ...eventBase, kind: z.enum(["bury", "suspend", "unsuspend"]) }),
]);
export type ReviewEvent = z.infer<typeof ReviewEventSchema>;
export type ReviewEventKind = ReviewEvent["kind"];

/**
 * The request body. Events are checked one by one (ReviewEventSchema) so that one bad event is
 * refused and reported without refusing its batch; only the envelope is checked here.
 */
export const SyncRequestSchema = z.object({
  events: z.array(z.unknown()).check(z.maxLength(MAX_SYNC_BATCH)),
});

/** A card's scheduling state as JSON: the fields of lib/srs SchedulingState, dates as ISO strings. */
export const WireSchedulingStateSchema = z.object({
  due: isoTime,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.number(),
  lastReview: z.nullable(isoTime),
});
export type WireSchedulingState = z.infer<typeof WireSchedulingStateSchema>;

/** The authoritative state of one card for this learner after the server's replay. */
export const CardStandingSchema = z.object({
  cardId,
  /** null: never graded (or every grade undone). */
  schedule: z.nullable(WireSchedulingStateSchema),
  buriedUntil: z.nullable(isoTime),
  suspended: z.boolean(),
});
export type CardStanding = z.infer<typeof CardStandingSchema>;

export const RefusedEventSchema = z.object({
  /** The event's id when it had a readable one. */
  id: z.nullable(z.string()),
  /** Its position in the request's `events`. */
  index: z.int(),
  /** not_found: no such card, or not this learner's to review; invalid: fails the schema; future: `at` too far ahead. */
  code: z.enum(["invalid", "not_found", "future", "undo_target"]),
  /** For the learner, naming what is wrong and where (a JSON path like events[3].rating). */
  message: z.string(),
});
export type RefusedEvent = z.infer<typeof RefusedEventSchema>;

export const SyncResultSchema = z.object({
  /** Ids stored by this request or already stored before (a resent event). */
  accepted: z.array(z.string()),
  refused: z.array(RefusedEventSchema),
  /** Every card an accepted event touched, as the replay left it. */
  cards: z.array(CardStandingSchema),
  syncedAt: isoTime,
});
export type SyncResult = z.infer<typeof SyncResultSchema>;

/** One card the device can show: its faces rendered by the server, and where it stands. */
export const DayCardSchema = z.extend(CardStandingSchema, {
  deckId: z.string(),
  deckPath: z.string(),
  /** Cards of one note share it (siblings wait for another day once one was studied today). */
  noteKey: z.string(),
  kind: z.string(),
  frontHtml: z.string(),
  backHtml: z.string(),
  /** Order of introduction among new cards (lower first); null for studied cards. */
  position: z.nullable(z.int()),
});
export type DayCard = z.infer<typeof DayCardSchema>;

/** A grade already stored today, for the daily limits and the sibling rule (lib/srs activityToday). */
export const DayLogSchema = z.object({
  eventId: z.string(),
  cardId,
  deckId: z.string(),
  noteKey: z.string(),
  /** The card's state before the grade (0 new, 1 learning, 2 review, 3 relearning). */
  state: z.int(),
  at: isoTime,
});

export const ReviewDaySchema = z.object({
  generatedAt: isoTime,
  /** The deck the day was cut for; null for every deck the learner can read. */
  deckId: z.nullable(z.string()),
  /** IANA time zone of the learner; days roll over as lib/srs learnerDay says. */
  timeZone: z.string(),
  /** The learner's scheduler settings (lib/srs SchedulerSettings: parameters, retention, limits, per-deck overrides). */
  settings: z.record(z.string(), z.unknown()),
  /**
   * Every card that can be studied before the end of tomorrow: (re)learning and review cards due by
   * then, and new cards enough for today's and tomorrow's new-card limits. Suspended cards are left out.
   */
  cards: z.array(DayCardSchema),
  /** Grades stored since the start of the learner's current day. */
  todayLogs: z.array(DayLogSchema),
});
export type ReviewDay = z.infer<typeof ReviewDaySchema>;
