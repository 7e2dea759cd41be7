// The running app's SQLite engine: Prisma's better-sqlite3 adapter wrapped for IMMEDIATE
// transactions and timed busy waits, the review queue's raw reads, and the bulk import and restore.
import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { DATABASE_BUSY_WAIT_MS } from "../../database-busy.ts";
import type { DatabaseEngine } from "../ports.ts";
import { sqliteBulkImport } from "./bulk-import.ts";
import { restoreInTransaction } from "./bulk-restore.ts";
import { sqliteFilePath } from "./database-file.node.ts";
import { ImmediateTransactionsFactory } from "./immediate-adapter.ts";
import { sqliteQueueReads } from "./queue-reads.ts";
import { sqliteReviewEvents } from "./review-events.ts";
import { sqliteStatsReads } from "./stats-reads.ts";

export function sqliteEngine(databaseUrl: string): DatabaseEngine {
  const file = sqliteFilePath(databaseUrl);
  return {
    name: "sqlite",
    queueReads: sqliteQueueReads(file),
    statsReads: sqliteStatsReads(file),
    bulkWrites: { ...sqliteBulkImport(file), restoreInTransaction: (rows) => restoreInTransaction(file, rows) },
    reviewEvents: sqliteReviewEvents,
    prismaAdapter() {
      // timeout 0: better-sqlite3's busy wait sleeps inside the native call, freezing every request
      // of the process; the wrapper waits for a held lock on a timer instead (see immediate-adapter.ts).
      const driver = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 0 });
      return new ImmediateTransactionsFactory(driver, { maxWaitMs: DATABASE_BUSY_WAIT_MS });
    },
  };
}
