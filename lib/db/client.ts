// The one Prisma client of the process, on the driver adapter of the engine DATABASE_URL names.
// Prisma builds a client for one provider, so each engine has its own generated client (the
// PostgreSQL one from the schema derived from prisma/schema.prisma); both have the same models,
// so the rest of the code sees one type.
import { PrismaClient } from "./generated/client.ts";
import { PrismaClient as PostgresqlPrismaClient } from "./generated-postgresql/client.ts";
import { DATABASE_BUSY_WAIT_MS } from "./database-busy.ts";
import { databaseEngine } from "./engine/index.ts";

const globalForPrisma = globalThis as unknown as { iamRecallPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const engine = databaseEngine();
  const adapter = engine.prismaAdapter();
  // Prisma's own limit on starting a transaction (2 s by default) would cut the busy wait short
  // with a less helpful error; it is kept as a backstop just beyond it.
  const options = { adapter, transactionOptions: { maxWait: DATABASE_BUSY_WAIT_MS + 2_000 } };
  switch (engine.name) {
    case "sqlite":
      return new PrismaClient(options);
    case "postgresql":
      // Same models, other provider: the derived schema differs only in its provider and native column types.
      // A statement inside a transaction may wait the whole busy wait for another's row lock (on
      // SQLite the wait comes before BEGIN), so the transaction outlives Prisma's 5 s default.
      return new PostgresqlPrismaClient({
        ...options,
        transactionOptions: { ...options.transactionOptions, timeout: DATABASE_BUSY_WAIT_MS + 5_000 },
      }) as unknown as PrismaClient;
  }
}

/** Hot reload in development re-evaluates modules; keeping the client on globalThis avoids leaking connections. */
export const prisma: PrismaClient = globalForPrisma.iamRecallPrisma ?? createClient();
globalForPrisma.iamRecallPrisma = prisma;

export type { PrismaClient };
