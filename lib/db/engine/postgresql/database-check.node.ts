// Whether the app can use the PostgreSQL database DATABASE_URL names, said in one line that names
// DATABASE_URL, and its creation by setup. A server that is down or a database that is missing
// must stop start-up with that line, not with a stack trace on the first request.
import pg from "pg";
import { databaseNameOf, quoteIdentifier, serverOf, urlOnDatabase } from "./connection-url.ts";

const CONNECT_TIMEOUT_MS = 5_000;
/** The database every PostgreSQL server has, reached to create the app's own. */
const MAINTENANCE_DATABASE = "postgres";

const EXAMPLE = "DATABASE_URL=postgresql://user:password@localhost:5432/iam_recall";

interface PgError {
  code?: string;
  message?: string;
}

async function tryConnect(url: string): Promise<PgError | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return (error ?? {}) as PgError;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const isMissingDatabase = (error: PgError) => error.code === "3D000";

function describe(databaseUrl: string, error: PgError): string {
  const server = serverOf(databaseUrl);
  const user = decodeURIComponent(new URL(databaseUrl).username) || "(default user)";
  if (error.code === "28P01" || error.code === "28000") {
    return `PostgreSQL at ${server} refused user ${user} (${error.message}): check the user and password in DATABASE_URL`;
  }
  const unreachable = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH"].includes(error.code ?? "");
  if (unreachable || /timeout/i.test(error.message ?? "")) {
    return `PostgreSQL at ${server} does not answer (${error.code ?? error.message}): start the server, or set DATABASE_URL to a running one, e.g. ${EXAMPLE}`;
  }
  return `PostgreSQL at ${server}: ${error.message ?? error.code ?? "connection failed"}: check DATABASE_URL, e.g. ${EXAMPLE}`;
}

/**
 * Null when the database can be used; otherwise the reason, naming DATABASE_URL. `mustExist` is
 * for the running app: only setup creates the database (and applies migrations).
 */
export async function postgresDatabaseProblem(databaseUrl: string, options: { mustExist: boolean }): Promise<string | null> {
  let name: string;
  try {
    name = databaseNameOf(databaseUrl);
  } catch (error) {
    return (error as Error).message;
  }
  const error = await tryConnect(databaseUrl);
  if (!error) return null;
  if (!isMissingDatabase(error)) return describe(databaseUrl, error);
  if (options.mustExist) {
    return `PostgreSQL database ${name} does not exist at ${serverOf(databaseUrl)}: run npm run setup, or set DATABASE_URL to an existing database`;
  }
  const serverError = await tryConnect(urlOnDatabase(databaseUrl, MAINTENANCE_DATABASE));
  return serverError ? describe(databaseUrl, serverError) : null;
}

/** Creates the database DATABASE_URL names when the server lacks it; true when it did. */
export async function createDatabaseIfMissing(databaseUrl: string): Promise<boolean> {
  const name = databaseNameOf(databaseUrl);
  const missing = await tryConnect(databaseUrl);
  if (!missing) return false;
  if (!isMissingDatabase(missing)) throw new Error(describe(databaseUrl, missing));
  const admin = new pg.Client({
    connectionString: urlOnDatabase(databaseUrl, MAINTENANCE_DATABASE),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    return true;
  } catch (error) {
    // 42P04: another process created it between the check and here, which is as good.
    if ((error as PgError).code === "42P04") return false;
    throw new Error(describe(databaseUrl, error as PgError));
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Drops a database on the server (tests' and migration authoring's scratch databases). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const admin = new pg.Client({
    connectionString: urlOnDatabase(databaseUrl, MAINTENANCE_DATABASE),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await admin.connect();
    // FORCE ends connections a test left open, which would otherwise keep the database.
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseNameOf(databaseUrl))} WITH (FORCE)`);
  } finally {
    await admin.end().catch(() => undefined);
  }
}
