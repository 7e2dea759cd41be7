// A server that cannot be reached (down, restarting, a wrong host in DATABASE_URL) becomes the app's
// DatabaseUnavailableError (a 503 the review screen retries), and the operator's log gets one line
// naming the server and DATABASE_URL, instead of a bare socket error from pg; the server's answers
// to statements (constraint failures, the busy error) pass through unchanged.
import "server-only";
import { DatabaseUnavailableError } from "../../database-busy.ts";
import { serverOf } from "./connection-url.ts";

/** Node's socket failures, as pg passes them on. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);

/** pg's own words for a connection that ended or never came within connectionTimeoutMillis. */
const PG_CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** The kinds Prisma's pg adapter gives socket and connection failures (its DriverAdapterError's cause). */
const ADAPTER_CONNECTION_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

function isConnectionFailure(error: unknown): boolean {
  // Inside Prisma's adapter, pg's error has become a DriverAdapterError: its cause says the kind,
  // or, for a server's answer, carries pg's code as originalCode.
  const cause = (error as { cause?: { kind?: unknown; originalCode?: unknown; originalMessage?: unknown } } | null)?.cause;
  if (typeof cause?.kind === "string" && ADAPTER_CONNECTION_KINDS.has(cause.kind)) return true;
  if (typeof cause?.originalCode === "string" || typeof cause?.originalMessage === "string") {
    if (isConnectionFailure({ code: cause.originalCode, message: cause.originalMessage })) return true;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") {
    // SQLSTATE class 08 (connection exception) and 57P01-57P03 (the server shutting down or starting).
    return SOCKET_CODES.has(code) || code.startsWith("08") || /^57P0[123]$/.test(code);
  }
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" && PG_CONNECTION_MESSAGES.test(message);
}

export function clearConnectionError(error: unknown, databaseUrl: string): unknown {
  if (!isConnectionFailure(error)) return error;
  let server = "the server";
  try {
    server = serverOf(databaseUrl);
  } catch {
    // A URL that does not parse never reached this far; keep the plain wording.
  }
  const kind = (error as { cause?: { kind?: unknown } } | null)?.cause?.kind;
  const reason = typeof kind === "string" ? kind : error instanceof Error ? error.message : String(error);
  const detail = `PostgreSQL at ${server} (DATABASE_URL) cannot be reached: ${reason}`;
  console.error(detail);
  return Object.assign(new DatabaseUnavailableError(detail), { cause: error });
}

/** The port with every method's failures passed through clearConnectionError. */
export function withConnectionErrors<Port extends object>(port: Port, databaseUrl: string): Port {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(port)) {
    wrapped[name] =
      typeof method === "function"
        ? async (...args: unknown[]) => {
            try {
              return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
            } catch (error) {
              throw clearConnectionError(error, databaseUrl);
            }
          }
        : method;
  }
  return wrapped as Port;
}
