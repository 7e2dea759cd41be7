// previewUploadInWorker: runs previewUpload (collect, expand, parse, and for a preview render the
// faces) in a worker thread, so a big or hostile upload never holds the server's event loop or its
// heap. Node-only, unlike the rest of lib/notes, and so not exported from lib/notes/index.ts: the
// web route imports it from here.
//
// Each read gets a fresh worker with its own heap cap and a deadline; a worker that runs out of
// memory, overruns, or fails is ended and reported for that request alone. At most MAX_RUNNING
// reads run at once server-wide; a few more wait their turn, and the rest are told to come back.

import { Worker } from "node:worker_threads";
import type { ImportLimits } from "../input/budget.ts";
import type { Upload } from "../input/uploads.ts";
import type { UploadPreview } from "../upload-preview.ts";
import type { ReadUploadReply, ReadUploadRequest } from "./messages.ts";

export type UploadOutcome =
  { ok: true; preview: UploadPreview } | { ok: false; code: "too_large" | "failed" | "uploads_busy"; message: string };

export interface WorkerLimits {
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
}

export const UPLOAD_WORKER_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxOldGenerationSizeMb: 1024 };
const MAX_RUNNING = 2;
const MAX_WAITING = 8;

let running = 0;
const waiting: Array<() => void> = [];

function acquire(): Promise<void> | null {
  if (running < MAX_RUNNING) {
    running += 1;
    return Promise.resolve();
  }
  if (waiting.length >= MAX_WAITING) return null;
  return new Promise((resolve) => waiting.push(resolve));
}

function release(): void {
  // The slot passes straight to the next in line, so a newcomer cannot slip in between.
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

export interface WorkerReadOptions {
  /** Also render faces and list skipped blocks: the preview asks for it, the import itself does not. */
  review?: boolean;
  limits?: Partial<ImportLimits>;
  worker?: Partial<WorkerLimits>;
}

export async function previewUploadInWorker(uploads: Upload[], options: WorkerReadOptions = {}): Promise<UploadOutcome> {
  const turn = acquire();
  if (!turn) {
    return {
      ok: false,
      code: "uploads_busy",
      message: "The server is busy reading other imports; try again in a minute. Nothing was imported.",
    };
  }
  await turn;
  try {
    const request: ReadUploadRequest = { uploads, limits: options.limits ?? {}, review: options.review === true };
    return await readInWorker(request, { ...UPLOAD_WORKER_LIMITS, ...options.worker });
  } finally {
    release();
  }
}

function transferables(uploads: readonly Upload[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { bytes } of uploads) {
    // Only a buffer the upload owns whole may move; a view into a shared pool is copied instead.
    if (bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
      buffers.add(bytes.buffer);
    }
  }
  return [...buffers];
}

function readInWorker(request: ReadUploadRequest, limits: WorkerLimits): Promise<UploadOutcome> {
  // Only the Next.js build runs this: it bundles the worker file to JavaScript. Scripts and tests
  // call previewUpload in-process instead (Node 20 cannot load a TypeScript worker from source).
  const worker = new Worker(new URL("./upload.worker.ts", import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: UploadOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      finish({
        ok: false,
        code: "too_large",
        message: `Reading the upload took longer than ${limits.timeoutMs / 1000} s, the limit for one import; import it in parts. Nothing was imported.`,
      });
    }, limits.timeoutMs);
    worker.once("message", (reply: ReadUploadReply) => {
      if (reply.ok) finish({ ok: true, preview: reply.preview });
      else finish({ ok: false, code: "too_large", message: `${capitalise(reply.tooLarge)}.` });
    });
    worker.once("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
        finish({
          ok: false,
          code: "too_large",
          message: `Reading the upload needed more than ${limits.maxOldGenerationSizeMb} MB of memory, the limit for one import; import it in parts. Nothing was imported.`,
        });
      } else {
        // The cause goes to the server log; the learner gets a plain message without internals.
        console.error("upload reader failed", error);
        finish({
          ok: false,
          code: "failed",
          message: "The upload could not be read because of an error on the server. Nothing was imported.",
        });
      }
    });
    worker.once("exit", (code) => {
      finish({ ok: false, code: "failed", message: `The upload reader stopped unexpectedly (exit code ${code}). Nothing was imported.` });
    });
    worker.postMessage(request, transferables(request.uploads));
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
