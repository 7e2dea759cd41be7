// The process's one pool of PostgreSQL connections, shared by Prisma's pg adapter and the engine's
// raw reads and bulk writes, so a server holds one bounded set of connections whatever it runs.
import "server-only";
import pg from "pg";
import { DATABASE_BUSY_WAIT_MS } from "../../database-busy.ts";

/** Connections per app server: several servers share one database's connection limit (100 by default). */
const MAX_CONNECTIONS = 10;

export interface PostgresTarget {
  /** The URL as given, for pg (which ignores `schema`). */
  connectionString: string;
  /** The schema of the app's tables: the URL's `schema` parameter, as Prisma reads it; null for the server's default. */
  schema: string | null;
}

/** Reads the `schema` parameter Prisma's URLs carry; everything else is pg's to read. */
export function postgresTarget(databaseUrl: string): PostgresTarget {
  let schema: string | null = null;
  try {
    schema = new URL(databaseUrl).searchParams.get("schema");
  } catch {
    // A URL that does not parse is left to pg, whose error names the problem.
  }
  return { connectionString: databaseUrl, schema: schema || null };
}

/** A session setting's value quoted for the `options` startup parameter (spaces and backslashes escaped). */
function optionValue(value: string): string {
  return value.replace(/[\\ ]/g, (c) => `\\${c}`);
}

function createPool({ connectionString, schema }: PostgresTarget): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: MAX_CONNECTIONS,
    // A CLI run or a benchmark ends when its work is done, not when idle connections time out.
    allowExitOnIdle: true,
    // Waiting for a free connection, or for an unreachable server, is bounded like a lock wait.
    connectionTimeoutMillis: DATABASE_BUSY_WAIT_MS,
    application_name: "iam-recall",
    // A statement waiting for another transaction's row lock gives up as the SQLite engine's busy
    // wait does, instead of holding a request forever (busy-adapter.ts, transaction.ts).
    lock_timeout: DATABASE_BUSY_WAIT_MS,
    // The raw SQL names tables without a schema, as Prisma does with the `schema` parameter.
    ...(schema ? { options: `-c search_path=${optionValue(`"${schema.replaceAll('"', '""')}"`)}` } : {}),
  });
  // An idle connection the server drops (a restart, a failover) must not end the process; the next
  // checkout opens a fresh one.
  pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  return pool;
}

const globalForPools = globalThis as unknown as { iamRecallPgPools?: Map<string, pg.Pool> };

/**
 * The process-wide pool for `databaseUrl`, made on first use and kept on globalThis across hot
 * reloads. Prisma's $disconnect ends it (see index.ts); anything used after that gets a new one.
 */
export function sharedPool(databaseUrl: string): pg.Pool {
  const pools = (globalForPools.iamRecallPgPools ??= new Map());
  let pool = pools.get(databaseUrl);
  if (!pool || pool.ending || pool.ended) {
    pool = createPool(postgresTarget(databaseUrl));
    pools.set(databaseUrl, pool);
  }
  return pool;
}
