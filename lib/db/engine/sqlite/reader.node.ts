// How a read-only connection is opened, for the server's own read connection (read-connection.ts)
// and for each read thread (read.worker.ts). No "server-only" here: a worker thread loads it.
import Database from "better-sqlite3";

/**
 * Readers under WAL never wait for a writer, only, rarely, for a moment of recovery or checkpoint.
 * better-sqlite3 waits inside the native call (the whole thread stops), so that wait is kept short.
 */
const READ_BUSY_TIMEOUT_MS = 10;

/**
 * The stats page walks a learner's 50,000 cards, their states and a year of log rows. With
 * SQLite's defaults (a 2 MiB page cache, reads copied through it) every request read them from
 * the file again: 136 ms for the state counts where a larger cache and reads straight from a
 * memory map take 58 (measured on bench/support/review-fixture's big learner, 2026-12-02).
 */
const READ_CACHE_KIB = 64 * 1024;
const READ_MMAP_BYTES = 256 * 1024 * 1024;

export function openReader(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: READ_BUSY_TIMEOUT_MS });
  db.pragma(`cache_size = -${READ_CACHE_KIB}`);
  db.pragma(`mmap_size = ${READ_MMAP_BYTES}`);
  return db;
}
