// Coordination on PostgreSQL: several app servers share the database, so claims and the locks that
// order check-then-write transactions are the database's advisory locks, and jobs wait in its
// pg-boss queue.
import "server-only";
import type { Coordination } from "../ports.ts";
import { postgresClaims } from "./claims.ts";
import { postgresJobQueue } from "./jobs.ts";
import { postgresTransactionLocks } from "./transaction-locks.ts";

export function postgresqlCoordination(databaseUrl: string): Coordination {
  return { claims: postgresClaims(databaseUrl), transactionLocks: postgresTransactionLocks, jobs: postgresJobQueue(databaseUrl) };
}
