// Applies pending migrations to the configured database (the `prisma migrate deploy` of this project).
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadEnvFiles } from "../lib/load-env-files.ts";
import { env } from "../lib/env.ts";
import { databasePathProblem, sqliteFilePath } from "../lib/db/database-path.ts";
import { applyMigrations } from "../lib/db/migrations/run.ts";

const root = resolve(import.meta.dirname, "..");
loadEnvFiles(root);
const url = env().DATABASE_URL;
const problem = databasePathProblem(url, { mustExist: false });
if (problem) {
  console.error(problem);
  process.exit(1);
}
const file = sqliteFilePath(url);
mkdirSync(dirname(file), { recursive: true });
const applied = await applyMigrations(`file:${file}`, join(root, "prisma", "migrations"));
console.log(applied.length ? `applied: ${applied.join(", ")}` : "no pending migrations");
