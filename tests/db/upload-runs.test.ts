// Imports and restores as jobs, through their routes, on the engine under test: POST /api/import
// (mode=apply) and POST /api/export/backup answer 202 with a run, a worker (this process on SQLite,
// the pg-boss queue's on PostgreSQL) applies the stored upload, and GET /api/upload-runs/<id>
// answers 202 until the run ends, then what the upload's route answered before it ran as a job.
// Only the learner who started a run can read it; one import or restore per learner at a time.
// (A worker killed mid-import, on PostgreSQL: postgresql-upload-jobs.test.ts.)
import "../support/ts-workers.ts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testEngine } from "../support/database.ts";
import { createLearner, type TestUser } from "../support/learners.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const session = vi.hoisted(() => ({ user: null as TestUser | null }));
vi.mock("@/lib/auth/index.ts", () => ({ currentUser: async () => session.user }));

// A gate the test may close in front of the import's database half, so a run is certainly still
// running while the test looks at it.
const gate = vi.hoisted(() => {
  let open: Promise<void> = Promise.resolve();
  let release = () => {};
  return {
    close() {
      open = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    passed: () => open,
  };
});
vi.mock("@/lib/db/web-import.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/db/web-import.ts")>();
  return {
    ...real,
    importIntoLibrary: async (...args: Parameters<typeof real.importIntoLibrary>) => {
      await gate.passed();
      return real.importIntoLibrary(...args);
    },
  };
});

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { databaseCoordination } = await import("@/lib/db/engine/coordination.ts");
const { exportBackup } = await import("@/lib/db/backup.ts");
const { recordGrade } = await import("@/lib/db/review/index.ts");
const importRoute = await import("@/app/api/import/route.ts");
const backupRoute = await import("@/app/api/export/backup/route.ts");
const runRoute = await import("@/app/api/upload-runs/[runId]/route.ts");

let learner: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  learner = await createLearner("upload-runs@example.com");
  outsider = await createLearner("upload-runs-outsider@example.com");
});

afterAll(async () => {
  gate.release();
  await databaseCoordination().jobs.stop();
  await prisma.$disconnect();
  await database.cleanup();
});

const NOTES = "# Runs\n\n- What does a job queue keep?\n\t- The work a dead server leaves\n- Who may read a run?\n\t- Its learner\n";

function importForm(mode: "preview" | "apply", text = NOTES, name = "runs.md"): FormData {
  const form = new FormData();
  form.set("mode", mode);
  form.append("file", new Blob([text]), name);
  form.append("path", name);
  return form;
}

const postImport = (form: FormData) => importRoute.POST(new Request("http://localhost/api/import", { method: "POST", body: form }));

const postRestore = (body: string) =>
  backupRoute.POST(
    new Request("http://localhost/api/export/backup", { method: "POST", headers: { "Content-Type": "application/json" }, body }),
  );

const getRun = (runId: string) =>
  runRoute.GET(new Request(`http://localhost/api/upload-runs/${runId}`), { params: Promise.resolve({ runId }) });

async function accepted(response: Response): Promise<string> {
  expect(response.status, await response.clone().text()).toBe(202);
  const body = (await response.json()) as { runId: string; status: string };
  expect(body.status).toBe("queued");
  expect(response.headers.get("Location")).toBe(`/api/upload-runs/${body.runId}`);
  return body.runId;
}

