// Migrations on PostgreSQL: the shared Wasm-engine runner (../migrations) on Prisma's pg adapter,
// recorded in `_prisma_migrations` as `prisma migrate deploy` would.
import { randomBytes } from "node:crypto";
import { applyMigrationsWith, diffSchemaAgainstMigrationsWith } from "../migrations/run.node.ts";
import { createDatabaseIfMissing, dropDatabase } from "./database-check.node.ts";
import { urlOnDatabase } from "./connection-url.ts";
import { schemaEngineAdapter } from "./schema-engine-adapter.node.ts";

/** Creates the database if the server lacks it, then applies the migrations not yet recorded. */
export async function applyPostgresMigrations(databaseUrl: string, migrationsDir: string): Promise<string[]> {
  await createDatabaseIfMissing(databaseUrl);
  return applyMigrationsWith(schemaEngineAdapter(databaseUrl), migrationsDir);
}

/**
 * The next migration's SQL: the migrations are replayed on a scratch database made on the server
 * `serverUrl` names (any database of it), dropped afterwards.
 */
export async function diffPostgresSchemaAgainstMigrations(serverUrl: string, migrationsDir: string, schemaPath: string): Promise<string> {
  const scratchUrl = urlOnDatabase(serverUrl, `iam_recall_scratch_${randomBytes(6).toString("hex")}`);
  await createDatabaseIfMissing(scratchUrl);
  try {
    return await diffSchemaAgainstMigrationsWith(schemaEngineAdapter(scratchUrl), migrationsDir, schemaPath);
  } finally {
    await dropDatabase(scratchUrl);
  }
}
