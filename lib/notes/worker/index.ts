// previewUploadInWorker: runs previewUpload (collect, expand, parse, and for a preview render the
// faces) in a worker thread, so a big or hostile upload never holds the server's event loop or its
// heap. Node-only, unlike the rest of lib/notes, and so not exported from lib/notes/index.ts: the
// web route imports it from here.
//
// Each read gets a fresh worker with its own heap cap and a deadline (./supervise.ts), and a seat
// shared with the Anki reader and the Anki export (./seats.ts).

import { Worker } from "node:worker_threads";
import type { ImportLimits } from "../input/budget.ts";
import type { Upload } from "../input/uploads.ts";
import type { UploadPreview } from "../upload-preview.ts";
import type { ReadUploadReply, ReadUploadRequest } from "./messages.ts";
import { runInSeat } from "./seats.ts";
import { UPLOAD_WORKER_LIMITS, ownedBuffers, superviseWorker, type SpawnWorker, type WorkerLimits } from "./supervise.ts";

export { MAX_RUNNING, MAX_WAITING, runInSeat, seatsInUse, type UploadsBusy } from "./seats.ts";
export {
  UPLOAD_WORKER_LIMITS,
  ownedBuffers,
  superviseWorker,
  type SpawnWorker,
  type Supervised,
  type SupervisorMessages,
  type WorkerFailure,
  type WorkerFailureCause,
  type WorkerJob,
  type WorkerJobOptions,
  type WorkerLimits,
} from "./supervise.ts";

export type UploadOutcome =
  { ok: true; preview: UploadPreview } | { ok: false; code: "too_large" | "failed" | "uploads_busy"; message: string };

export interface WorkerReadOptions {
  /** Also render faces and list skipped blocks: the preview asks for it, the import itself does not. */
  review?: boolean;
  limits?: Partial<ImportLimits>;
  worker?: Partial<WorkerLimits>;
  /** Tests hand in their own worker; the server uses the bundled upload.worker. */
  spawn?: SpawnWorker;
}

// Only the Next.js build runs this default: it bundles the worker file to JavaScript. Scripts call
// previewUpload in-process instead (Node 20 cannot load a TypeScript worker from source).
function spawnUploadReader(limits: WorkerLimits): Worker {
  return new Worker(new URL("./upload.worker.ts", import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
  });
}

export function previewUploadInWorker(uploads: Upload[], options: WorkerReadOptions = {}): Promise<UploadOutcome> {
  return runInSeat(
    () => readInWorker(uploads, options),
    "The server is busy reading other imports; try again in a minute. Nothing was imported.",
  );
}

async function readInWorker(uploads: Upload[], options: WorkerReadOptions): Promise<UploadOutcome> {
  const limits = { ...UPLOAD_WORKER_LIMITS, ...options.worker };
  const request: ReadUploadRequest = { uploads, limits: options.limits ?? {}, review: options.review === true };
  const worker = (options.spawn ?? spawnUploadReader)(limits);
  const done = await superviseWorker<ReadUploadReply>(worker, { request, transfer: ownedBuffers(uploads.map((u) => u.bytes)) }, limits, {
    overtime: `Reading the upload took longer than ${limits.timeoutMs / 1000} s, the limit for one import; import it in parts. Nothing was imported.`,
    outOfMemory: `Reading the upload needed more than ${limits.maxOldGenerationSizeMb} MB of memory, the limit for one import; import it in parts. Nothing was imported.`,
    failed: "The upload could not be read because of an error on the server. Nothing was imported.",
    stopped: (exitCode) => `The upload reader stopped unexpectedly (exit code ${exitCode}). Nothing was imported.`,
    logLabel: "upload reader",
  });
  if (!done.ok) return done;
  const reply = done.reply;
  if (reply.ok) return { ok: true, preview: reply.preview };
  return { ok: false, code: "too_large", message: `${capitalise(reply.tooLarge)}.` };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
