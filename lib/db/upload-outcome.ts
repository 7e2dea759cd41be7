// What applying an upload (an import, a restore) comes to, before it becomes an HTTP answer: the
// body of a success, or the error contract's code, message and extra fields (lib/http). A preview
// turns it into the request's answer at once; a job stores it in the run's row for the page to
// fetch. Kept free of Response so the job, which has no request, can hold it.
import "server-only";
import { DomainError, PASSING_ERROR_MESSAGES, passingCodeOf } from "../errors/index.ts";

export type UploadOutcome = { ok: true; body: object } | { ok: false; code: string; message: string; extra?: Record<string, unknown> };

export function refused(code: string, message: string, extra?: Record<string, unknown>): UploadOutcome {
  return extra ? { ok: false, code, message, extra } : { ok: false, code, message };
}

/**
 * A domain error, or a passing one (the database busy or out of reach) even when wrapped, as a
 * refusal; null for anything else, which is a bug for the caller to report.
 */
export function refusalOf(error: unknown, extra?: Record<string, unknown>): UploadOutcome | null {
  if (error instanceof DomainError) return refused(error.code, error.message, extra);
  const passing = passingCodeOf(error);
  return passing ? refused(passing, PASSING_ERROR_MESSAGES[passing], extra) : null;
}
