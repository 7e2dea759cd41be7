// "Optimize my parameters" as a job: the request queues a run and follows it in the OptimizerRun
// row, and a worker (this process on SQLite; any app server's on PostgreSQL) trains and writes the
// row. So a run survives the page that asked for it, and on PostgreSQL the server that runs it.
// The optimizer itself is optimizeForLearner (optimize.ts), unchanged.
import "server-only";
import { z } from "zod";
import { prisma } from "./client.ts";
import { databaseCoordination } from "./engine/coordination.ts";
import type { JobData, JobQueue } from "./engine/ports.ts";
import { jsonColumn, storedJson } from "./json-column.ts";
import { optimizeForLearner, type LearnerOptimizeResult } from "./optimize.ts";
import { findSessionUser, type SessionUser } from "./users.ts";

const OPTIMIZE_JOB = "optimize-parameters";

/** Progress is written at most this often: the page polls it, and each write is a round trip. */
const PROGRESS_WRITE_MS = 250;

const modelFit = z.object({ logLoss: z.number(), rmse: z.number() });

/** OptimizerRun.result: the LearnerOptimizeResult a finished run wrote. */
const storedResultSchema = z.discriminatedUnion("tooFewReviews", [
  z.object({
    tooFewReviews: z.literal(false),
    parameters: z.array(z.number()),
    before: modelFit,
    after: modelFit,
    better: z.boolean(),
    reviewsUsed: z.number(),
    items: z.number(),
    applied: z.boolean(),
  }),
  z.object({ tooFewReviews: z.literal(true), needed: z.number(), reviewsUsed: z.number(), items: z.number(), applied: z.boolean() }),
]) satisfies z.ZodType<LearnerOptimizeResult>;

export const OPTIMIZER_FAILED_MESSAGE = "The optimizer failed; your parameters were not changed.";

export type OptimizerRunStatus = "queued" | "running" | "done" | "failed";

export interface OptimizerRunView {
  status: OptimizerRunStatus;
  done: number;
  total: number;
  /** Set once done. */
  result: LearnerOptimizeResult | null;
  /** Set once failed: a sentence for the learner. */
  error: string | null;
}

const globalForWorkers = globalThis as unknown as { iamRecallOptimizerWorkers?: WeakMap<JobQueue, Promise<void>> };

/** Makes this process a worker of optimizer runs, once per job queue; every app server calls it at start. */
export function startOptimizerWorker(): Promise<void> {
  const jobs = databaseCoordination().jobs;
  const workers = (globalForWorkers.iamRecallOptimizerWorkers ??= new WeakMap());
  let started = workers.get(jobs);
  if (!started) {
    started = jobs.work(OPTIMIZE_JOB, runOptimizerJob);
    started.catch(() => workers.delete(jobs));
    workers.set(jobs, started);
  }
  return started;
}

/** Queues a run for the learner and returns its id, or null when one is already queued or running. */
export async function startOptimizerRun(user: SessionUser): Promise<string | null> {
  await startOptimizerWorker();
  const run = await prisma.optimizerRun.create({ data: { userId: user.id }, select: { id: true } });
  const queued = await databaseCoordination()
    .jobs.enqueue(OPTIMIZE_JOB, user.id, { runId: run.id })
    .catch(async (error: unknown) => {
      await prisma.optimizerRun.delete({ where: { id: run.id } });
      throw error;
    });
  if (!queued) {
    await prisma.optimizerRun.delete({ where: { id: run.id } });
    return null;
  }
  return run.id;
}

/** The learner's run as it stands, or null when it is not theirs (or gone). */
export async function optimizerRunView(user: SessionUser, runId: string): Promise<OptimizerRunView | null> {
  const row = await prisma.optimizerRun.findFirst({
    where: { id: runId, userId: user.id },
    select: { status: true, done: true, total: true, result: true, error: true },
  });
  if (!row) return null;
  return {
    status: row.status as OptimizerRunStatus,
    done: row.done,
    total: row.total,
    result: row.result === null ? null : storedJson(storedResultSchema, row.result, "OptimizerRun.result"),
    error: row.error,
  };
}

/**
 * One attempt at a run. A run found finished was completed by an earlier attempt whose end the
 * queue did not hear of; it is left as it is. An optimizer failure ends the run as failed (trying
 * again would fail the same way); losing this server's hold on the job (`signal`) leaves the run
 * to the worker that takes the job next.
 */
async function runOptimizerJob(data: JobData, signal: AbortSignal): Promise<void> {
  const runId = data.runId;
  if (!runId) throw new Error("optimizer job without a runId");
  const run = await prisma.optimizerRun.findUnique({ where: { id: runId }, select: { userId: true, status: true } });
  if (!run || run.status === "done" || run.status === "failed") return;
  const user = await findSessionUser(run.userId);
  if (!user) return;
  await prisma.optimizerRun.update({ where: { id: runId }, data: { status: "running", done: 0, total: 0 } });
  const progress = progressWriter(runId);
  try {
    const result = await optimizeForLearner(user, { signal, onProgress: progress.report });
    await progress.flush();
    await prisma.optimizerRun.update({ where: { id: runId }, data: { status: "done", result: jsonColumn(result) } });
  } catch (error) {
    await progress.flush();
    if (signal.aborted) throw error;
    console.error("optimize failed", error);
    await prisma.optimizerRun.update({ where: { id: runId }, data: { status: "failed", error: OPTIMIZER_FAILED_MESSAGE } });
  }
}

/** The optimizer reports progress synchronously and often; the row gets the latest, in order, a few times a second. */
function progressWriter(runId: string) {
  let latest: { done: number; total: number } | null = null;
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const write = () => {
    if (!latest) return;
    const values = latest;
    latest = null;
    lastWrite = Date.now();
    writing = writing.then(() =>
      prisma.optimizerRun
        .update({ where: { id: runId }, data: values })
        .catch((error: unknown) => console.error("optimize progress", error)),
    );
  };
  return {
    report(done: number, total: number) {
      latest = { done, total };
      if (Date.now() - lastWrite >= PROGRESS_WRITE_MS) write();
    },
    async flush() {
      write();
      await writing;
    },
  };
}
