// Usage: npm run db:migration:create -- <name>
// Writes the next migration of each engine from the change to prisma/schema.prisma:
// prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) and
// prisma/postgresql/migrations/<timestamp>_<name>/migration.sql (PostgreSQL, from the derived schema).
// PostgreSQL's is found on a scratch database: on the server TEST_POSTGRES_URL names, or else on a
// throwaway cluster of Debian's PostgreSQL started for the purpose.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { startThrowawayCluster, type ThrowawayCluster } from "../lib/db/engine/postgresql/throwaway-cluster.node.ts";
import { migrationAuthoring, MIGRATIONS_FOLDERS, SCHEMA_FILES, type EngineName } from "../lib/db/engine/tools.node.ts";

const root = resolve(import.meta.dirname, "..");

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:create -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const isEmpty = (sql: string) => !/\S/.test(sql.replace(/^--.*$/gm, "")) || /This is an empty migration/.test(sql);

async function nextMigration(engine: EngineName, serverUrl?: string): Promise<string> {
  return migrationAuthoring(engine, serverUrl).diffSchemaAgainstMigrations(
    join(root, ...MIGRATIONS_FOLDERS[engine]),
    join(root, ...SCHEMA_FILES[engine]),
  );
}

async function write(engine: EngineName, sql: string, stamp: string): Promise<void> {
  const migrationsDir = join(root, ...MIGRATIONS_FOLDERS[engine]);
  const dir = join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "migration.sql"), sql);
  const lockPath = join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lockPath)) {
    await writeFile(lockPath, `# Written by scripts/create-migration.ts; keep it in version control.\nprovider = "${engine}"\n`);
  }
  console.log(`created ${relative(root, join(dir, "migration.sql"))}`);
}

// The derived schema first, so PostgreSQL's migration follows the source as it is now.
execFileSync(process.execPath, [join(root, "scripts", "postgresql-schema.mjs")], { stdio: "inherit" });

const given = process.env.TEST_POSTGRES_URL;
let cluster: ThrowawayCluster | undefined;
try {
  const sqlite = await nextMigration("sqlite");
  if (!given) cluster = await startThrowawayCluster();
  const postgresql = await nextMigration("postgresql", given ?? cluster?.adminUrl);
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  if (isEmpty(sqlite) && isEmpty(postgresql)) console.log("The schema matches the migrations of both engines: nothing to create.");
  if (!isEmpty(sqlite)) await write("sqlite", sqlite, stamp);
  if (!isEmpty(postgresql)) await write("postgresql", postgresql, stamp);
} finally {
  await cluster?.stop();
}
