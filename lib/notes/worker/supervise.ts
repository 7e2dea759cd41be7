// superviseWorker: the one place that watches a worker thread doing one job for a request. The
// caller creates the Worker itself (the bundler only picks up `new Worker(new URL("<literal>",
// import.meta.url))` written in the caller's own file) and hands it over with the request; the
// supervisor posts the request, waits for the one reply, and ends the thread whatever happens:
// a reply, an overrun of the deadline, a heap over its cap, a crash, or an exit without a reply.
// The first of these settles the outcome; later events are ignored.

import type { Worker } from "node:worker_threads";

export interface WorkerLimits {
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
}

/** One upload read or one export: a minute, and a heap cap well under the server's own. */
export const UPLOAD_WORKER_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxOldGenerationSizeMb: 1024 };

/**
 * Creates the worker for one job with the heap cap in limits. The default in each caller writes
 * `new Worker(new URL("./<file>.worker.ts", import.meta.url), { resourceLimits: { ... } })` in full:
 * Turbopack bundles a worker only from that shape, with the options written as an object literal
 * (an options variable leaves the worker file unbundled and the thread fails to start).
 */
export type SpawnWorker = (limits: WorkerLimits) => Worker;

/** How a caller may run one worker job: other limits, or (in tests) its own worker. */
export interface WorkerJobOptions {
  limits?: Partial<WorkerLimits>;
  /** Tests hand in their own worker; the server uses the caller's bundled worker file. */
  spawn?: SpawnWorker;
}

/** What the learner reads when the worker does not reply; the caller words them for its job. */
export interface SupervisorMessages {
  /** The job ran past limits.timeoutMs. */
  overtime: string;
  /** The job's heap outgrew limits.maxOldGenerationSizeMb. */
  outOfMemory: string;
  /** The job threw: the cause goes to the server log, not to the learner. */
  failed: string;
  /** The thread ended without replying. */
  stopped: (exitCode: number) => string;
  /** Names the job in the server log. */
  logLabel: string;
}

export type WorkerFailureCause = "deadline" | "out_of_memory" | "crashed" | "stopped";

export type WorkerFailure = { ok: false; code: "too_large" | "failed"; message: string; cause: WorkerFailureCause };

export type Supervised<Reply> = { ok: true; reply: Reply } | WorkerFailure;

export interface WorkerJob {
  /**
   * Messages posted ahead of the request, one per turn of the event loop: a big job sent in slices
   * holds the loop for one slice's copy at a time instead of the whole job's.
   */
  parts?: readonly unknown[];
  /** The last message: the worker replies once it has this one. */
  request: unknown;
  /** Buffers that move to the worker instead of being copied (the caller no longer uses them). */
  transfer?: ArrayBuffer[];
}

export function superviseWorker<Reply>(
  worker: Worker,
  job: WorkerJob,
  limits: WorkerLimits,
  messages: SupervisorMessages,
): Promise<Supervised<Reply>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Supervised<Reply>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ ok: false, code: "too_large", message: messages.overtime, cause: "deadline" }),
      limits.timeoutMs,
    );
    worker.once("message", (reply: Reply) => finish({ ok: true, reply }));
    worker.once("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
        finish({ ok: false, code: "too_large", message: messages.outOfMemory, cause: "out_of_memory" });
        return;
      }
      console.error(`${messages.logLabel} failed`, error);
      finish({ ok: false, code: "failed", message: messages.failed, cause: "crashed" });
    });
    worker.once("exit", (exitCode: number) => {
      finish({ ok: false, code: "failed", message: messages.stopped(exitCode), cause: "stopped" });
    });
    void (async () => {
      for (const part of job.parts ?? []) {
        if (settled) return;
        worker.postMessage(part);
        await new Promise((resume) => setImmediate(resume));
      }
      if (!settled) worker.postMessage(job.request, job.transfer ?? []);
    })();
  });
}

/** The buffers among these views that a view owns whole: only those may move; a pooled one is copied. */
export function ownedBuffers(views: Iterable<Uint8Array>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const view of views) {
    if (view.buffer instanceof ArrayBuffer && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) {
      buffers.add(view.buffer);
    }
  }
  return [...buffers];
}
