// Workers for tests: the fixture (plain JavaScript), and the app's own TypeScript worker files.
// Node 20 cannot start a .ts worker, and `--import tsx` in a worker's execArgv does not reach its
// entry; a one-line bootstrap that registers tsx and then imports the file does.
import { Worker } from "node:worker_threads";
import { type SpawnWorker } from "@/lib/notes/worker/index.ts";

export type FixtureMode = "echo" | "collect" | "crash" | "exit" | "oom" | "hold" | "hang";

export function spawnFixture(mode: FixtureMode): SpawnWorker {
  return (limits) =>
    new Worker(new URL("./fixture-worker.mjs", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
      workerData: { mode },
    });
}

/** Runs a worker file from source, e.g. lib/anki/worker/export.worker.ts, as the built app runs its bundle. */
export function spawnFromSource(file: URL): SpawnWorker {
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); });`;
  return (limits) => new Worker(boot, { resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb }, eval: true });
}
