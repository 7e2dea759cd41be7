// An upload's writing step as a job: an import's apply (upload-import.ts) or a backup restore
// (upload-restore.ts). The request stores the upload in an UploadRun row and queues the job; a
// worker (this process on SQLite; any app server's on PostgreSQL) applies it and writes the outcome
// to the row, which the page polls. So a server that dies mid-import does not lose the import: the
// queue hands the job to another server, which applies the stored upload again.
//
// Applying twice comes to the same as once: an import plans against the cards as they are inside
// its transaction (a second pass finds them stored and changes nothing; reviews from another app
// carry ids that are stored once), and a restore replaces the named cards' states and logs with the
// backup's, all or nothing. What a second pass reports is what it found: an import finished just
// before its server died is answered with its cards as unchanged.
import "server-only";
import { z } from "zod";
import { prisma } from "./client.ts";
import { databaseCoordination } from "./engine/coordination.ts";
import type { JobData, JobQueue } from "./engine/ports.ts";
import { importUpload, readUploadForm } from "./upload-import.ts";
import { refusalOf, refused, type UploadOutcome } from "./upload-outcome.ts";
import { RESTORE_REFUSAL_EXTRA, restoreUpload } from "./upload-restore.ts";
import { findSessionUser, type SessionUser } from "./users.ts";
import { jsonColumn, storedJson } from "./json-column.ts";

/** A finished run's answer body: an object, passed through to the page as it was written. */
const AnswerBodySchema = z.record(z.string(), z.unknown());
/** A failed run's body: the error contract's fields, and whatever the refusal added (issues, more). */
const FailedBodySchema = z.looseObject({ error: z.string().optional(), code: z.string().optional() });

/** One queue for both kinds, keyed by the learner: one import or restore of theirs at a time. */
export const UPLOAD_JOB = "apply-upload";

/**
 * How many runs one server works at once, each a different learner's: one learner's long import
 * must not hold up everyone else's. Reading uploads stays within the readers' seats (lib/notes/worker).
 */
const UPLOADS_PER_SERVER = 4;

export type UploadRunKind = "import" | "restore";

export type UploadRunView = { status: "queued" | "running" } | { status: "done" | "failed"; outcome: UploadOutcome };

/** While it works, a worker refreshes the run's row this often. */
const BEAT_MS = 10_000;
/**
 * A running run not refreshed for this long has no worker any more: its server restarted (SQLite
 * runs a job in the one process only) or the queue gave up on it after its retries.
 */
const LOST_RUNNING_MS = 3 * 60_000;
/** A queued run no worker took in this long is lost too: the queue takes back even running jobs after an hour. */
const LOST_QUEUED_MS = 60 * 60_000;
/** Runs are kept this long for the page to fetch; older ones of the learner go when their next starts. */
const KEEP_MS = 24 * 60 * 60_000;

const LOST_MESSAGE: Record<UploadRunKind, string> = {
  import:
    "The server working on this import stopped before it finished. Check your decks; importing the same notes again is safe, as cards already imported are not doubled.",
  restore:
    "The server working on this restore stopped before it finished. A restore is all or nothing; restoring the same backup again is safe.",
};

const FAILED_MESSAGE: Record<UploadRunKind, string> = {
  import: "The import could not be finished because of an error on the server.",
  restore: "The restore could not be finished because of an error on the server.",
};

/** The extra fields every refusal of the kind carries (lib/http's error contract). */
function refusalExtra(kind: UploadRunKind): Record<string, unknown> | undefined {
  return kind === "restore" ? RESTORE_REFUSAL_EXTRA : undefined;
}

function isKind(kind: string): kind is UploadRunKind {
  return kind === "import" || kind === "restore";
}

const globalForWorkers = globalThis as unknown as {
  iamRecallUploadWorkers?: WeakMap<JobQueue, Promise<void>>;
  iamRecallHeldUploads?: Map<string, Uint8Array<ArrayBuffer>>;
};

/**
 * Uploads handed to this process's own runs, by run id, when the queue does not outlive the process
 * (SQLite): a stored copy could serve no other server, and writing and reading back a 50 MB blob
 * takes a few hundred milliseconds on the thread that serves everyone's requests.
 */
const heldUploads = (globalForWorkers.iamRecallHeldUploads ??= new Map());

/** Makes this process a worker of upload runs, once per job queue; every app server calls it at start. */
export function startUploadWorker(): Promise<void> {
  const jobs = databaseCoordination().jobs;
  const workers = (globalForWorkers.iamRecallUploadWorkers ??= new WeakMap());
  let started = workers.get(jobs);
  if (!started) {
    started = jobs.work(UPLOAD_JOB, runUploadJob, { concurrency: UPLOADS_PER_SERVER });
    started.catch(() => workers.delete(jobs));
    workers.set(jobs, started);
  }
  return started;
}

/**
 * Stores the upload and queues its run; returns the run's id, or null when an import or restore of
 * the learner's is already queued or running. `payloadType` is the request's Content-Type.
 */
