// Usage: npm run db:migration:create -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the change to prisma/schema.prisma.
import { mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { migrationAuthoring } from "../lib/db/engine/tools.node.ts";

const root = resolve(import.meta.dirname, "..");
const migrationsDir = join(root, "prisma", "migrations");
const schemaPath = join(root, "prisma", "schema.prisma");

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:create -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const sql = await migrationAuthoring("sqlite").diffSchemaAgainstMigrations(migrationsDir, schemaPath);
if (!/\S/.test(sql.replace(/^--.*$/gm, "")) || /This is an empty migration/.test(sql)) {
  console.log("The schema matches the migrations: nothing to create.");
} else {
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "migration.sql"), sql);
  const lockPath = join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lockPath)) {
    await writeFile(lockPath, '# Written by scripts/create-migration.ts; keep it in version control.\nprovider = "sqlite"\n');
  }
  console.log(`created ${join("prisma", "migrations", `${stamp}_${name}`, "migration.sql")}`);
}
