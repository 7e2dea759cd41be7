// The durable job queue on PostgreSQL (pg-boss) when a server dies: a job whose worker process is
// killed mid-run is finished by the worker of another process, and never runs twice at once.
// (Queueing, running and reading back an optimizer run, on both engines: optimizer-runs.test.ts.)
import { spawn, type ChildProcessByStdio } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_JOB_TIMINGS } from "../support/job-timings.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { until } from "../support/until.ts";

const database = await setUpTempDatabase();
const { postgresJobQueue } = await import("@/lib/db/engine/postgresql/jobs.ts");

const root = fileURLToPath(new URL("../..", import.meta.url));
const stopAtEnd: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const stop of stopAtEnd) await stop().catch(() => {});
  await database.cleanup();
});

describe("a worker that dies mid-job", () => {
  it("leaves the job to the worker of another process, which finishes it", { timeout: 90_000 }, async () => {
    const kind = "test-handover";
    const survivor = postgresJobQueue(database.url, TEST_JOB_TIMINGS);
    stopAtEnd.push(() => survivor.stop());
    const doomed = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/support/job-worker-process.ts", database.url, kind],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    stopAtEnd.push(async () => void doomed.kill("SIGKILL"));
    const lines = outputLines(doomed);
    expect(await lines.next()).toBe("ready");

    expect(await survivor.enqueue(kind, "learner-x", { runId: "run-1" })).toBe(true);
    expect(await lines.next()).toBe(`started ${JSON.stringify({ runId: "run-1" })}`);
    // One job per key while it runs, across processes.
    expect(await survivor.enqueue(kind, "learner-x", { runId: "run-2" })).toBe(false);

    const exited = new Promise((resolve) => doomed.once("exit", resolve));
    doomed.kill("SIGKILL");
    await exited;
    const killedAt = Date.now();
    const taken = new Promise<{ data: unknown; retried: number }>((resolve) => {
      void survivor.work(kind, async (data) => resolve({ data, retried: Date.now() - killedAt }));
    });
    const { data, retried } = await taken;
    expect(data).toEqual({ runId: "run-1" });
    // Not before the dead worker's heartbeat (10 s) lapsed: the job was taken back, not run twice at once.
    expect(retried).toBeGreaterThan(5_000);
    // Finished, the key is free for the next job.
    await until(
      () => survivor.enqueue(kind, "learner-x", { runId: "run-3" }),
      (queued) => queued,
      "the key to be free",
      { timeoutMs: 10_000 },
    );
  });
});

/** The child's stdout a line at a time, each awaited in turn. */
function outputLines(child: ChildProcessByStdio<null, Readable, null>) {
  const iterator = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async next(): Promise<string> {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("no line from the worker process in 30 s")), 30_000),
      );
      const line = await Promise.race([iterator.next(), timeout]);
      if (line.done) throw new Error("the worker process ended");
      return line.value;
    },
  };
}
