// One restore at a time per learner: two at once would each delete and rewrite the same rows, and
// the learner could not tell which backup won. The claim lives in this process's memory, which is
// enough while one `next start` serves the app; with several processes it has to move into the
// database (a row per learner claimed with INSERT ... ON CONFLICT DO NOTHING, with an expiry), and
// the two functions below are the only places that would change.
import "server-only";
import { DomainError } from "../errors/index.ts";

const globalForRestores = globalThis as unknown as { iamRecallRestores?: Set<string> };
const running = (globalForRestores.iamRecallRestores ??= new Set<string>());

export class RestoreRunningError extends DomainError<"restore-running"> {
  constructor() {
    super("restore-running", "A restore is already running for your account; wait for it to finish, then try again if needed.");
  }
}

/** Claims the learner's restore slot, or throws RestoreRunningError when one is already running. */
export async function claimRestore(userId: string): Promise<{ release: () => void }> {
  if (running.has(userId)) throw new RestoreRunningError();
  running.add(userId);
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      running.delete(userId);
    },
  };
}
