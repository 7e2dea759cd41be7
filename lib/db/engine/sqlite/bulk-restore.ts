// A backup restore's reads and writes, straight through better-sqlite3 in one IMMEDIATE
// transaction written a slice at a time. Through Prisma a 30,000-log restore took 25-30 s of
// row-by-row work that held up every other request; as prepared statements the same rows take a
// fraction of a second (bench/restore-db.ts). Values are stored the way Prisma stores them (see bulk-import.ts).
// This is the SQLite side of BulkWrites (../ports.ts); another engine brings its own.
import "server-only";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { REVIEW_LOG_FIELDS, SCHEDULING_FIELDS } from "../../../srs/index.ts";
import { DATABASE_BUSY_WAIT_MS } from "../../database-busy.ts";
import type { RestoreRows, RestoreWrite } from "../ports.ts";
import { retryWhileBusy } from "./busy-retry.ts";
import { toStoredDate, toStoredValue } from "./stored-dates.ts";
import { withWriteConnection } from "./write-connection.ts";

/** A CardState row as a backup holds it: the scheduling state, the learner's burial and suspension. */
const STATE_COLUMNS = [...SCHEDULING_FIELDS, "buriedUntil", "suspended"] as const;

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
    `INSERT INTO "CardState" (id, userId, cardId, ${STATE_COLUMNS.join(", ")}, version, updatedAt)
     VALUES (?, ?, ?, ${STATE_COLUMNS.map(() => "?").join(", ")}, ?, ?)`,
  );
  const insertLog = db.prepare(
    `INSERT INTO "ReviewLog" (id, userId, cardId, ${REVIEW_LOG_FIELDS.join(", ")}, durationMs, clientReviewId)
     VALUES (?, ?, ?, ${REVIEW_LOG_FIELDS.map(() => "?").join(", ")}, ?, NULL)`,
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
      insertState.run(randomUUID(), rows.userId, cardId, ...STATE_COLUMNS.map((column) => toStoredValue(state[column])), version, stamp);
    }
    await yieldToOthers();
  }
  for (let i = 0; i < rows.logs.length; i += SLICE) {
    for (const log of rows.logs.slice(i, i + SLICE)) {
      const values = REVIEW_LOG_FIELDS.map((field) => toStoredValue(log[field]));
      insertLog.run(randomUUID(), rows.userId, ids.get(log.cardKey)!, ...values, log.durationMs);
    }
    await yieldToOthers();
  }
  const updated = updateSettings.run(rows.settingsJson, stamp, rows.userId);
  if (updated.changes !== 1) throw new Error(`restore: no user ${rows.userId}`);
  return { ok: true, cards: ids.size, reviews: rows.logs.length };
}

/**
 * See BulkWrites.restoreInTransaction. The transaction is written a slice at a time, giving the
 * event loop back between slices, so other requests are served while a large restore runs. That is
 * safe because the transaction holds the write lock from its first statement (BEGIN IMMEDIATE):
 * readers see the state before it until COMMIT (WAL), and other writers wait for the lock on a
 * timer (see busy-retry.ts), not in SQLite.
 */
export function restoreInTransaction(file: string, rows: RestoreRows): Promise<RestoreWrite> {
  return withWriteConnection(file, async (db) => {
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
  });
}
