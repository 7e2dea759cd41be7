import { env } from "../env.ts";
import { databasePathProblem } from "./database-path.ts";

/** A database the app cannot use stops the server with one line, not a stack trace on the first request. */
export function checkDatabaseAtStartup(): void {
  const problem = databasePathProblem(env().DATABASE_URL, { mustExist: true });
  if (problem) {
    console.error(`IAM Recall cannot start: ${problem}`);
    process.exit(1);
  }
}
