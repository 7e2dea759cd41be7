// The full JSON backup: settings, every card state keyed by the card's stable key, and the review
// log. Dates are Date objects in memory and ISO 8601 strings in JSON (JSON.stringify writes them),
// so `parseBackup(JSON.parse(JSON.stringify(backup)))` gives the backup back.

import { z } from "zod";
import { schedulerSettingsSchema, type SchedulerSettings } from "../settings-schema.ts";
import type { ReviewLogValues, SchedulingState } from "../types.ts";
import { parseWith, type Parsed } from "../validation.ts";

export const BACKUP_FORMAT = "iam-recall-backup";
export const BACKUP_VERSION = 1;

const instant = z
  .union([z.date(), z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" })])
  .transform((v) => (v instanceof Date ? v : new Date(v)));
const count = z.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(0, { error: "cannot be negative" });
const memory = z
  .number({ error: "must be a number" })
  .refine(Number.isFinite, { error: "must be finite" })
  .min(0, { error: "cannot be negative" });
const stateCode = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
  error: "must be 0 (New), 1 (Learning), 2 (Review) or 3 (Relearning)",
});
const rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "must be 1 (Again) to 4 (Easy)" });

export const backupCardStateSchema = z.strictObject({
  due: instant,
  stability: memory,
  difficulty: memory.max(10, { error: "at most 10" }),
  elapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  state: stateCode,
  lastReview: instant.nullable(),
  suspended: z.boolean({ error: "must be true or false" }).default(false),
  buriedUntil: instant.nullable().default(null),
});

export const backupReviewLogSchema = z.strictObject({
  cardKey: z.string({ error: "must be a card key" }).min(1, { error: "must be a card key" }),
  rating,
  state: stateCode,
  due: instant,
  stability: memory,
  difficulty: memory.max(10, { error: "at most 10" }),
  elapsedDays: count,
  lastElapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  review: instant,
  durationMs: count.default(0),
});

const backupHeader = {
  format: z.literal(BACKUP_FORMAT, { error: `must be "${BACKUP_FORMAT}"` }),
  version: z.literal(BACKUP_VERSION, { error: `this app reads backup version ${BACKUP_VERSION}` }),
  exportedAt: instant,
  settings: schedulerSettingsSchema,
};

/** Log rows whose card has no state, as issues: such a row would restore history the scheduler never sees. */
export function orphanLogIssues(
  backup: Pick<Backup, "cardStates" | "reviewLogs">,
): Array<{ path: Array<string | number>; message: string }> {
  const issues: Array<{ path: Array<string | number>; message: string }> = [];
  backup.reviewLogs.forEach((log, index) => {
    if (!Object.hasOwn(backup.cardStates, log.cardKey)) {
      issues.push({ path: ["reviewLogs", index, "cardKey"], message: `no card state for "${log.cardKey}"` });
    }
  });
  return issues;
}

export const backupSchema = z
  .strictObject({
    ...backupHeader,
    cardStates: z.record(z.string().min(1), backupCardStateSchema),
    reviewLogs: z.array(backupReviewLogSchema),
  })
  .superRefine((backup, ctx) => {
    for (const issue of orphanLogIssues(backup)) ctx.addIssue({ code: "custom", ...issue });
  });

/** The backup's outline, its card states and log rows left unchecked (backup-slices.ts checks them a slice at a time). */
export const backupOutlineSchema = z.strictObject({
  ...backupHeader,
  cardStates: z.record(z.string().min(1), z.unknown()),
  reviewLogs: z.array(z.unknown()),
});

export type Backup = z.output<typeof backupSchema>;
export type BackupCardState = z.output<typeof backupCardStateSchema>;
export type BackupReviewLog = z.output<typeof backupReviewLogSchema>;

export interface BackupParts {
  exportedAt: Date;
  settings: SchedulerSettings;
  /** Keyed by the card's stable key; extra fields (database ids...) are left out of the backup. */
  cardStates: Readonly<Record<string, SchedulingState & { suspended?: boolean | null; buriedUntil?: Date | null }>>;
  reviewLogs: Iterable<ReviewLogValues & { cardKey: string; durationMs?: number | null }>;
}

/** Assembles a backup from database rows, copying only the fields the format holds. */
export function createBackup(parts: BackupParts): Backup {
  const cardStates: Record<string, BackupCardState> = {};
  for (const [key, s] of Object.entries(parts.cardStates)) {
    cardStates[key] = {
      due: s.due,
      stability: s.stability,
      difficulty: s.difficulty,
      elapsedDays: s.elapsedDays,
      scheduledDays: s.scheduledDays,
      learningSteps: s.learningSteps,
      reps: s.reps,
      lapses: s.lapses,
      state: s.state as BackupCardState["state"],
      lastReview: s.lastReview,
      suspended: s.suspended ?? false,
      buriedUntil: s.buriedUntil ?? null,
    };
  }
  const reviewLogs: BackupReviewLog[] = [];
  for (const l of parts.reviewLogs) {
    reviewLogs.push({
      cardKey: l.cardKey,
      rating: l.rating as BackupReviewLog["rating"],
      state: l.state as BackupReviewLog["state"],
      due: l.due,
      stability: l.stability,
      difficulty: l.difficulty,
      elapsedDays: l.elapsedDays,
      lastElapsedDays: l.lastElapsedDays,
      scheduledDays: l.scheduledDays,
      learningSteps: l.learningSteps,
      review: l.review,
      durationMs: l.durationMs ?? 0,
    });
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: parts.exportedAt, settings: parts.settings, cardStates, reviewLogs };
}

/** Validates a backup (as parsed from JSON) before restoring it; issues carry the JSON path. */
export function parseBackup(input: unknown): Parsed<Backup> {
  return parseWith(backupSchema, input);
}
