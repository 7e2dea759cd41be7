// Coordination on SQLite: one `next start` serves the app and its transactions take the write lock
// at BEGIN, so a claim in this process's memory is a claim for the whole app, and a transaction
// needs no lock beyond the one it already holds.
import "server-only";
import type { Claim, Claims, Coordination, JobQueue } from "../ports.ts";
import { inProcessJobs } from "./jobs.ts";

const globalForClaims = globalThis as unknown as { iamRecallClaims?: Set<string>; iamRecallJobs?: JobQueue };

export function sqliteCoordination(): Coordination {
  // On globalThis so a hot reload in development keeps the claims of runs still going.
  const held = (globalForClaims.iamRecallClaims ??= new Set<string>());
  const claims: Claims = {
    async tryClaim(kind: string, key: string): Promise<Claim | null> {
      const id = `${kind}:${key}`;
      if (held.has(id)) return null;
      held.add(id);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          held.delete(id);
        },
      };
    },
  };
  return {
    claims,
    transactionLocks: { lock: async () => {} },
    jobs: (globalForClaims.iamRecallJobs ??= inProcessJobs(claims)),
  };
}
