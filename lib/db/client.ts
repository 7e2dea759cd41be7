// The one Prisma client of the process, on the better-sqlite3 driver adapter.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.ts";
import { env } from "../env.ts";
import { sqliteFilePath } from "./database-path.ts";
import { DATABASE_BUSY_WAIT_MS } from "./database-busy.ts";
import { ImmediateTransactionsFactory } from "./sqlite/immediate-adapter.ts";

const globalForPrisma = globalThis as unknown as { iamRecallPrisma?: PrismaClient };

function createClient(): PrismaClient {
  // timeout 0: better-sqlite3's busy wait sleeps inside the native call, freezing every request of
  // the process; the wrapper waits for a held lock on a timer instead (see immediate-adapter.ts).
  const driver = new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(env().DATABASE_URL)}`, timeout: 0 });
  const adapter = new ImmediateTransactionsFactory(driver, { maxWaitMs: DATABASE_BUSY_WAIT_MS });
  // Prisma's own limit on starting a transaction (2 s by default) would cut the busy wait short
  // with a less helpful error; it is kept as a backstop just beyond it.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: DATABASE_BUSY_WAIT_MS + 2_000 } });
}

/** Hot reload in development re-evaluates modules; keeping the client on globalThis avoids leaking connections. */
export const prisma: PrismaClient = globalForPrisma.iamRecallPrisma ?? createClient();
globalForPrisma.iamRecallPrisma = prisma;

export type { PrismaClient };
