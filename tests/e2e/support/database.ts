// The end-to-end tests' one door to the database file: reads that prove what a request did or did
// not write, and the few writes and locks a test stages. Only here is the file opened directly.
import Database from "better-sqlite3";

export function countRows(databaseFile: string, sql: string, ...params: unknown[]): number {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(sql).get(...params) as Record<string, number> | undefined;
    return row ? Number(Object.values(row)[0]) : 0;
  } finally {
    db.close();
  }
}

/** One row of a query on the end-to-end database, read-only. */
export function readRow<T>(databaseFile: string, sql: string, ...params: unknown[]): T | undefined {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

/** Every row of a query on the end-to-end database, read-only. */
export function readRows<T>(databaseFile: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Runs one write statement once per parameter list, in one transaction (a test staging time, say). */
export function writeRows(databaseFile: string, sql: string, rows: readonly unknown[][]): void {
  const db = new Database(databaseFile, { fileMustExist: true });
  try {
    const statement = db.prepare(sql);
    db.transaction(() => rows.forEach((params) => statement.run(...params)))();
  } finally {
    db.close();
  }
}

/**
 * Takes the write lock from a second connection, as the CLI importer does from another process,
 * and releases it after `forMs`.
 */
export function holdWriteLock(databaseFile: string, forMs: number): { lockedAt: number; released: Promise<void> } {
  const importer = new Database(databaseFile, { timeout: 0 });
  importer.exec("BEGIN IMMEDIATE");
  const lockedAt = performance.now();
  const released = new Promise<void>((resolve) =>
    setTimeout(() => {
      importer.exec("COMMIT");
      importer.close();
      resolve();
    }, forMs),
  );
  return { lockedAt, released };
}
