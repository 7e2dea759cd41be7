// A read connection of the server process's own, beside Prisma's, for the queries on the review
// hot path: Prisma turns each row into objects through its query engine, which for a learner with
// thousands of due cards cost tens of milliseconds a request; better-sqlite3 reads them in a few.
// In WAL mode this connection reads the last committed state without blocking writers.
import "server-only";
import Database from "better-sqlite3";

/**
 * Readers under WAL never wait for a writer, only, rarely, for a moment of recovery or checkpoint.
 * better-sqlite3 waits inside the native call (the whole process stops), so that wait is kept short.
 */
const READ_BUSY_TIMEOUT_MS = 10;

const globalForReads = globalThis as unknown as { iamRecallReader?: { file: string; db: Database.Database } };

export function readConnection(file: string): Database.Database {
  const cached = globalForReads.iamRecallReader;
  if (cached && cached.file === file && cached.db.open) return cached.db;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: READ_BUSY_TIMEOUT_MS });
  globalForReads.iamRecallReader = { file, db };
  return db;
}
