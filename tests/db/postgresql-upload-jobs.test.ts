// An import whose server dies mid-import, on PostgreSQL: the worker process is killed while its
// import waits inside its transaction, nothing of it is written, and the worker of another process
// takes the job from the queue and imports the stored upload once.
// (Imports and restores as jobs through their routes, on both engines: upload-runs.test.ts.)
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_JOB_TIMINGS } from "../support/job-timings.ts";
import { createLearner } from "../support/learners.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";
import "../support/ts-workers.ts";
import { until } from "../support/until.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { databaseCoordination } = await import("@/lib/db/engine/coordination.ts");
const { postgresJobQueue } = await import("@/lib/db/engine/postgresql/jobs.ts");
const { UPLOAD_JOB, startUploadWorker, uploadRunView } = await import("@/lib/db/upload-runs.ts");

const root = fileURLToPath(new URL("../..", import.meta.url));
const stopAtEnd: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const stop of stopAtEnd.reverse()) await stop().catch(() => {});
  await databaseCoordination().jobs.stop();
  await prisma.$disconnect();
  await database.cleanup();
});

/** The import page's form as the route stores it: its bytes and Content-Type (with the boundary). */
async function storedForm(): Promise<{ payload: Uint8Array<ArrayBuffer>; payloadType: string }> {
  const form = new FormData();
  form.set("mode", "apply");
  form.append(
    "file",
    new Blob(["# Handover\n\n- Who finishes a dead server's import?\n\t- Another server\n- How often?\n\t- Once\n"]),
    "handover.md",
  );
  form.append("path", "handover.md");
  const request = new Request("http://localhost/api/import", { method: "POST", body: form });
  return { payload: new Uint8Array(await request.arrayBuffer()), payloadType: request.headers.get("content-type")! };
}

describe("an import whose worker dies mid-import", () => {
  it("is left to the worker of another process, which imports it once", { timeout: 120_000 }, async () => {
    const learner = await createLearner("handover@example.com");
    const ownCards = () => prisma.card.count({ where: { scope: learner.id } });

    // A table lock that lets reads by but not the import's locking read of the cards: the first
    // worker's import waits inside its transaction until the lock goes.
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    stopAtEnd.push(() => holder.end());
    await holder.query(`BEGIN; LOCK TABLE "Card" IN EXCLUSIVE MODE`);
    // Watched from outside that transaction, whose view of pg_stat_activity would stay as it first saw it.
    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    stopAtEnd.push(() => watcher.end());

    const doomed = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/support/upload-worker-process.ts", database.url],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    stopAtEnd.push(async () => void doomed.kill("SIGKILL"));
    const firstLine = createInterface({ input: doomed.stdout })[Symbol.asyncIterator]().next();
    expect((await firstLine).value).toBe("ready");

    // Queued as the import route queues it, from a queue that does not work it: only the doomed process does.
    const queue = postgresJobQueue(database.url, TEST_JOB_TIMINGS);
    stopAtEnd.push(() => queue.stop());
    const run = await prisma.uploadRun.create({ data: { userId: learner.id, kind: "import", ...(await storedForm()) } });
    expect(await queue.enqueue(UPLOAD_JOB, learner.id, { runId: run.id })).toBe(true);

    await until(
      () =>
        watcher.query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%"Card"%'`,
        ),
      (result) => result.rows[0]!.n > 0,
      "the doomed worker's import to wait on the cards",
    );
    // Killed at once: the import gives up its wait after the pool's lock timeout (10 s).
    const exited = new Promise((resolve) => doomed.once("exit", resolve));
    doomed.kill("SIGKILL");
    await exited;
    await holder.query("ROLLBACK");
    expect(await uploadRunView(learner, run.id)).toEqual({ status: "running" });
    // The job is still the learner's one: another cannot be queued beside it.
    expect(await queue.enqueue(UPLOAD_JOB, learner.id, { runId: "another" })).toBe(false);
    // Its transaction died with it.
    expect(await ownCards()).toBe(0);

    // This process is the other server: its worker takes the job once the dead one's heartbeat lapses.
    await startUploadWorker();
    const ended = await until(
      () => uploadRunView(learner, run.id),
      (view) => view?.status === "done" || view?.status === "failed",
      "the other worker to finish the import",
      { timeoutMs: 60_000 },
    );
    expect(ended).toMatchObject({ status: "done", outcome: { ok: true, body: { applied: true, counts: { created: 2 } } } });
    expect(await ownCards()).toBe(2);
    expect(await prisma.uploadRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "done", payload: null });
  });
});
