// A write connection of its own for one bulk job (an import, a restore), closed when the job ends.
import "server-only";
import Database from "better-sqlite3";

/**
 * No busy timeout on the connection: better-sqlite3 would sleep inside the native call and stall
 * every request of the process. Reads never wait under WAL; the write lock is waited for on a timer
 * (busy-retry.ts).
 */
export async function withWriteConnection<T>(file: string, work: (db: Database.Database) => T | Promise<T>): Promise<T> {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("foreign_keys = ON");
    return await work(db);
  } finally {
    db.close();
  }
}
