// Lets code under test start the app's TypeScript worker files (lib/notes/worker, lib/anki/worker)
// from source, as the built app starts its bundles: Node 20 cannot load a .ts worker, so a Worker
// made for a .ts URL gets the bootstrap of source-worker.ts instead. For tests that run the import
// path whole (the upload job) rather than handing a reader a `spawn` of their own. Import it before
// the code under test starts a worker.
import { syncBuiltinESMExports } from "node:module";
import workerThreads, { type WorkerOptions } from "node:worker_threads";
import { sourceBootstrap } from "./source-worker.ts";

const NodeWorker = workerThreads.Worker;

function sourceArguments(file: string | URL, options: WorkerOptions = {}): [string | URL, WorkerOptions] {
  if (!(file instanceof URL) || !file.pathname.endsWith(".ts")) return [file, options];
  return [sourceBootstrap(file), { ...options, eval: true }];
}

class SourceWorker extends NodeWorker {
  constructor(file: string | URL, options?: WorkerOptions) {
    super(...sourceArguments(file, options));
  }
}

workerThreads.Worker = SourceWorker;
// `import { Worker } from "node:worker_threads"` elsewhere reads the patched class from here on.
syncBuiltinESMExports();
