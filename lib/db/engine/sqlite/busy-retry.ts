// SQLite answers SQLITE_BUSY when another connection (the CLI importer, a second server process)
// holds the write lock. better-sqlite3's own busy timeout sleeps inside the native call, which
// stops every request of the process; here the wait is a timer, so other requests go on meanwhile.
import { DatabaseBusyError } from "../../database-busy.ts";

export interface BusyWait {
  /** Total milliseconds to keep trying before giving up with DatabaseBusyError. */
  maxWaitMs: number;
}

const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 250;

/** True for a lock conflict, as better-sqlite3 raises it or as Prisma's adapter has mapped it. */
export function isSqliteBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return true;
  const cause = (error as { name?: unknown; cause?: { originalCode?: unknown } }).cause;
  return (
    (error as { name?: unknown }).name === "DriverAdapterError" &&
    typeof cause?.originalCode === "string" &&
    cause.originalCode.startsWith("SQLITE_BUSY")
  );
}

/**
 * Runs `attempt` until it does not fail busy, pausing between tries with a growing, jittered delay;
 * after `maxWaitMs` in all it throws DatabaseBusyError. `attempt` must leave nothing half done when
 * it fails busy (a single statement, or a BEGIN), so trying it again is safe.
 */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, { maxWaitMs }: BusyWait): Promise<T> {
  const started = performance.now();
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      const left = maxWaitMs - (performance.now() - started);
      if (left <= 0) throw new DatabaseBusyError(maxWaitMs);
      // Jitter keeps waiting requests from all retrying in the same instant.
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, pause * (0.5 + Math.random()))));
      pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
    }
  }
}
