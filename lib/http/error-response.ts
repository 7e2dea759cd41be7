// The one error contract of the route handlers: every refusal answers JSON `{ error, code, ... }`,
// where `error` is a message for a person and `code` a stable word a client can branch on, and the
// HTTP status follows from the code through one table. Domain errors (lib/errors) and the outcome
// objects data-access functions return both go through here, so a code means the same status on
// every endpoint.
import type { core } from "zod/mini";
import { DomainError, firstIssueMessage, PASSING_ERROR_MESSAGES, passingCodeOf } from "../errors/index.ts";
import type { RequestRefusal } from "../security/request-guard.ts";

/** Seconds a client is told to wait after a busy answer (the database's lock or server, the upload readers). */
export const RETRY_AFTER_S = 5;

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  cross_origin: 403,
  unpublished: 403,
  // Someone else's thing answers as if it did not exist.
  not_found: 404,
  not_member: 404,
  too_large: 413,
  unsupported_media_type: 415,
  not_restorable: 422,
  failed: 500,
  database_busy: 503,
  database_unavailable: 503,
  uploads_busy: 503,
};

/** Any code not in the table is a conflict with the state of things: stale, closed, already running. */
export function statusForCode(code: string): number {
  return STATUS_BY_CODE[code] ?? 409;
}

export function errorResponse(code: string, message: string, extra: Record<string, unknown> = {}): Response {
  const status = statusForCode(code);
  const headers: Record<string, string> = status === 503 ? { "Retry-After": String(RETRY_AFTER_S) } : {};
  return Response.json({ ...extra, error: message, code }, { status, headers });
}

/**
 * A domain error as its answer, and a passing one (the database busy or out of reach) even when a
 * library wrapped it; anything else is a bug and is thrown on to the framework.
 */
export function domainErrorResponse(error: unknown, extra: Record<string, unknown> = {}): Response {
  if (error instanceof DomainError) return errorResponse(error.code, error.message, extra);
  const passing = passingCodeOf(error);
  if (passing) return errorResponse(passing, PASSING_ERROR_MESSAGES[passing], extra);
  throw error;
}

export function unauthenticatedResponse(message = "Sign in first."): Response {
  return errorResponse("unauthenticated", message);
}

/** A request body that failed its zod schema: the first problem, named by its JSON path. */
export function invalidBodyResponse(error: core.$ZodError, root = "body"): Response {
  return errorResponse("invalid", firstIssueMessage(error, root));
}

export function refusalResponse(refusal: RequestRefusal): Response {
  return errorResponse(refusal.code, refusal.message);
}
