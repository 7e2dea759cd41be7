// A second app server's upload worker (lib/db/upload-runs.ts), in a process of its own so a test can
// kill it mid-import (SIGKILL: no shutdown, no goodbye to the database), as a crashed server would go.
// Run: node --conditions=react-server --import tsx tests/support/upload-worker-process.ts <DATABASE_URL>
// Prints "ready" once it works the queue; the jobs it takes show in their UploadRun rows.
import "./ts-workers.ts";

const [url] = process.argv.slice(2);
if (!url) {
  console.error("usage: upload-worker-process.ts <DATABASE_URL>");
  process.exit(2);
}
process.env.DATABASE_URL = url;
const { startUploadWorker } = await import("../../lib/db/upload-runs.ts");
await startUploadWorker();
console.log("ready");
