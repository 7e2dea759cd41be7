// The one way tests and benchmarks reach a database beside Prisma: the engine's tooling, chosen
// from a DATABASE_URL like the app's engine. Reads, seeding and a held write lock all go through
// DatabaseHandle, so no test opens a driver of its own.
import { fileURLToPath } from "node:url";
import { databaseTools, type DatabaseHandle, type DatabaseTools, type SqlValue } from "../../lib/db/engine/tools.node.ts";

export type { DatabaseHandle, DatabaseTools, SqlValue };

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** The tooling for the database at `url` (default: the DATABASE_URL in force). */
export function databaseAt(url = process.env.DATABASE_URL ?? ""): DatabaseTools {
  return databaseTools(url);
}

/** Opens a handle, runs `work` with it, and closes it whatever happens. */
export async function withDatabase<T>(
  url: string,
  work: (db: DatabaseHandle) => Promise<T>,
  options: { readonly?: boolean } = {},
): Promise<T> {
  const db = databaseTools(url).open(options);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** A migrated database at `url`, tuned as setup leaves it. */
export async function migratedDatabase(url: string): Promise<DatabaseTools> {
  const tools = databaseTools(url);
  await tools.applyMigrations(MIGRATIONS_DIR);
  await tools.tune();
  return tools;
}