/** Polls the run as the page does until it answers anything but 202. */
async function follow(runId: string): Promise<Response> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await getRun(runId);
    if (response.status !== 202) return response;
    if (Date.now() > deadline) throw new Error(`run ${runId} still going after 30 s: ${await response.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function untilRunning(runId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await prisma.uploadRun.findUniqueOrThrow({ where: { id: runId } })).status !== "running") {
    if (Date.now() > deadline) throw new Error(`run ${runId} did not start in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ownCards = () => prisma.card.count({ where: { scope: learner.id } });

describe(`imports and restores as jobs on ${testEngine()}`, () => {
  it("answers a preview in the request, writing nothing and queueing no run", { timeout: 60_000 }, async () => {
    session.user = learner;
    const response = await postImport(importForm("preview"));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ applied: false, counts: { created: 2 } });
    expect(await prisma.uploadRun.count()).toBe(0);
    expect(await ownCards()).toBe(0);
  });

  it("applies an import as a job whose answer only its learner can read", { timeout: 60_000 }, async () => {
    session.user = learner;
    const runId = await accepted(await postImport(importForm("apply")));

    session.user = outsider;
    const outsiders = await getRun(runId);
    expect(outsiders.status).toBe(404);
    expect(await outsiders.json()).toMatchObject({ code: "not_found" });
    session.user = null;
    expect((await getRun(runId)).status).toBe(401);

    session.user = learner;
    const answer = await follow(runId);
    expect(answer.status, await answer.clone().text()).toBe(200);
    expect(await answer.json()).toMatchObject({ applied: true, counts: { created: 2 } });
    expect(await ownCards()).toBe(2);
    // The upload goes once the run ended; its answer stays for the page to fetch again.
    expect(await prisma.uploadRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "done", payload: null });
    expect((await getRun(runId)).status).toBe(200);
    // Still nobody else's, ended or not.
    session.user = outsider;
    expect((await getRun(runId)).status).toBe(404);
  });

  it("answers a refused import through its run, with the code and status the route gave before", { timeout: 60_000 }, async () => {
    session.user = learner;
    const form = importForm("apply", "a,b\n", "table.csv");
    form.append("column", "no-such-role");
    const answer = await follow(await accepted(await postImport(form)));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ code: "invalid", error: "Each column's role must be front, back, tags, deck or ignore." });
  });

  it("refuses a malformed form at once, storing nothing", async () => {
    session.user = learner;
    const before = await prisma.uploadRun.count();
    const form = new FormData();
    form.set("mode", "apply");
    const response = await postImport(form);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid" });
    expect(await prisma.uploadRun.count()).toBe(before);
  });

  it("runs one import or restore per learner at a time, and another learner's alongside", { timeout: 60_000 }, async () => {
    session.user = learner;
    gate.close();
    const more = "# Queue\n\n- What waits its turn?\n\t- A learner's second upload\n- What is let through?\n\t- Another learner's\n";
    const first = await accepted(await postImport(importForm("apply", more, "queue.md")));
    await untilRunning(first);

    const second = await postImport(importForm("apply"));
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ code: "already_running" });
    const restore = await postRestore("{}");
    expect(restore.status).toBe(409);
    expect(await restore.json()).toMatchObject({ code: "already_running", issues: [] });
    // The refused requests leave no run behind.
    expect(await prisma.uploadRun.count({ where: { userId: learner.id, status: { in: ["queued", "running"] } } })).toBe(1);

    session.user = outsider;
    const theirs = await accepted(await postRestore("{}"));
    expect((await follow(theirs)).status).toBe(422);

    session.user = learner;
    gate.release();
    const answer = await follow(first);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ applied: true, counts: { created: 2 } });
  });

  it("restores a backup as a job; the same backup applied again leaves the same rows", { timeout: 60_000 }, async () => {
    session.user = learner;
    const card = await prisma.card.findFirstOrThrow({ where: { scope: learner.id }, select: { id: true } });
    const graded = await recordGrade(
      learner,
      { cardId: card.id, rating: 3, version: 0, clientReviewId: "upload-runs-1", durationMs: 1200 },
      new Date("2026-04-06T08:00:00Z"),
    );
    expect(graded.ok).toBe(true);
    const backup = JSON.stringify(await exportBackup(learner, new Date("2026-04-06T09:00:00Z")));
    await prisma.reviewLog.deleteMany({ where: { userId: learner.id } });
    await prisma.cardState.deleteMany({ where: { userId: learner.id } });

    const answer = await follow(await accepted(await postRestore(backup)));
    expect(answer.status, await answer.clone().text()).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, cards: 1, reviews: 1 });
    const rows = async () => ({
      states: await prisma.cardState.findMany({ where: { userId: learner.id }, omit: { id: true, updatedAt: true, version: true } }),
      logs: await prisma.reviewLog.findMany({ where: { userId: learner.id }, omit: { id: true, clientReviewId: true } }),
    });
    const once = await rows();
    expect(once.logs).toHaveLength(1);

    // What a job retried after its server died mid-restore does: the backup's rows replace themselves.
    expect((await follow(await accepted(await postRestore(backup)))).status).toBe(200);
    expect(await rows()).toEqual(once);
  });

  it("answers a restore's refusals through its run, issues listed", { timeout: 60_000 }, async () => {
    session.user = learner;
    const notJson = await follow(await accepted(await postRestore("{not json")));
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: "invalid", issues: [], error: expect.stringMatching(/^This file is not JSON/) });

    const wrong = await follow(await accepted(await postRestore(JSON.stringify({ format: "something else" }))));
    expect(wrong.status).toBe(422);
    const body = (await wrong.json()) as { code: string; issues: unknown[]; more: number };
    expect(body.code).toBe("not_restorable");
    expect(body.issues.length).toBeGreaterThan(0);
    expect(body.more).toBeGreaterThanOrEqual(0);
  });

  it("answers a run whose worker vanished as failed, saying a second try is safe", async () => {
    session.user = learner;
    const stale = new Date(Date.now() - 10 * 60_000);
    const running = await prisma.uploadRun.create({ data: { userId: learner.id, kind: "import", status: "running", updatedAt: stale } });
    const lost = await getRun(running.id);
    expect(lost.status).toBe(500);
    expect(await lost.json()).toMatchObject({ code: "failed", error: expect.stringMatching(/importing the same notes again is safe/) });

    // A run refreshed lately is still going.
    await prisma.uploadRun.update({ where: { id: running.id }, data: { updatedAt: new Date() } });
    expect((await getRun(running.id)).status).toBe(202);
  });
});
