// The upload reader's thread: one request in, one reply out, then the thread is ended by its parent.
// An error other than "too large" is left to escape, so the parent sees the worker fail.

import { parentPort } from "node:worker_threads";
import { ImportTooLarge } from "../input/budget.ts";
import { previewUpload } from "../upload-preview.ts";
import type { ReadUploadReply, ReadUploadRequest } from "./messages.ts";

const port = parentPort;
if (port) {
  port.once("message", (request: ReadUploadRequest) => {
    let reply: ReadUploadReply;
    try {
      reply = { ok: true, preview: previewUpload(request.uploads, request.limits, { review: request.review === true }) };
    } catch (error) {
      if (!(error instanceof ImportTooLarge)) throw error;
      reply = { ok: false, tooLarge: error.message };
    }
    port.postMessage(reply);
  });
}
