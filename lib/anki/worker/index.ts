// readAnkiInWorker: unzips, decompresses and reads an Anki package in a worker thread with its own
// heap cap and deadline, so a large or hostile package never holds the server's event loop.
// Node-only and bundled by Next.js from this file (as lib/notes/worker is); the CLI and tests call
// readAnkiRequest in-process instead.
import { Worker } from "node:worker_threads";
import { UPLOAD_WORKER_LIMITS } from "../../notes/worker/index.ts";
import type { ReadAnkiReply, ReadAnkiRequest } from "./messages.ts";

export { readAnkiRequest } from "./read-request.ts";
export type { ReadAnkiReply, ReadAnkiRequest } from "./messages.ts";

export type AnkiOutcome = ReadAnkiReply | { ok: false; code: "failed"; message: string };

export function readAnkiInWorker(request: ReadAnkiRequest, limits = UPLOAD_WORKER_LIMITS): Promise<AnkiOutcome> {
  const worker = new Worker(new URL("./anki.worker.ts", import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: AnkiOutcome) => {
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
        message: `Reading ${request.file} took longer than ${limits.timeoutMs / 1000} s, the limit for one import. Nothing was imported.`,
      });
    }, limits.timeoutMs);
    worker.once("message", (reply: ReadAnkiReply) => finish(reply));
    worker.once("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
        finish({
          ok: false,
          code: "too_large",
          message: `Reading ${request.file} needed more than ${limits.maxOldGenerationSizeMb} MB of memory. Nothing was imported.`,
        });
        return;
      }
      console.error("anki reader failed", error);
      finish({
        ok: false,
        code: "failed",
        message: `${request.file} could not be read because of an error on the server. Nothing was imported.`,
      });
    });
    worker.once("exit", (code) =>
      finish({ ok: false, code: "failed", message: `The Anki reader stopped unexpectedly (exit code ${code}). Nothing was imported.` }),
    );
    const owned =
      request.bytes.byteOffset === 0 &&
      request.bytes.byteLength === request.bytes.buffer.byteLength &&
      request.bytes.buffer instanceof ArrayBuffer;
    worker.postMessage(request, owned ? [request.bytes.buffer as ArrayBuffer] : []);
  });
}
