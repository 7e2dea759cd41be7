// Prepares the embedded installation: configuration, database file, migrations, starter decks.
// Safe to run again: migrations already applied are skipped, and importing unchanged starter
// notes and scenarios writes nothing.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
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
  const { databaseTools, MIGRATIONS_FOLDERS } = await import("../lib/db/engine/tools.node.ts");
  const database = databaseTools(env().DATABASE_URL);
  const problem = await database.problem({ mustExist: false });
  if (problem) {
    console.error(`setup: ${problem}`);
    return 1;
  }
  const applied = await database.applyMigrations(join(root, ...MIGRATIONS_FOLDERS[database.name]));
  console.log(applied.length ? `setup: applied migrations ${applied.join(", ")}` : "setup: database schema is up to date");
  await database.tune();

  // The starter decks are kept in step with seeds/ on every setup: unchanged cards are left alone,
  // changed ones updated in place (learners' history stays), vanished ones suspended.
  const { importNoteFiles, importScenarioFiles } = await import("../lib/db/notes-import.ts");
  const readFolder = (folder: string, extensions: RegExp, prefix = "") =>
    readdirSync(join(root, "seeds", folder))
      .filter((name) => extensions.test(name))
      .sort()
      .map((name) => ({ path: `${prefix}${name}`, text: readFileSync(join(root, "seeds", folder, name), "utf8") }));
  const notes = await importNoteFiles({ files: readFolder("notes", /\.md$/) });
  const scenarios = await importScenarioFiles({ files: readFolder("scenarios", /\.(ya?ml|json)$/, "scenarios/") });
  for (const [what, summary] of [
    ["notes", notes],
    ["scenarios", scenarios],
  ] as const) {
    console.log(
      `setup: starter ${what}: ${summary.created} new, ${summary.updated} updated, ${summary.suspended} suspended, ${summary.unchanged} unchanged cards from ${summary.files} files`,
    );
    for (const p of summary.problems) console.error(`setup: ${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`);
  }
  if (notes.problems.length || scenarios.problems.length) return 1;
  console.log(`setup: ready (${database.location})`);
  return 0;
}

if (!existsSync(join(root, "node_modules"))) {
  console.error("setup: run npm install first");
  process.exit(1);
}
// Exits rather than waiting for the event loop to empty: Prisma's Wasm schema engine leaves a 10 s
// timer behind on PostgreSQL, which held every setup (and each end-to-end run's) that long.
process.exit(await main());
