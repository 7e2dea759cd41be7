// superviseWorker against a tiny fixture worker: a reply settles the job and ends the thread; an
// overrun, a heap over its cap, a crash and an exit each settle it once with their own answer.
import { afterEach, describe, expect, it, vi } from "vitest";
import { superviseWorker, type SupervisorMessages, type WorkerLimits } from "@/lib/notes/worker/index.ts";
import { spawnFixture, type FixtureMode } from "./spawn.ts";

const messages: SupervisorMessages = {
  overtime: "too slow",
  outOfMemory: "too big",
  failed: "server error",
  stopped: (code) => `stopped with ${code}`,
  logLabel: "fixture",
};
const limits: WorkerLimits = { timeoutMs: 5_000, maxOldGenerationSizeMb: 32 };

function run(mode: FixtureMode, request: unknown = { n: 1 }, overrides: Partial<WorkerLimits> = {}) {
  const chosen = { ...limits, ...overrides };
  const worker = spawnFixture(mode)(chosen);
  const exited = new Promise<number>((resolve) => worker.once("exit", resolve));
  return { worker, exited, outcome: superviseWorker<{ echoed: unknown }>(worker, { request }, chosen, messages) };
}

afterEach(() => vi.restoreAllMocks());

describe("superviseWorker", () => {
  it("hands back the worker's reply and ends the thread", async () => {
    const { outcome, exited } = run("echo", { deck: "IAM", cards: [1, 2, 3] });
    expect(await outcome).toEqual({ ok: true, reply: { echoed: { deck: "IAM", cards: [1, 2, 3] } } });
    await exited;
  });

  it("moves transferred buffers instead of copying them", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const worker = spawnFixture("echo")(limits);
    const outcome = await superviseWorker<{ echoed: Uint8Array }>(worker, { request: bytes, transfer: [bytes.buffer] }, limits, messages);
    expect(bytes.byteLength).toBe(0);
    expect(outcome.ok && [...outcome.reply.echoed]).toEqual([1, 2, 3]);
  });

  it("posts a job's parts in order and the request last", async () => {
    const worker = spawnFixture("collect")(limits);
    const parts = Array.from({ length: 5 }, (_, i) => ({ slice: i }));
    const outcome = await superviseWorker<{ echoed: unknown[] }>(worker, { parts, request: { last: true } }, limits, messages);
    expect(outcome).toEqual({ ok: true, reply: { echoed: [...parts, { last: true }] } });
  });

  it("ends a worker that overruns its deadline and says so", async () => {
    const { outcome, exited } = run("hang", {}, { timeoutMs: 200 });
    expect(await outcome).toEqual({ ok: false, code: "too_large", message: "too slow", cause: "deadline" });
    await exited;
  });

  it("answers too_large when the worker's heap outgrows its cap", async () => {
    const { outcome } = run("oom", {}, { maxOldGenerationSizeMb: 16, timeoutMs: 15_000 });
    expect(await outcome).toEqual({ ok: false, code: "too_large", message: "too big", cause: "out_of_memory" });
  });

  it("logs a crash for the server and gives the learner a plain message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { outcome } = run("crash");
    expect(await outcome).toEqual({ ok: false, code: "failed", message: "server error", cause: "crashed" });
    expect(log).toHaveBeenCalledWith("fixture failed", expect.objectContaining({ message: "fixture crashed on purpose" }));
  });

  it("reports a worker that exits without replying, with its exit code", async () => {
    const { outcome } = run("exit");
    expect(await outcome).toEqual({ ok: false, code: "failed", message: "stopped with 3", cause: "stopped" });
  });
});
