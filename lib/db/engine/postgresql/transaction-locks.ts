// Transaction advisory locks: held from the statement that takes them to COMMIT or ROLLBACK, so a
// transaction that reads, decides and writes (an event stored once, an attempt under a limit) runs
// alone for its keys. A wait past lock_timeout (the pool's busy wait) fails as the app's busy error
// through busy-adapter.ts, as a row lock would.
import "server-only";
import type { RawStatements, TransactionLocks } from "../ports.ts";
import { lockKey } from "./lock-keys.ts";

export const postgresTransactionLocks: TransactionLocks = {
  async lock(tx: RawStatements, kind: string, keys: readonly string[]): Promise<void> {
    // One order for every transaction, so two that share keys cannot each wait for the other.
    for (const key of [...new Set(keys)].sort()) {
      // `::text` because the driver adapter has no reader for the void the function returns.
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text", lockKey(kind, key));
    }
  },
};
