// The end-to-end tests' one door to the run's database, on either engine: reads that prove what a
// request did or did not write, and the few writes and locks a test stages. It goes through the
// engine tooling (tests/support/database.ts), so a test never opens a driver of its own.
//
// SQL is written once for both engines: `?` parameters (numbered for PostgreSQL here) and the
// tables and camelCase columns Prisma made in double quotes ("User", "quizId"), since PostgreSQL
// folds unquoted names to lower case and `User` is a keyword there. Dates come back as Date on
// PostgreSQL and as text on SQLite: compare them through `new Date(...)`.
import { inject } from "vitest";
import { databaseAt, numbered, withDatabase, type DatabaseHandle, type EngineName, type SqlValue } from "../../support/database.ts";
import { engineNameOf } from "../../../lib/db/engine/select.ts";

const databaseUrl = inject("databaseUrl");

export type { SqlValue };

/** The engine the app under test runs on. */
export const e2eEngine: EngineName = engineNameOf(databaseUrl);

const sqlFor = (sql: string) => numbered(sql, e2eEngine);

function readOnly<T>(work: (db: DatabaseHandle) => Promise<T>): Promise<T> {
  return withDatabase(databaseUrl, work, { readonly: true });
}

/** The first column of the first row, as a number (a COUNT, say); 0 when there is no row. */
export async function countRows(sql: string, ...params: SqlValue[]): Promise<number> {
  const row = await readOnly((db) => db.get<Record<string, unknown>>(sqlFor(sql), ...params));
  return row ? Number(Object.values(row)[0]) : 0;
}

/** One row of a query on the end-to-end database, read-only. */
export async function readRow<T>(sql: string, ...params: SqlValue[]): Promise<T | undefined> {
  return readOnly((db) => db.get<T>(sqlFor(sql), ...params));
}

/** Every row of a query on the end-to-end database, read-only. */
export async function readRows<T>(sql: string, ...params: SqlValue[]): Promise<T[]> {
  return readOnly((db) => db.all<T>(sqlFor(sql), ...params));
}

/** Runs one write statement once per parameter list, in one transaction (a test staging time, say). */
export async function writeRows(sql: string, rows: readonly SqlValue[][]): Promise<void> {
  await withDatabase(databaseUrl, (db) => db.runMany(sqlFor(sql), rows));
}

/**
 * Takes the write lock from a second connection, as the CLI importer does from another process,
 * and releases it `forMs` after it was taken.
 */
export async function holdWriteLock(forMs: number): Promise<{ lockedAt: number; released: Promise<void> }> {
  const db = databaseAt(databaseUrl).open();
  try {
    const lock = await db.holdWriteLock();
    const lockedAt = performance.now();
    const released = new Promise<void>((resolve, reject) =>
      setTimeout(() => {
        lock
          .release()
          .finally(() => db.close())
          .then(resolve, reject);
      }, forMs),
    );
    return { lockedAt, released };
  } catch (error) {
    await db.close();
    throw error;
  }
}
