// Every app server works the job queue. Next.js's instrumentation hook cannot import server-only
// modules (vercel/next.js#62564), so a server starts its workers with the first signed-in request
// it serves (findSessionUser); behind a load balancer that is at once. Only inside Next.js: tests
// and scripts start the workers they need themselves.
import "server-only";
import { startOptimizerWorker } from "./optimizer-runs.ts";
import { startUploadWorker } from "./upload-runs.ts";

let starting: Promise<void> | undefined;

export function startJobWorkersInServer(): void {
  if (!process.env.NEXT_RUNTIME || starting) return;
  starting = Promise.all([startOptimizerWorker(), startUploadWorker()]).then(
    () => undefined,
    (error: unknown) => {
      // The next request tries again: a database that was away at first must not leave the server without workers.
      starting = undefined;
      console.error("job workers did not start", error);
    },
  );
}
