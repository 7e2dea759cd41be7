// Jobs on SQLite: one process serves the app, so a job runs in it as soon as it is queued, behind an
// in-process claim per key (one job of a kind per learner at a time). There is no other server to
// hand a job to: one cut short by a restart is not run again, and the learner starts it anew.
import "server-only";
import type { Claims, JobHandler, JobQueue } from "../ports.ts";

export function inProcessJobs(claims: Claims): JobQueue {
  const handlers = new Map<string, JobHandler>();
  const running = new Set<AbortController>();
  return {
    outlivesProcess: false,
    async work(kind, handler) {
      handlers.set(kind, handler);
    },
    async enqueue(kind, key, data) {
      const handler = handlers.get(kind);
      if (!handler) throw new Error(`No worker runs jobs of kind "${kind}" in this process: call work() first`);
      const claim = await claims.tryClaim(`job:${kind}`, key);
      if (!claim) return false;
      const controller = new AbortController();
      running.add(controller);
      // Not awaited: the job outlives the request that queued it, as on a queue served by workers.
      void handler(data, controller.signal)
        .catch((error: unknown) => console.error(`job ${kind} failed`, error))
        .finally(() => {
          running.delete(controller);
          return claim.release();
        });
      return true;
    },
    async stop() {
      // The handlers stay: in one process there is no poller to stop, only the jobs running now.
      for (const controller of running) controller.abort();
    },
  };
}
