// Reads an engine's migrations folder (prisma/migrations, prisma/postgresql/migrations) into the
// shape the schema engine expects, as the Prisma CLI does.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";

/** Neither engine needs a shadow database prepared beyond the migrations; the engine still asks for a script. */
const NO_SHADOW_INIT = "";

export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const lockPath = join(migrationsDir, "migration_lock.toml");
  const entries = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const directories = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    directories.map(async (name) => {
      const sqlPath = join(migrationsDir, name, "migration.sql");
      const content = existsSync(sqlPath)
        ? ({ tag: "ok", value: await readFile(sqlPath, "utf8") } as const)
        : ({ tag: "error", value: `${sqlPath} is missing` } as const);
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: NO_SHADOW_INIT,
    migrationDirectories,
  };
}
