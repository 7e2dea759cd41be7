// Jobs on PostgreSQL through pg-boss: queued in the database, so any app server's worker can run a
// job and none is lost with a server. Each kind is a queue with the `exclusive` policy: one job per
// key (a learner) queued or running at a time, which is the one-run-per-learner rule across servers.
//
// A server that dies mid-job stops sending the job's heartbeat; a live server's supervisor then
// fails the attempt and the queue hands the job to the next worker that polls (retryLimit, no
// delay). With the timings below that takes at most about HEARTBEAT + SUPERVISE seconds.
import "server-only";
import { PgBoss } from "pg-boss";
import type { JobData, JobHandler, JobQueue } from "../ports.ts";
import { postgresTarget } from "./pool.ts";

export interface JobTimings {
  /** How often a server's supervisor looks for jobs whose worker stopped beating (pg-boss's default: 60). */
  superviseIntervalSeconds: number;
  /** How often an idle worker asks for a job. */
  pollingIntervalSeconds: number;
}

/** The app's timings: a dead server's job moves on within about half a minute. */
export const APP_JOB_TIMINGS: JobTimings = { superviseIntervalSeconds: 10, pollingIntervalSeconds: 1 };

const QUEUE_OPTIONS = {
  policy: "exclusive",
  /** A running worker refreshes its claim every 5 s; 10 s without one (pg-boss's least) means it is gone. */
  heartbeatSeconds: 10,
  /** A job still beating after an hour is taken back all the same: no optimizer run is that long. */
  expireInSeconds: 60 * 60,
  /** Attempts after the first: one per server that died under it, before the job counts as failed. */
  retryLimit: 3,
  retryDelay: 0,
  /** Finished jobs are kept a day, for an operator to look at. */
  deleteAfterSeconds: 24 * 60 * 60,
} as const;

/** Connections a server's queue holds beside the app's pool (pool.ts): polling, heartbeats, supervision. */
const QUEUE_CONNECTIONS = 3;

export function postgresJobQueue(databaseUrl: string, timings: JobTimings = APP_JOB_TIMINGS): JobQueue {
  const { schema } = postgresTarget(databaseUrl);
  const boss = new PgBoss({
    connectionString: databaseUrl,
    // pg-boss's tables live in a schema of their own, next to the app's when the URL names one.
    schema: schema ? `${schema}_pgboss` : "pgboss",
    max: QUEUE_CONNECTIONS,
    application_name: "iam-recall-jobs",
    superviseIntervalSeconds: timings.superviseIntervalSeconds,
    monitorIntervalSeconds: timings.superviseIntervalSeconds,
  });
  // Without a listener an error event (a dropped connection while polling) would end the process;
  // pg-boss reconnects and polls again on its own.
  boss.on("error", (error: Error) => console.error(`job queue: ${error.message}`));

  let started: Promise<unknown> | undefined;
  const start = () => {
    if (!started) {
      started = boss.start();
      // A start that failed (the database away) is tried again by the next call, not remembered.
      started.catch(() => (started = undefined));
    }
    return started;
  };
  const queues = new Map<string, Promise<void>>();
  const queue = (kind: string): Promise<void> => {
    let made = queues.get(kind);
    if (!made) {
      made = start().then(() => boss.createQueue(kind, QUEUE_OPTIONS));
      made.catch(() => queues.delete(kind));
      queues.set(kind, made);
    }
    return made;
  };

  return {
    outlivesProcess: true,
    async work(kind: string, handler: JobHandler, options: { concurrency?: number } = {}): Promise<void> {
      await queue(kind);
      const workOptions = { pollingIntervalSeconds: timings.pollingIntervalSeconds, localConcurrency: options.concurrency ?? 1 };
      await boss.work<JobData>(kind, workOptions, async ([job]) => {
        if (job) await handler(job.data, job.signal);
      });
    },
    async enqueue(kind: string, key: string, data: JobData): Promise<boolean> {
      await queue(kind);
      return (await boss.send(kind, data, { singletonKey: key })) !== null;
    },
    async stop(): Promise<void> {
      if (!started) return;
      await boss.stop({ graceful: false });
    },
  };
}
