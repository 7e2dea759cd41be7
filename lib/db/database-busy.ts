// One error for "another connection holds the write lock and kept it longer than we wait". It is
// not a bug and not the caller's fault: route handlers answer 503 with Retry-After, and the review
// screen tells the learner the grade was not saved.
import { DomainError, PASSING_ERROR_MESSAGES, passingCodeOf } from "../errors/index.ts";

/** The longest a write waits, in total, for another connection's lock before giving up. */
export const DATABASE_BUSY_WAIT_MS = 10_000;

/** Seconds a client is told to wait before trying again after a busy answer. */
export const DATABASE_BUSY_RETRY_AFTER_S = 5;

export class DatabaseBusyError extends DomainError<"database_busy"> {
  constructor(waitedMs: number) {
    super("database_busy", `The database is busy: another connection held the write lock for more than ${waitedMs} ms.`);
  }
}

/** The error itself, or one Prisma wrapped around it, which keeps only its code. */
export function isDatabaseBusy(error: unknown): error is DatabaseBusyError {
  return passingCodeOf(error) === "database_busy";
}

/**
 * The database server cannot be reached (down, restarting, unreachable). Like a busy database it
 * is nobody's fault and passes: routes answer 503 with Retry-After and nothing was written. The
 * message is for the learner; `detail` names the server and DATABASE_URL for the operator's log.
 */
export class DatabaseUnavailableError extends DomainError<"database_unavailable"> {
  constructor(readonly detail: string) {
    super("database_unavailable", PASSING_ERROR_MESSAGES.database_unavailable);
  }
}

/** The error itself, or one Prisma wrapped around it, which keeps only its code. */
export function isDatabaseUnavailable(error: unknown): error is DatabaseUnavailableError {
  return passingCodeOf(error) === "database_unavailable";
}
