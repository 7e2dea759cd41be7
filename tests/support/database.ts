// The one way tests and benchmarks reach a database beside Prisma: the engine's tooling, chosen
// from a DATABASE_URL like the app's engine. Reads, seeding and a held write lock all go through
// DatabaseHandle, so no test opens a driver of its own.
//
// Tests run on SQLite unless TEST_DATABASE_ENGINE=postgresql (npm run test:db:postgresql). A
// handle speaks its engine's SQL: a test that runs on both writes `?` parameters and passes its
// SQL through `numbered`, and quotes the tables Prisma made ("Card").
import { fileURLToPath } from "node:url";
import {
  databaseTools,
  MIGRATIONS_FOLDERS,
  type DatabaseHandle,
  type DatabaseTools,
  type EngineName,
  type SqlValue,
} from "../../lib/db/engine/tools.node.ts";

export type { DatabaseHandle, DatabaseTools, EngineName, SqlValue };

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The engine this test run is for. */
export function testEngine(): EngineName {
  const named = process.env.TEST_DATABASE_ENGINE?.trim() || "sqlite";
  if (named !== "sqlite" && named !== "postgresql") {
    throw new Error(`TEST_DATABASE_ENGINE=${named} names no engine: use sqlite (the default) or postgresql`);
  }
  return named;
}

/** The migrations folder of an engine. */
export function migrationsDirOf(engine: EngineName): string {
  return [root.replace(/\/$/, ""), ...MIGRATIONS_FOLDERS[engine]].join("/");
}

/** The migrations folder of the engine this test run is for. */
export const MIGRATIONS_DIR = migrationsDirOf(testEngine());

/**
 * SQL written with `?` parameters, as the engine takes it: unchanged for SQLite, `$1, $2, ...`
 * for PostgreSQL. A `?` inside a quoted string or identifier is left alone.
 */
export function numbered(sql: string, engine: EngineName = testEngine()): string {
  if (engine === "sqlite") return sql;
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (token) => (token === "?" ? `$${++n}` : token));
}

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

/** A migrated database at `url` (with its engine's migrations), tuned as setup leaves it. */
export async function migratedDatabase(url: string): Promise<DatabaseTools> {
  const tools = databaseTools(url);
  await tools.applyMigrations(migrationsDirOf(tools.name));
  await tools.tune();
  return tools;
}
