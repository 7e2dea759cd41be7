// Runs from instrumentation.ts, outside the React Server graph, so it reaches the engine through
// its tooling module (tools.node.ts), which carries no "server-only" marker.
import { env } from "../env.ts";
import { databaseTools } from "./engine/tools.node.ts";

/** A database the app cannot use stops the server with one line, not a stack trace on the first request. */
export async function checkDatabaseAtStartup(): Promise<void> {
  const problem = await databaseTools(env().DATABASE_URL).problem({ mustExist: true });
  if (problem) {
    console.error(`IAM Recall cannot start: ${problem}`);
    process.exit(1);
  }
}
