// The one Prisma client of the process, on the better-sqlite3 driver adapter.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.ts";
import { env } from "../env.ts";
import { sqliteFilePath } from "./database-path.ts";

const globalForPrisma = globalThis as unknown as { iamRecallPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(env().DATABASE_URL)}` });
  return new PrismaClient({ adapter });
}

/** Hot reload in development re-evaluates modules; keeping the client on globalThis avoids leaking connections. */
export const prisma: PrismaClient = globalForPrisma.iamRecallPrisma ?? createClient();
globalForPrisma.iamRecallPrisma = prisma;

export type { PrismaClient };
