// "Optimize my parameters" as a job, on the engine under test: the request queues a run, a worker
// (this process on SQLite, the pg-boss queue's on PostgreSQL) runs it, and the run's row carries its
// progress and result to whoever follows it. One run per learner while one is queued or running.
// The optimizer here is a stand-in the test steps through, so what the row shows mid-run is
// certain; the real one runs behind the route in optimize-route.test.ts.
import { afterAll, describe, expect, it, vi } from "vitest";
import { createLearner } from "../support/learners.ts";
import { testEngine } from "../support/database.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { until } from "../support/until.ts";

const optimizer = vi.hoisted(() => {
  let finish: (outcome: "result" | "failure") => void = () => {};
  return {
    started: 0,
    /** Lets the run in progress end, with a result or a failure. */
    finish: (outcome: "result" | "failure") => finish(outcome),
    async run(onProgress?: (done: number, total: number) => void) {
      optimizer.started++;
      onProgress?.(3, 10);
      const outcome = await new Promise<"result" | "failure">((resolve) => (finish = resolve));
      if (outcome === "failure") throw new Error("the optimizer broke");
      onProgress?.(10, 10);
      return { tooFewReviews: true as const, needed: 396, reviewsUsed: 4, items: 4, applied: false };
    },
  };
});
vi.mock("@/lib/db/optimize.ts", () => ({
  optimizeForLearner: (_user: unknown, options: { onProgress?: (done: number, total: number) => void } = {}) =>
    optimizer.run(options.onProgress),
}));

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { databaseCoordination } = await import("@/lib/db/engine/coordination.ts");
const { OPTIMIZER_FAILED_MESSAGE, optimizerRunView, startOptimizerRun } = await import("@/lib/db/optimizer-runs.ts");

afterAll(async () => {
  await databaseCoordination().jobs.stop();
  await prisma.$disconnect();
  await database.cleanup();
});

describe(`optimizer runs on ${testEngine()}`, () => {
  it("queues a run, refuses a second while it runs, and keeps its progress and result in its row", { timeout: 60_000 }, async () => {
    const learner = await createLearner("runs@example.com");
    const outsider = await createLearner("runs-outsider@example.com");
    const runId = await startOptimizerRun(learner);
    expect(runId).toEqual(expect.any(String));
    expect(await startOptimizerRun(learner)).toBeNull();
    // The refused request leaves no row behind, and the run is its learner's only.
    expect(await prisma.optimizerRun.count({ where: { userId: learner.id } })).toBe(1);
    expect(await optimizerRunView(outsider, runId!)).toBeNull();

    const running = await until(
      () => optimizerRunView(learner, runId!),
      (v) => v?.total === 10,
      "the run's progress",
    );
    expect(running).toEqual({ status: "running", done: 3, total: 10, result: null, error: null });
    expect(await startOptimizerRun(learner)).toBeNull();

    optimizer.finish("result");
    const done = await until(
      () => optimizerRunView(learner, runId!),
      (v) => v?.status !== "running",
      "the run to end",
    );
    expect(done).toEqual({
      status: "done",
      done: 10,
      total: 10,
      result: { tooFewReviews: true, needed: 396, reviewsUsed: 4, items: 4, applied: false },
      error: null,
    });
    expect(optimizer.started).toBe(1);
  });

  it("ends a run as failed, with a sentence for the learner, and frees the learner for the next", { timeout: 60_000 }, async () => {
    const learner = await createLearner("runs-failing@example.com");
    const runId = await startOptimizerRun(learner);
    await until(
      () => optimizerRunView(learner, runId!),
      (v) => v?.status === "running",
      "the run to start",
    );
    optimizer.finish("failure");
    const failed = await until(
      () => optimizerRunView(learner, runId!),
      (v) => v?.status !== "running",
      "the run to end",
    );
    expect(failed).toMatchObject({ status: "failed", result: null, error: OPTIMIZER_FAILED_MESSAGE });

    const next = await startOptimizerRun(learner);
    expect(next).toEqual(expect.any(String));
    await until(
      () => optimizerRunView(learner, next!),
      (v) => v?.status === "running",
      "the next run to start",
    );
    optimizer.finish("result");
    await until(
      () => optimizerRunView(learner, next!),
      (v) => v?.status === "done",
      "the next run to end",
    );
  });
});
