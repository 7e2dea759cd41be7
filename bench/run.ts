// `npm run bench`: runs every benchmark in this folder, one after another, and prints each one's
// markdown section. Copy the printed sections into bench/RESULTS.md to record a run.
// `npm run bench -- iam notes` runs only the named ones.
import { cpus } from "node:os";

const suites: Record<string, () => Promise<{ run(): Promise<string> }>> = {
  iam: () => import("./iam.ts"),
  notes: () => import("./notes.ts"),
  srs: () => import("./srs.ts"),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = wanted.length ? wanted : Object.keys(suites);
console.log(`# Benchmark run ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}\n`);
let failed = 0;
for (const name of names) {
  const load = suites[name];
  if (!load) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(suites).join(", ")}`);
    failed += 1;
    continue;
  }
  const started = performance.now();
  try {
    console.log(await (await load()).run());
  } catch (error) {
    failed += 1;
    console.error(`benchmark ${name} failed:`, error);
  }
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
process.exitCode = failed ? 1 : 0;
