// The running app's PostgreSQL engine: Prisma's pg adapter and the engine's raw reads and bulk
// writes on one shared pool of connections (pool.ts), so nothing here opens connections of its own.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { DATABASE_BUSY_WAIT_MS } from "../../database-busy.ts";
import type { DatabaseEngine } from "../ports.ts";
import { postgresBulkImport } from "./bulk-import.ts";
import { restoreInTransaction } from "./bulk-restore.ts";
import { BusyErrorsFactory } from "./busy-adapter.ts";
import { withConnectionErrors } from "./connection-errors.ts";
import { postgresTarget, sharedPool } from "./pool.ts";
import { postgresQueueReads } from "./queue-reads.ts";
import { postgresReviewEvents } from "./review-events.ts";
import { postgresStatsReads } from "./stats-reads.ts";

export function postgresqlEngine(databaseUrl: string): DatabaseEngine {
  // The pool is made on first use, so choosing the engine opens no connection.
  const pool = () => sharedPool(databaseUrl);
  const { schema } = postgresTarget(databaseUrl);
  return {
    name: "postgresql",
    queueReads: withConnectionErrors(postgresQueueReads(pool), databaseUrl),
    statsReads: withConnectionErrors(postgresStatsReads(pool), databaseUrl),
    bulkWrites: withConnectionErrors(
      { ...postgresBulkImport(pool), restoreInTransaction: (rows) => restoreInTransaction(pool(), rows) },
      databaseUrl,
    ),
    // Runs on Prisma's transaction, whose adapter (below) already words connection and busy errors.
    reviewEvents: postgresReviewEvents,
    prismaAdapter() {
      // $disconnect closes the shared pool's connections, as it closes the file on SQLite: a script
      // or a test that ends with it leaves no connection behind (the raw reads open a new pool if
      // used after it).
      const adapter = new PrismaPg(pool(), { ...(schema ? { schema } : {}), disposeExternalPool: true });
      return new BusyErrorsFactory(adapter, { waitMs: DATABASE_BUSY_WAIT_MS, databaseUrl });
    },
  };
}