export async function startUploadRun(
  user: SessionUser,
  kind: UploadRunKind,
  payload: Uint8Array<ArrayBuffer>,
  payloadType: string,
  now = new Date(),
): Promise<string | null> {
  await startUploadWorker();
  await prisma.uploadRun.deleteMany({ where: { userId: user.id, updatedAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
  const jobs = databaseCoordination().jobs;
  const stored = jobs.outlivesProcess ? payload : null;
  const run = await prisma.uploadRun.create({ data: { userId: user.id, kind, payload: stored, payloadType }, select: { id: true } });
  if (!stored) heldUploads.set(run.id, payload);
  const forget = async () => {
    heldUploads.delete(run.id);
    await prisma.uploadRun.delete({ where: { id: run.id } });
  };
  const queued = await jobs.enqueue(UPLOAD_JOB, user.id, { runId: run.id }).catch(async (error: unknown) => {
    await forget();
    throw error;
  });
  if (!queued) {
    await forget();
    return null;
  }
  return run.id;
}

/** Why a second upload is refused while one runs (code `already_running`). */
export function uploadRunningMessage(kind: UploadRunKind): string {
  return `An import or restore is already running for you; wait for it to finish, then start the ${kind} again.`;
}

/** The learner's run as it stands, or null when it is not theirs (or gone). */
export async function uploadRunView(user: SessionUser, runId: string, now = new Date()): Promise<UploadRunView | null> {
  const row = await prisma.uploadRun.findFirst({
    where: { id: runId, userId: user.id },
    select: { kind: true, status: true, result: true, errorCode: true, createdAt: true, updatedAt: true },
  });
  if (!row) return null;
  const kind = isKind(row.kind) ? row.kind : "import";
  if (row.status === "done" && row.result !== null)
    return { status: "done", outcome: { ok: true, body: storedJson(AnswerBodySchema, row.result, "UploadRun.result") } };
  if (row.status === "failed") {
    const { error, code: _code, ...extra } = storedJson(FailedBodySchema, row.result ?? {}, "UploadRun.result");
    const message = error ?? FAILED_MESSAGE[kind];
    return { status: "failed", outcome: refused(row.errorCode ?? "failed", message, Object.keys(extra).length > 0 ? extra : undefined) };
  }
  const status = row.status === "running" ? "running" : "queued";
  const quietFor = now.getTime() - (status === "running" ? row.updatedAt : row.createdAt).getTime();
  if (quietFor > (status === "running" ? LOST_RUNNING_MS : LOST_QUEUED_MS)) {
    return { status: "failed", outcome: refused("failed", LOST_MESSAGE[kind], refusalExtra(kind)) };
  }
  return { status };
}

/** The row's fields once the run ended: the outcome as its answer's body, and the upload gone. */
function endedRow(outcome: UploadOutcome) {
  const ended = { payload: null, payloadType: null };
  if (outcome.ok) return { ...ended, status: "done", result: jsonColumn(outcome.body), errorCode: null };
  const body = { ...outcome.extra, error: outcome.message, code: outcome.code };
  return { ...ended, status: "failed", result: jsonColumn(body), errorCode: outcome.code };
}

async function applyUpload(
  user: SessionUser,
  kind: UploadRunKind,
  payload: Uint8Array<ArrayBuffer>,
  payloadType: string,
): Promise<UploadOutcome> {
  if (kind === "restore") return restoreUpload(user, payload, new Date());
  const read = await readUploadForm(payload, payloadType);
  if (!read.ok) return read.refusal;
  if (read.form.mode !== "apply") return refused("invalid", "Only an import to apply runs as a job.");
  return importUpload(user, read.form);
}

/**
 * One attempt at a run. A run found ended was finished by an earlier attempt whose end the queue
 * did not hear of; it is left as it is. A refusal or a bug ends the run as failed (trying again
 * would end the same way); losing this server's hold on the job (`signal`) leaves the run to the
 * worker that takes the job next, without writing an outcome that one will write.
 */
async function runUploadJob(data: JobData, signal: AbortSignal): Promise<void> {
  const runId = data.runId;
  if (!runId) throw new Error("upload job without a runId");
  const run = await prisma.uploadRun.findUnique({
    where: { id: runId },
    select: { userId: true, kind: true, status: true, payload: true, payloadType: true },
  });
  const payload = run?.payload ?? heldUploads.get(runId) ?? null;
  heldUploads.delete(runId);
  if (!run || run.status === "done" || run.status === "failed" || payload === null) return;
  const user = await findSessionUser(run.userId);
  if (!user) return;
  if (!isKind(run.kind)) {
    await prisma.uploadRun.update({ where: { id: runId }, data: endedRow(refused("failed", FAILED_MESSAGE.import)) });
    return;
  }
  const kind = run.kind;
  await prisma.uploadRun.update({ where: { id: runId }, data: { status: "running", updatedAt: new Date() } });
  const beat = setInterval(() => {
    prisma.uploadRun.update({ where: { id: runId }, data: { updatedAt: new Date() } }).catch(() => {
      // A missed beat is made up by the next; only a run quiet for minutes counts as lost.
    });
  }, BEAT_MS);
  beat.unref();
  let outcome: UploadOutcome;
  try {
    outcome = await applyUpload(user, kind, payload, run.payloadType ?? "");
  } catch (error) {
    if (signal.aborted) throw error;
    const refusal = refusalOf(error, refusalExtra(kind));
    if (!refusal) console.error(`${kind} run failed`, error);
    outcome = refusal ?? refused("failed", FAILED_MESSAGE[kind], refusalExtra(kind));
  } finally {
    clearInterval(beat);
  }
  if (signal.aborted) throw new Error(`the ${kind} run ${runId} was taken back from this server before it ended`);
  await prisma.uploadRun.update({ where: { id: runId }, data: endedRow(outcome) });
}
