// A read connection of the server process's own, beside Prisma's, for the queries on the review
// hot path: Prisma turns each row into objects through its query engine, which for a learner with
// thousands of due cards cost tens of milliseconds a request; better-sqlite3 reads them in a few.
// In WAL mode this connection reads the last committed state without blocking writers.
import Database from "better-sqlite3";
import { env } from "../../env.ts";
import { sqliteFilePath } from "../database-path.ts";

/**
 * Readers under WAL never wait for a writer, only, rarely, for a moment of recovery or checkpoint.
 * better-sqlite3 waits inside the native call (the whole process stops), so that wait is kept short.
 */
const READ_BUSY_TIMEOUT_MS = 10;

const globalForReads = globalThis as unknown as { iamRecallReader?: { file: string; db: Database.Database } };

export function readConnection(): Database.Database {
  const file = sqliteFilePath(env().DATABASE_URL);
  const cached = globalForReads.iamRecallReader;
  if (cached && cached.file === file && cached.db.open) return cached.db;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: READ_BUSY_TIMEOUT_MS });
  globalForReads.iamRecallReader = { file, db };
  return db;
}

/** Prisma keeps DateTime as ISO-8601 text; these turn it back and forth. */
export function fromStoredDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

export function toStoredDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
