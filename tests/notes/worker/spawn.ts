// Workers for tests: the fixture (plain JavaScript), and the app's own TypeScript worker files.
import { Worker } from "node:worker_threads";
import { type SpawnWorker } from "@/lib/notes/worker/index.ts";
import { workerFromSource } from "../../support/source-worker.ts";

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
  return (limits) => workerFromSource(file, { resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb } });
}
