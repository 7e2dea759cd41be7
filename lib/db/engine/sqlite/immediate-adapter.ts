// Wraps Prisma's better-sqlite3 adapter so that every write path waits for a held lock without
// stalling the process, and a transaction that will write cannot fail half-way:
// - transactions begin with BEGIN IMMEDIATE, taking the write lock up front. A plain BEGIN takes
//   it at the first write, and SQLite refuses that upgrade at once (no busy wait is even tried)
//   when another connection holds the lock: a grade then failed after its reads.
// - the connection's own busy timeout is 0 (see client.ts), and SQLITE_BUSY is retried here on a
//   timer, with backoff, for a bounded total, ending in DatabaseBusyError.
// Only the adapter's public interface is used: queries on the adapter run on its one connection,
// so a transaction is a BEGIN on it plus the lock below, as in Prisma's own adapter.
import "server-only";
import {
  DriverAdapterError,
  type ConnectionInfo,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { DatabaseBusyError } from "../../database-busy.ts";
import { AsyncLock } from "./async-lock.ts";
import { retryWhileBusy, type BusyWait } from "./busy-retry.ts";

const NO_ARGS = { args: [], argTypes: [] };

export class ImmediateTransactionsFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider;
  readonly adapterName;

  constructor(
    private readonly inner: SqlMigrationAwareDriverAdapterFactory,
    private readonly wait: BusyWait,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return new ImmediateTransactionsAdapter(await this.inner.connect(), this.wait);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new ImmediateTransactionsAdapter(await this.inner.connectToShadowDb(), this.wait);
  }
}

class ImmediateTransactionsAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  readonly getConnectionInfo?: () => ConnectionInfo;
  readonly #transactions = new AsyncLock();

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly wait: BusyWait,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    // Offered only when the wrapped adapter offers it: Prisma plans queries differently with it.
    if (inner.getConnectionInfo) this.getConnectionInfo = () => inner.getConnectionInfo!();
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return retryWhileBusy(() => this.inner.queryRaw(query), this.wait);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return retryWhileBusy(() => this.inner.executeRaw(query), this.wait);
  }

  executeScript(script: string): Promise<void> {
    return this.inner.executeScript(script);
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite transactions are serializable; Prisma's own adapter refuses other levels the same way.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    }
    // The connection's lock is let go between tries, so other requests' single queries run while
    // this one waits for another process to release the database.
    const deadline = performance.now() + this.wait.maxWaitMs;
    return retryWhileBusy(async () => {
      // Waiting for this connection's own running transaction counts against the same bound.
      const release = await this.#transactions.acquireWithin(deadline - performance.now());
      if (!release) throw new DatabaseBusyError(this.wait.maxWaitMs);
      try {
        await this.inner.executeRaw({ sql: "BEGIN IMMEDIATE", ...NO_ARGS });
      } catch (error) {
        release();
        throw error;
      }
      return new ImmediateTransaction(this, release);
    }, this.wait);
  }
}

/** Prisma sends COMMIT or ROLLBACK itself (usePhantomQuery false); commit and rollback only let go. */
class ImmediateTransaction implements Transaction {
  readonly provider;
  readonly adapterName;
  readonly options = { usePhantomQuery: false };

  constructor(
    private readonly connection: ImmediateTransactionsAdapter,
    private readonly release: () => void,
  ) {
    this.provider = connection.provider;
    this.adapterName = connection.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.connection.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.connection.executeRaw(query);
  }

  async commit(): Promise<void> {
    this.release();
  }

  async rollback(): Promise<void> {
    this.release();
  }

  async createSavepoint(name: string): Promise<void> {
    await this.executeRaw({ sql: `SAVEPOINT ${name}`, ...NO_ARGS });
  }

  async rollbackToSavepoint(name: string): Promise<void> {
    await this.executeRaw({ sql: `ROLLBACK TO ${name}`, ...NO_ARGS });
  }

  async releaseSavepoint(name: string): Promise<void> {
    await this.executeRaw({ sql: `RELEASE SAVEPOINT ${name}`, ...NO_ARGS });
  }
}
