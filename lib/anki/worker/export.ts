// writeApkgInWorker: writes the export's collection (SQLite in memory) and zips it in a worker
// thread, so a big deck does not hold the event loop for every other learner. The database reads
// stay on the request's side (lib/db/anki-export.ts); this is the CPU-heavy half. It takes a seat
// like an upload read (lib/notes/worker/seats.ts) and is supervised the same way.
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
import type { AnkiExportInput } from "../export.ts";
import type { WriteApkgMessage, WriteApkgReply } from "./messages.ts";

/** Cards per message to the worker: copying one slice holds the event loop for a few milliseconds. */
const CARDS_PER_MESSAGE = 500;

export type ApkgOutcome = WriteApkgReply | WorkerFailure | UploadsBusy;

export type ApkgWriteOptions = WorkerJobOptions;

function spawnApkgWriter(limits: WorkerLimits): Worker {
  return new Worker(new URL("./export.worker.ts", import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
  });
}

export function writeApkgInWorker(input: AnkiExportInput, options: ApkgWriteOptions = {}): Promise<ApkgOutcome> {
  return runInSeat(() => writeInWorker(input, options), "The server is busy with other imports and exports; try again in a minute.");
}

async function writeInWorker(input: AnkiExportInput, options: ApkgWriteOptions): Promise<ApkgOutcome> {
  const limits = { ...UPLOAD_WORKER_LIMITS, ...options.limits };
  const worker = (options.spawn ?? spawnApkgWriter)(limits);
  // The media views are the export's own copies (lib/db/anki-export.ts), so they may move.
  const transfer = ownedBuffers(input.media.map((m) => m.bytes));
  const parts: WriteApkgMessage[] = [];
  for (let at = 0; at < input.cards.length; at += CARDS_PER_MESSAGE) parts.push({ cards: input.cards.slice(at, at + CARDS_PER_MESSAGE) });
  const request: WriteApkgMessage = { media: input.media, now: input.now };
  const done = await superviseWorker<WriteApkgReply>(worker, { parts, request, transfer }, limits, {
    overtime: `Writing the deck took longer than ${limits.timeoutMs / 1000} s, the limit for one export; export its subdecks one by one.`,
    outOfMemory: `Writing the deck needed more than ${limits.maxOldGenerationSizeMb} MB of memory, the limit for one export; export its subdecks one by one.`,
    failed: "The deck could not be exported because of an error on the server.",
    stopped: (exitCode) => `The Anki export stopped unexpectedly (exit code ${exitCode}).`,
    logLabel: "anki export",
  });
  return done.ok ? done.reply : done;
}
