// The end-to-end suite on both engines (npm run test:e2e, part of npm test): one `next build`, then
// the SQLite run and the PostgreSQL run one after the other, each with its own database and app
// server, their output prefixed with the engine's name. The build serves both because the engine
// is chosen from DATABASE_URL when the server starts. E2E_ENGINES picks the engines (default
// "sqlite,postgresql"). Extra arguments go to vitest (a file filter, say) on every engine.
//
// One after the other, not side by side: on two cores the two suites took as long together as in
// turn, and the bystander-latency files measured the other suite (docs/postgresql.md, Tests).
//
// PostgreSQL's run leaves out the files in ENGINE_INDEPENDENT (E2E_EVERY_FILE=1 keeps them): what
// they check is decided in the browser, before the database is asked, or by code that the files
// kept on both engines drive as well, so a second engine under them adds CI minutes and no check.
// What the database layer decides end to end (review and sync, imports and Anki, locks, restores,
// access checks, stats, deck search, two servers and their jobs) runs on both, and the database
// layer itself runs on both in tests/db.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { buildApp } from "./build.ts";

const root = resolve(import.meta.dirname, "../../..");
const engines = (process.env.E2E_ENGINES ?? "sqlite,postgresql")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean);
for (const engine of engines) {
  if (engine !== "sqlite" && engine !== "postgresql") {
    console.error(`E2E_ENGINES names "${engine}": use sqlite and/or postgresql, comma-separated`);
    process.exit(2);
  }
}

/** Files whose checks do not depend on the engine, each with why; run on SQLite only. */
const ENGINE_INDEPENDENT: Record<string, string> = {
  "accessibility.e2e.test.ts": "axe and widths judge the markup, the same on either engine (on PostgreSQL it ran without axe)",
  "playground.e2e.test.ts": "the evaluator runs in the browser",
  "playground-lint.e2e.test.ts": "the policy linter runs in the browser",
  "import-preview.e2e.test.ts": "a preview parses the upload and stores nothing",
  "classroom.e2e.test.ts":
    "the instructor's and learner's pages over lib/db/classroom, whose functions run on both engines in tests/db/classroom*; a quiz taken on PostgreSQL is in two-servers.e2e",
  "instructor-builder.e2e.test.ts": "the quiz builder's form, over the same lib/db/classroom",
  "review-offline.e2e.test.ts": "the device's review with no network; what reaches the server is review-sync.e2e's, on both",
  "http.e2e.test.ts": "headers, caching and error bodies of the HTTP layer",
  "security-origin.e2e.test.ts": "origin checks refuse a request before any read",
  "security-auth.e2e.test.ts":
    "redirects, bounded fields and headers are decided before the database; the sign-in limiter and the session version behind sign-out run on both in tests/auth/sign-in-limits and tests/db/users",
  "security-quiz.e2e.test.ts":
    "an unpublished quiz refusing answers is lib/db/classroom's rule, on both engines in tests/db/classroom-windows",
  "auth.e2e.test.ts": "sign-up and sign-in pages; every other file signs learners up on both engines",
};

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

function build(): void {
  const started = performance.now();
  try {
    buildApp();
  } catch (error) {
    console.error(`e2e: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`e2e: built once for ${engines.join(" and ")} in ${seconds(started)}`);
}

function runSuite(engine: string, vitestArgs: string[]): Promise<{ engine: string; code: number; took: string }> {
  const started = performance.now();
  const child = spawn("npx", ["vitest", "run", "--config", "tests/e2e/vitest.config.ts", ...vitestArgs], {
    cwd: root,
    env: { ...process.env, E2E_DATABASE_ENGINE: engine, E2E_REUSE_BUILD: "1", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => console.log(`[${engine}] ${line}`));
  }
  return new Promise((done) =>
    child.on("close", (code, signal) => done({ engine, code: code ?? (signal ? 1 : 0), took: seconds(started) })),
  );
}

const started = performance.now();
build();
const userArgs = process.argv.slice(2);
const everyFile = process.env.E2E_EVERY_FILE === "1";
const results = [];
for (const engine of engines) {
  const skipped = engine === "postgresql" && !everyFile ? Object.keys(ENGINE_INDEPENDENT) : [];
  if (skipped.length > 0) console.log(`e2e: ${engine} leaves out ${skipped.length} engine-independent files (E2E_EVERY_FILE=1 keeps them)`);
  const excludes = skipped.flatMap((file) => ["--exclude", `tests/e2e/${file}`]);
  results.push(await runSuite(engine, [...userArgs, ...excludes]));
}
for (const { engine, code, took } of results) console.log(`e2e: ${engine} ${code === 0 ? "passed" : "FAILED"} in ${took}`);
console.log(`e2e: whole run ${seconds(started)}`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
