// readAnkiInWorker: unzips, decompresses and reads an Anki package in a worker thread with its own
// heap cap and deadline, so a large or hostile package never holds the server's event loop. It
// takes a seat like a notes upload (lib/notes/worker/seats.ts) and answers "uploads_busy" the same
// way when the line is full. Node-only and bundled by Next.js from this file (as lib/notes/worker
// is); the CLI calls readAnkiRequest in-process instead.
import { Worker } from "node:worker_threads";
import {
  UPLOAD_WORKER_LIMITS,
  ownedBuffers,
  runInSeat,
  superviseWorker,
  type UploadsBusy,
  type WorkerFailure,
  type WorkerJobOptions,
  type WorkerLimits,
} from "../../notes/worker/index.ts";
import type { ReadAnkiReply, ReadAnkiRequest } from "./messages.ts";

export { readAnkiRequest } from "./read-request.ts";
export type { ReadAnkiReply, ReadAnkiRequest, WriteApkgReply } from "./messages.ts";
export { writeApkgInWorker, type ApkgOutcome } from "./export.ts";

export type AnkiOutcome = ReadAnkiReply | WorkerFailure | UploadsBusy;

export type AnkiReadOptions = WorkerJobOptions;

function spawnAnkiReader(limits: WorkerLimits): Worker {
  return new Worker(new URL("./anki.worker.ts", import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
  });
}

export function readAnkiInWorker(request: ReadAnkiRequest, options: AnkiReadOptions = {}): Promise<AnkiOutcome> {
  return runInSeat(
    () => readInWorker(request, options),
    `The server is busy reading other imports; try again in a minute. ${request.file} was not imported.`,
  );
}

async function readInWorker(request: ReadAnkiRequest, options: AnkiReadOptions): Promise<AnkiOutcome> {
  const limits = { ...UPLOAD_WORKER_LIMITS, ...options.limits };
  const worker = (options.spawn ?? spawnAnkiReader)(limits);
  const done = await superviseWorker<ReadAnkiReply>(worker, { request, transfer: ownedBuffers([request.bytes]) }, limits, {
    overtime: `Reading ${request.file} took longer than ${limits.timeoutMs / 1000} s, the limit for one import. Nothing was imported.`,
    outOfMemory: `Reading ${request.file} needed more than ${limits.maxOldGenerationSizeMb} MB of memory. Nothing was imported.`,
    failed: `${request.file} could not be read because of an error on the server. Nothing was imported.`,
    stopped: (exitCode) => `The Anki reader stopped unexpectedly (exit code ${exitCode}). Nothing was imported.`,
    logLabel: "anki reader",
  });
  return done.ok ? done.reply : done;
}
