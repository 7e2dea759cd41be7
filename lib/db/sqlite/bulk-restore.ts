// A backup restore's reads and writes, straight through better-sqlite3 in one IMMEDIATE
// transaction written a slice at a time. Through Prisma a 30,000-log restore took 25-30 s of row-by-row work that held up
// every other request; as prepared statements the same rows take a fraction of a second
// (bench/restore-db.ts). Values are stored the way Prisma stores them (see bulk-import.ts).
// SQLite only: a PostgreSQL deployment needs its own bulk path here.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { env } from "../../env.ts";
import { sqliteFilePath } from "../database-path.ts";
import { toStoredDate } from "./connection.ts";
import { DATABASE_BUSY_WAIT_MS } from "../database-busy.ts";
import { retryWhileBusy } from "./busy-retry.ts";
import type { BackupCardState, BackupReviewLog } from "../../srs/index.ts";

/** Where the card a backup key names lives: the learner's own scope or the starter decks. */
export interface CardRef {
  scope: string;
  key: string;
}

export interface RestoreRows {
  userId: string;
  /** Backup key -> the card it names; the restore touches these cards' rows only. */
  cards: ReadonlyMap<string, CardRef>;
  states: Readonly<Record<string, BackupCardState>>;
  logs: readonly BackupReviewLog[];
  settingsJson: string;
  now: Date;
}

export type RestoreWrite = { ok: true; cards: number; reviews: number } | { ok: false; missing: string[] };

const stored = (date: Date | null) => (date === null ? null : toStoredDate(date));

/** Rows written between two pauses: a few tens of milliseconds of work on an idle machine. */
const SLICE = 500;

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

async function writeRows(db: Database.Database, rows: RestoreRows): Promise<RestoreWrite> {
  const stamp = toStoredDate(rows.now);
  const selectCard = db.prepare(`SELECT id FROM "Card" WHERE scope = ? AND key = ?`).pluck();
  const selectVersion = db.prepare(`SELECT version FROM "CardState" WHERE userId = ? AND cardId = ?`).pluck();
  const deleteLogs = db.prepare(`DELETE FROM "ReviewLog" WHERE userId = ? AND cardId = ?`);
  const deleteState = db.prepare(`DELETE FROM "CardState" WHERE userId = ? AND cardId = ?`);
  const insertState = db.prepare(
    `INSERT INTO "CardState" (id, userId, cardId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses,
       state, lastReview, buriedUntil, suspended, version, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLog = db.prepare(
    `INSERT INTO "ReviewLog" (id, userId, cardId, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays,
       learningSteps, review, durationMs, clientReviewId)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const updateSettings = db.prepare(`UPDATE "User" SET schedulerSettings = ?, updatedAt = ? WHERE id = ?`);

  // Cards are looked up inside the transaction, so none can vanish between lookup and write.
  const ids = new Map<string, string>();
  const missing: string[] = [];
  for (const [backupKey, ref] of rows.cards) {
    const id = selectCard.get(ref.scope, ref.key) as string | undefined;
    if (id === undefined) missing.push(backupKey);
    else ids.set(backupKey, id);
  }
  if (missing.length > 0) return { ok: false, missing };

  const states = Object.entries(rows.states);
  for (let i = 0; i < states.length; i += SLICE) {
    for (const [backupKey, state] of states.slice(i, i + SLICE)) {
      const cardId = ids.get(backupKey)!;
      // The version moves past any a review screen may hold, so a grade made before the restore is refused.
      const version = ((selectVersion.get(rows.userId, cardId) as number | undefined) ?? 0) + 1;
      deleteLogs.run(rows.userId, cardId);
      deleteState.run(rows.userId, cardId);
      insertState.run(randomUUID(), rows.userId, cardId, stored(state.due), state.stability, state.difficulty, state.elapsedDays,
        state.scheduledDays, state.learningSteps, state.reps, state.lapses, state.state, stored(state.lastReview),
        stored(state.buriedUntil), state.suspended ? 1 : 0, version, stamp);
    }
    await yieldToOthers();
  }
  for (let i = 0; i < rows.logs.length; i += SLICE) {
    for (const log of rows.logs.slice(i, i + SLICE)) {
      insertLog.run(randomUUID(), rows.userId, ids.get(log.cardKey)!, log.rating, log.state, stored(log.due), log.stability,
        log.difficulty, log.elapsedDays, log.lastElapsedDays, log.scheduledDays, log.learningSteps, stored(log.review), log.durationMs);
    }
    await yieldToOthers();
  }
  const updated = updateSettings.run(rows.settingsJson, stamp, rows.userId);
  if (updated.changes !== 1) throw new Error(`restore: no user ${rows.userId}`);
  return { ok: true, cards: ids.size, reviews: rows.logs.length };
}

/**
 * Replaces the learner's states and logs for the named cards, and their settings, all or nothing.
 * Cards not found come back as `missing`, with nothing written.
 *
 * The transaction is written a slice at a time, giving the event loop back between slices, so other
 * requests are served while a large restore runs. That is safe because the transaction holds the
 * write lock from its first statement (BEGIN IMMEDIATE): readers see the state before it until
 * COMMIT (WAL), and other writers wait for the lock on a timer (see busy-retry.ts), not in SQLite.
 */
export async function restoreInTransaction(rows: RestoreRows): Promise<RestoreWrite> {
  const db = new Database(sqliteFilePath(env().DATABASE_URL), { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("foreign_keys = ON");
    // Only BEGIN can fail busy: once it holds the lock nothing else can take it.
    await retryWhileBusy(async () => void db.exec("BEGIN IMMEDIATE"), { maxWaitMs: DATABASE_BUSY_WAIT_MS });
    try {
      const written = await writeRows(db, rows);
      // Nothing was written when cards are missing; ending with ROLLBACK says so plainly.
      db.exec(written.ok ? "COMMIT" : "ROLLBACK");
      return written;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
  } finally {
    db.close();
  }
}
