// `npm run bench`: runs every benchmark in this folder, each in a process of its own (they set up
// their own databases, and the Prisma client is one per process), and prints each one's markdown
// section. Copy the printed sections into bench/RESULTS.md to record a run.
// `npm run bench -- iam notes` runs only the named ones.
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { resolve } from "node:path";

const SUITES = [
  "iam",
  "notes",
  "import-db",
  "srs",
  "review-db",
  "review-http",
  "review-sync",
  "playground",
  "classroom",
  "restore",
  "pages",
  "review-device",
  "lint",
  "anki",
  "anki-export",
];
/** Suites whose file is named otherwise than the suite. */
const FILES: Record<string, string> = { restore: "restore-db" };

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((name) => !SUITES.includes(name));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(", ")}; known: ${SUITES.join(", ")}`);
  process.exit(2);
}
console.log(`# Benchmark run ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}\n`);
let failed = 0;
for (const name of wanted.length ? wanted : SUITES) {
  const started = performance.now();
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", resolve(import.meta.dirname, `${FILES[name] ?? name}.ts`)], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) {
    failed += 1;
    console.error(`benchmark ${name} failed with exit code ${result.status}`);
  }
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
process.exitCode = failed ? 1 : 0;
