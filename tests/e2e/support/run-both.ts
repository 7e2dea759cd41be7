// The end-to-end suite on both engines (npm run test:e2e): one `next build`, then the SQLite and
// the PostgreSQL runs side by side, each with its own database and app server, their output
// prefixed with the engine's name. The build serves both because the engine is chosen from
// DATABASE_URL when the server starts. E2E_ENGINES picks the engines (default
// "sqlite,postgresql"); E2E_ONE_AT_A_TIME=1 runs them one after the other (a machine short of
// cores or memory). Extra arguments go to vitest (a file filter, say), and then the whole run is
// side by side (or one at a time).
//
// Without arguments the files that bound a bystander's wait in milliseconds while a heavy request
// runs (LATENCY_BOUND) run after the rest, one engine at a time: beside the other engine's suite on
// two cores the restore behind security-restore took ~5 s instead of 1.8 s and a bystander waited
// 1.13 s for a 1 s bound, which measured the neighbour, not the app.
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

const LATENCY_BOUND = [
  "tests/e2e/security-restore.e2e.test.ts",
  "tests/e2e/security-lock.e2e.test.ts",
  "tests/e2e/security-upload.e2e.test.ts",
];

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

type Outcome = Awaited<ReturnType<typeof runSuite>>;

async function runEngines(vitestArgs: string[], oneAtATime: boolean): Promise<Outcome[]> {
  if (!oneAtATime) return Promise.all(engines.map((engine) => runSuite(engine, vitestArgs)));
  const results: Outcome[] = [];
  for (const engine of engines) results.push(await runSuite(engine, vitestArgs));
  return results;
}

const started = performance.now();
build();
const oneAtATime = process.env.E2E_ONE_AT_A_TIME === "1";
const userArgs = process.argv.slice(2);
const phases: Array<{ label: string; results: Outcome[] }> = [];
if (userArgs.length > 0 || oneAtATime) {
  phases.push({ label: "", results: await runEngines(userArgs, oneAtATime) });
} else {
  const excluded = LATENCY_BOUND.flatMap((file) => ["--exclude", file]);
  phases.push({ label: "side by side", results: await runEngines(excluded, false) });
  phases.push({ label: "latency-bound files, one engine at a time", results: await runEngines(LATENCY_BOUND, true) });
}
for (const { label, results } of phases) {
  for (const { engine, code, took } of results) {
    console.log(`e2e: ${engine}${label ? ` (${label})` : ""} ${code === 0 ? "passed" : "FAILED"} in ${took}`);
  }
}
const results = phases.flatMap((phase) => phase.results);
console.log(`e2e: whole run ${seconds(started)}`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
