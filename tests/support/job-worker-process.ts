// A second app server's job worker, in a process of its own so a test can kill it mid-job
// (SIGKILL: no shutdown, no goodbye to the database), as a crashed server would go.
// Run: node --conditions=react-server --import tsx tests/support/job-worker-process.ts <DATABASE_URL> <kind>
// Prints "ready" once it works the queue, then "started <data as JSON>" for each job it takes, and
// never finishes one.
import { postgresJobQueue } from "../../lib/db/engine/postgresql/jobs.ts";
import { TEST_JOB_TIMINGS } from "./job-timings.ts";

const [url, kind] = process.argv.slice(2);
if (!url || !kind) {
  console.error("usage: job-worker-process.ts <DATABASE_URL> <kind>");
  process.exit(2);
}
const queue = postgresJobQueue(url, TEST_JOB_TIMINGS);
await queue.work(kind, async (data) => {
  console.log(`started ${JSON.stringify(data)}`);
  await new Promise(() => {});
});
console.log("ready");
