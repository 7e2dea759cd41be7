// A tiny worker for the supervisor's tests; workerData.mode says how it behaves with the request.
import { parentPort, workerData } from "node:worker_threads";

const port = parentPort;
const mode = workerData?.mode ?? "echo";
const collected = [];

port?.on("message", (message) => {
  if (mode === "echo") port.postMessage({ echoed: message });
  if (mode === "crash") throw new Error("fixture crashed on purpose");
  if (mode === "exit") process.exit(3);
  if (mode === "oom") {
    const kept = [];
    for (;;) kept.push(new Array(100_000).fill({ grow: kept.length }));
  }
  // "hold": the request is kept waiting until the test sends { release: <reply> }.
  if (mode === "hold" && message && typeof message === "object" && "release" in message) port.postMessage(message.release);
  // "collect": keeps every message until one says it is the last, then replies with them all.
  if (mode === "collect") {
    collected.push(message);
    if (message && typeof message === "object" && message.last === true) port.postMessage({ echoed: collected });
  }
  // "hang": never replies.
});
