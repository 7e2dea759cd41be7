// A worker thread running one of the app's TypeScript worker files from source, as the built app
// runs its bundle. Node 20 cannot start a .ts worker, and `--import tsx` in a worker's execArgv does
// not reach its entry; a one-line bootstrap that registers tsx and then imports the file does.
import { Worker, type WorkerOptions } from "node:worker_threads";

export function workerFromSource(file: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  return new Worker(sourceBootstrap(file), { ...options, eval: true });
}

/** The code a worker started with `eval: true` runs to load `file` from source. */
export function sourceBootstrap(file: URL): string {
  return `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); });`;
}
