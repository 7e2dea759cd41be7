// Setup, migrations and test handles for a SQLite file. Node-only, and free of the "server-only"
// marker because the CLI scripts run it outside Next.js (see ../tools.node.ts).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { DatabaseTools, MigrationAuthoring } from "../ports.ts";
import { databaseFileProblem, sqliteFilePath } from "./database-file.node.ts";
import { openSqliteHandle } from "./handle.node.ts";
import { applyMigrations, diffSchemaAgainstMigrations } from "./migrations/run.node.ts";
import { enableWriteAheadLog } from "./write-ahead-log.node.ts";

export function sqliteTools(databaseUrl: string): DatabaseTools {
  const file = sqliteFilePath(databaseUrl);
  return {
    name: "sqlite",
    location: file,
    problem: async (options) => databaseFileProblem(databaseUrl, options),
    async applyMigrations(migrationsDir) {
      mkdirSync(dirname(file), { recursive: true });
      return applyMigrations(`file:${file}`, migrationsDir);
    },
    async tune() {
      enableWriteAheadLog(file);
    },
    open: (options) => openSqliteHandle(file, options),
  };
}

export const sqliteMigrationAuthoring: MigrationAuthoring = {
  async diffSchemaAgainstMigrations(migrationsDir, schemaPath) {
    // The migrations are replayed on a throwaway file, which spares the shadow database that the
    // schema engine's own createMigration wants.
    const scratch = mkdtempSync(join(tmpdir(), "iam-recall-migration-"));
    try {
      return await diffSchemaAgainstMigrations(`file:${join(scratch, "scratch.db")}`, migrationsDir, schemaPath);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
