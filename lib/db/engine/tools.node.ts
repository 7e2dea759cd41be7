// The engine's tooling for setup, migrations, tests and benchmarks, chosen from a DATABASE_URL the
// same way as the running app's engine (select.ts).
//
// Naming rule: a module named *.node.ts is Node-only but carries no "server-only" marker, because
// scripts run it outside Next.js (`tsx scripts/migrate.ts` has no react-server condition). Nothing
// under app/ or components/ may import one; every other Node-only module in lib/db is marked.
import type { DatabaseTools, EngineName, MigrationAuthoring } from "./ports.ts";
import { engineNameOf } from "./select.ts";
import { sqliteMigrationAuthoring, sqliteTools } from "./sqlite/tools.node.ts";

export function databaseTools(databaseUrl: string): DatabaseTools {
  switch (engineNameOf(databaseUrl)) {
    case "sqlite":
      return sqliteTools(databaseUrl);
  }
}

/** Migration authoring for an engine's own migrations folder (prisma/migrations is SQLite's). */
export function migrationAuthoring(engine: EngineName): MigrationAuthoring {
  switch (engine) {
    case "sqlite":
      return sqliteMigrationAuthoring;
  }
}

export type { DatabaseHandle, DatabaseTools, EngineName, MigrationAuthoring, SqlValue } from "./ports.ts";
