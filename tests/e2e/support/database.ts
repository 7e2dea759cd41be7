// Reads the end-to-end database directly, to prove what a request did or did not write.
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
