// Prepares the embedded installation: configuration, database file, migrations, starter decks.
// Safe to run again: migrations already applied are skipped and starter decks are imported only
// into a database that has no decks.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadEnvFiles } from "../lib/load-env-files.ts";

const root = resolve(import.meta.dirname, "..");
process.chdir(root);
loadEnvFiles(root);

function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  // Auth.js signs session cookies with this; one random secret per installation, kept out of git.
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(join(root, ".env.local"), `AUTH_SECRET=${secret}\n`);
  process.env.AUTH_SECRET = secret;
  console.log("setup: wrote a new AUTH_SECRET to .env.local");
}

async function main(): Promise<number> {
  ensureAuthSecret();
  const { env } = await import("../lib/env.ts");
  const { databasePathProblem, sqliteFilePath } = await import("../lib/db/database-path.ts");
  const databaseUrl = env().DATABASE_URL;
  const problem = databasePathProblem(databaseUrl, { mustExist: false });
  if (problem) {
    console.error(`setup: ${problem}`);
    return 1;
  }
  const file = sqliteFilePath(databaseUrl);
  mkdirSync(dirname(file), { recursive: true });

  const { applyMigrations } = await import("../lib/db/migrations/run.ts");
  const applied = await applyMigrations(`file:${file}`, join(root, "prisma", "migrations"));
  console.log(applied.length ? `setup: applied migrations ${applied.join(", ")}` : "setup: database schema is up to date");
  const { useWriteAheadLog } = await import("../lib/db/sqlite/journal.ts");
  useWriteAheadLog(file);

  const { databaseHasNoDecks, importNoteFiles } = await import("../lib/db/notes-import.ts");
  if (await databaseHasNoDecks()) {
    const folder = join(root, "seeds", "notes");
    const files = readdirSync(folder)
      .filter((name) => name.endsWith(".md"))
      .sort()
      .map((name) => ({ path: name, text: readFileSync(join(folder, name), "utf8") }));
    const summary = await importNoteFiles({ files });
    console.log(`setup: imported ${summary.created} starter cards from ${summary.files} notes`);
    for (const p of summary.problems) console.error(`setup: ${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`);
    if (summary.problems.length) return 1;
  }
  console.log(`setup: ready (${file})`);
  return 0;
}

if (!existsSync(join(root, "node_modules"))) {
  console.error("setup: run npm ci first");
  process.exit(1);
}
process.exitCode = await main();
