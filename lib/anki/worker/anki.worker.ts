// The Anki reader's thread: one request in, one reply out, then its parent ends it. Errors other
// than a refusal escape, so the parent sees the worker fail.
import { parentPort } from "node:worker_threads";
import type { ReadAnkiRequest } from "./messages.ts";
import { readAnkiRequest } from "./read-request.ts";

const port = parentPort;
if (port) {
  port.once("message", (request: ReadAnkiRequest) => {
    port.postMessage(readAnkiRequest(request));
  });
}
