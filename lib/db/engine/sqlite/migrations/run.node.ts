// Migrations on a SQLite file: the shared Wasm-engine runner (../../migrations) on the
// better-sqlite3 adapter.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { applyMigrationsWith, diffSchemaAgainstMigrationsWith } from "../../migrations/run.node.ts";

/** Applies every migration in `migrationsDir` not yet recorded in `_prisma_migrations`. */
export async function applyMigrations(sqliteUrl: string, migrationsDir: string): Promise<string[]> {
  return applyMigrationsWith(new PrismaBetterSqlite3({ url: sqliteUrl }), migrationsDir);
}

/** The next migration's SQL, replayed on `scratchUrl`, an empty, throwaway SQLite file. */
export async function diffSchemaAgainstMigrations(scratchUrl: string, migrationsDir: string, schemaPath: string): Promise<string> {
  return diffSchemaAgainstMigrationsWith(new PrismaBetterSqlite3({ url: scratchUrl }), migrationsDir, schemaPath);
}
