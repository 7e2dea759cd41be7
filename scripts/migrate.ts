// Applies pending migrations to the configured database (the `prisma migrate deploy` of this project).
import { join, resolve } from "node:path";
import { loadEnvFiles } from "../lib/load-env-files.ts";
import { env } from "../lib/env.ts";
import { databaseTools, MIGRATIONS_FOLDERS } from "../lib/db/engine/tools.node.ts";

const root = resolve(import.meta.dirname, "..");
loadEnvFiles(root);
const database = databaseTools(env().DATABASE_URL);
const problem = await database.problem({ mustExist: false });
if (problem) {
  console.error(problem);
  process.exit(1);
}
const applied = await database.applyMigrations(join(root, ...MIGRATIONS_FOLDERS[database.name]));
console.log(applied.length ? `applied: ${applied.join(", ")}` : "no pending migrations");
// Prisma's Wasm schema engine leaves a 10 s timer behind on PostgreSQL that would hold the process
// open after its work is done.
process.exit(0);
