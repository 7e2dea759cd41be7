// One restore at a time per learner: two at once would each delete and rewrite the same rows, and
// the learner could not tell which backup won. The claim is the engine's (engine/coordination.ts):
// this process's memory on SQLite, a session advisory lock on PostgreSQL, so it holds across app
// servers and a server that dies mid-restore does not keep it.
import "server-only";
import { DomainError } from "../errors/index.ts";
import { databaseCoordination } from "./engine/coordination.ts";

export class RestoreRunningError extends DomainError<"restore-running"> {
  constructor() {
    super("restore-running", "A restore is already running for your account; wait for it to finish, then try again if needed.");
  }
}

/** Claims the learner's restore slot, or throws RestoreRunningError when one is already running. */
export async function claimRestore(userId: string): Promise<{ release: () => Promise<void> }> {
  const claim = await databaseCoordination().claims.tryClaim("restore", userId);
  if (!claim) throw new RestoreRunningError();
  return claim;
}
