// The engine's tooling for setup, migrations, tests and benchmarks, chosen from a DATABASE_URL the
// same way as the running app's engine (select.ts).
//
// Naming rule: a module named *.node.ts is Node-only but carries no "server-only" marker, because
// scripts run it outside Next.js (`tsx scripts/migrate.ts` has no react-server condition). Nothing
// under app/ or components/ may import one; every other Node-only module in lib/db is marked.
import type { DatabaseTools, EngineName, MigrationAuthoring } from "./ports.ts";
import { engineNameOf } from "./select.ts";
import { postgresqlMigrationAuthoring, postgresqlTools } from "./postgresql/tools.node.ts";
import { sqliteMigrationAuthoring, sqliteTools } from "./sqlite/tools.node.ts";

export function databaseTools(databaseUrl: string): DatabaseTools {
  switch (engineNameOf(databaseUrl)) {
    case "sqlite":
      return sqliteTools(databaseUrl);
    case "postgresql":
      return postgresqlTools(databaseUrl);
  }
}

/**
 * Migration authoring for an engine's own migrations folder (prisma/migrations is SQLite's,
 * prisma/postgresql/migrations PostgreSQL's). PostgreSQL replays the migrations on a scratch
 * database, so it needs `serverUrl`: a server where databases may be created and dropped.
 */
export function migrationAuthoring(engine: EngineName, serverUrl?: string): MigrationAuthoring {
  switch (engine) {
    case "sqlite":
      return sqliteMigrationAuthoring;
    case "postgresql":
      if (!serverUrl) throw new Error("PostgreSQL migration authoring needs a server URL to make its scratch database on");
      return postgresqlMigrationAuthoring(serverUrl);
  }
}

/** Each engine's migrations folder, relative to the project root. */
export const MIGRATIONS_FOLDERS: Readonly<Record<EngineName, readonly string[]>> = {
  sqlite: ["prisma", "migrations"],
  postgresql: ["prisma", "postgresql", "migrations"],
};

/** Each engine's schema file, relative to the project root (PostgreSQL's is derived from SQLite's). */
export const SCHEMA_FILES: Readonly<Record<EngineName, readonly string[]>> = {
  sqlite: ["prisma", "schema.prisma"],
  postgresql: ["prisma", "postgresql", "schema.prisma"],
};

export type { DatabaseHandle, DatabaseTools, EngineName, MigrationAuthoring, SqlValue } from "./ports.ts";
