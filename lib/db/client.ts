// The one Prisma client of the process, on the driver adapter of the engine DATABASE_URL names.
import { PrismaClient } from "./generated/client.ts";
import { DATABASE_BUSY_WAIT_MS } from "./database-busy.ts";
import { databaseEngine } from "./engine/index.ts";

const globalForPrisma = globalThis as unknown as { iamRecallPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = databaseEngine().prismaAdapter();
  // Prisma's own limit on starting a transaction (2 s by default) would cut the busy wait short
  // with a less helpful error; it is kept as a backstop just beyond it.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: DATABASE_BUSY_WAIT_MS + 2_000 } });
}

/** Hot reload in development re-evaluates modules; keeping the client on globalThis avoids leaking connections. */
export const prisma: PrismaClient = globalForPrisma.iamRecallPrisma ?? createClient();
globalForPrisma.iamRecallPrisma = prisma;

export type { PrismaClient };
