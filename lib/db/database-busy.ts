// One error for "another connection holds the write lock and kept it longer than we wait". It is
// not a bug and not the caller's fault: route handlers answer 503 with Retry-After, and the review
// screen tells the learner the grade was not saved.
import { DomainError } from "../errors/index.ts";

/** The longest a write waits, in total, for another connection's lock before giving up. */
export const DATABASE_BUSY_WAIT_MS = 10_000;

/** Seconds a client is told to wait before trying again after a busy answer. */
export const DATABASE_BUSY_RETRY_AFTER_S = 5;

export class DatabaseBusyError extends DomainError<"database_busy"> {
  constructor(waitedMs: number) {
    super("database_busy", `The database is busy: another connection held the write lock for more than ${waitedMs} ms.`);
  }
}

export function isDatabaseBusy(error: unknown): error is DatabaseBusyError {
  return (
    error instanceof DatabaseBusyError ||
    (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "database_busy")
  );
}
