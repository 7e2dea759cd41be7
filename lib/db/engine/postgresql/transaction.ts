// One transaction on a connection of the shared pool, for the bulk writes: all of it or none, and a
// lock held by another transaction past the busy wait ends it with the app's own busy error.
import "server-only";
import type pg from "pg";
import { DatabaseBusyError, DATABASE_BUSY_WAIT_MS } from "../../database-busy.ts";

/** SQLSTATE 55P03: a lock was not granted within lock_timeout (set on every pooled connection, pool.ts). */
const LOCK_NOT_AVAILABLE = "55P03";

export interface TransactionOptions<T> {
  /** REPEATABLE READ: every statement reads the same snapshot (a baseline read in two statements). */
  snapshot?: boolean;
  readOnly?: boolean;
  /** Whether to commit, from the work's result: a refusal (missing cards, a full budget) rolls back. */
  commitIf?: (result: T) => boolean;
}

export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  { snapshot = false, readOnly = false, commitIf }: TransactionOptions<T> = {},
): Promise<T> {
  const client = await pool.connect();
  // Set when the connection can no longer be trusted: it is closed instead of going back to the pool.
  let broken: Error | undefined;
  let rolledBack = false;
  try {
    await client.query(`BEGIN${snapshot ? " ISOLATION LEVEL REPEATABLE READ" : ""}${readOnly ? " READ ONLY" : ""}`);
    let result: T;
    try {
      result = await work(client);
    } catch (error) {
      await client.query("ROLLBACK").then(
        () => (rolledBack = true),
        (rollbackFailed: Error) => (broken = rollbackFailed),
      );
      throw error;
    }
    await client.query(commitIf && !commitIf(result) ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (error) {
    // BEGIN or COMMIT failing without a SQLSTATE means the socket went, not the statement.
    if (!broken && !rolledBack && !hasSqlState(error)) broken = error as Error;
    throw (error as { code?: unknown })?.code === LOCK_NOT_AVAILABLE ? new DatabaseBusyError(DATABASE_BUSY_WAIT_MS) : error;
  } finally {
    client.release(broken);
  }
}

/** The server's own errors carry a five-character SQLSTATE; a lost socket does not. */
function hasSqlState(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
}
