// Setup, migrations and test handles for a PostgreSQL database. Node-only, and free of the
// "server-only" marker because the CLI scripts run it outside Next.js (see ../tools.node.ts).
import type { DatabaseTools, MigrationAuthoring } from "../ports.ts";
import { shownUrl } from "./connection-url.ts";
import { postgresDatabaseProblem } from "./database-check.node.ts";
import { openPostgresHandle } from "./handle.node.ts";
import { applyPostgresMigrations, diffPostgresSchemaAgainstMigrations } from "./migrations.node.ts";

export function postgresqlTools(databaseUrl: string): DatabaseTools {
  return {
    name: "postgresql",
    location: shownUrl(databaseUrl),
    problem: (options) => postgresDatabaseProblem(databaseUrl, options),
    applyMigrations: (migrationsDir) => applyPostgresMigrations(databaseUrl, migrationsDir),
    // Nothing to set: what SQLite needs set in the file (write-ahead logging) is the server's
    // own business on PostgreSQL.
    async tune() {},
    open: (options) => openPostgresHandle(databaseUrl, options),
  };
}

/** Authoring replays the migrations on a scratch database of the server `serverUrl` names. */
export function postgresqlMigrationAuthoring(serverUrl: string): MigrationAuthoring {
  return {
    diffSchemaAgainstMigrations: (migrationsDir, schemaPath) => diffPostgresSchemaAgainstMigrations(serverUrl, migrationsDir, schemaPath),
  };
}
