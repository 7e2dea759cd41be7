// A backup file as a heavy learner's export would look: every named card studied, the review
// log spread over them in time order. Used by the restore benchmark and the end-to-end tests,
// which need files of a given number of log rows or a given size.
import { BACKUP_FORMAT, BACKUP_VERSION, DEFAULT_SETTINGS } from "../../lib/srs/index.ts";
import { floats, mulberry32 } from "../../lib/random/index.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** `cardKeys` as the backup names them ("starter:<key>" for starter cards). Dates as JSON strings. */
export function generateBackup(cardKeys: readonly string[], logCount: number, now: Date, seed = 11): Record<string, unknown> {
  if (cardKeys.length === 0) throw new Error("a generated backup needs at least one card key");
  const rand = floats(mulberry32(seed));
  const start = now.getTime() - 365 * DAY;
  const step = Math.max(1, Math.floor((365 * DAY) / Math.max(1, logCount)));
  const reviewLogs = [];
  for (let i = 0; i < logCount; i++) {
    const review = start + i * step;
    reviewLogs.push({
      cardKey: cardKeys[i % cardKeys.length]!,
      rating: 1 + Math.floor(rand() * 4),
      state: i < cardKeys.length ? 0 : 2,
      due: new Date(review - MINUTE).toISOString(),
      stability: Math.round(rand() * 10_000) / 100,
      difficulty: Math.round(rand() * 1_000) / 100,
      elapsedDays: Math.floor(rand() * 30),
      lastElapsedDays: Math.floor(rand() * 30),
      scheduledDays: Math.floor(rand() * 60),
      learningSteps: 0,
      review: new Date(review).toISOString(),
      durationMs: Math.floor(rand() * 20_000),
    });
  }
  const cardStates: Record<string, unknown> = {};
  for (const key of cardKeys) {
    cardStates[key] = {
      due: new Date(now.getTime() + Math.floor(rand() * 30) * DAY).toISOString(),
      stability: Math.round(rand() * 10_000) / 100,
      difficulty: Math.round(rand() * 1_000) / 100,
      elapsedDays: Math.floor(rand() * 30),
      scheduledDays: Math.floor(rand() * 60),
      learningSteps: 0,
      reps: Math.ceil(logCount / cardKeys.length),
      lapses: Math.floor(rand() * 3),
      state: 2,
      lastReview: new Date(now.getTime() - DAY).toISOString(),
      suspended: false,
      buriedUntil: null,
    };
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings: DEFAULT_SETTINGS,
    cardStates,
    reviewLogs,
  };
}

/** Log rows that make a backup of about `bytes` of JSON (a generated row takes about 245 bytes). */
export function logsForBytes(bytes: number): number {
  return Math.ceil(bytes / 245);
}
