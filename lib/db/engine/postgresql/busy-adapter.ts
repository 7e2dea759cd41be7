// Wraps Prisma's pg adapter so a statement that waited the whole busy wait for another
// transaction's lock (lock_timeout, set on every pooled connection in pool.ts) fails with the app's
// DatabaseBusyError, as on SQLite, and a server that cannot be reached with DatabaseUnavailableError:
// route handlers answer 503 with Retry-After and the review screen says the grade was not saved,
// instead of a bare server error. Everything else passes through.
import "server-only";
import type {
  ConnectionInfo,
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { DatabaseBusyError } from "../../database-busy.ts";
import { clearConnectionError } from "./connection-errors.ts";

/** SQLSTATE 55P03, lock_not_available, as the pg adapter reports it (or as pg raises it). */
function isLockTimeout(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown } } | null;
  return e?.code === "55P03" || e?.cause?.originalCode === "55P03";
}

/** What the wrapper needs to word its errors: the busy wait and the server's URL. */
interface Wording {
  waitMs: number;
  databaseUrl: string;
}

async function mapped<T>(wording: Wording, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isLockTimeout(error) ? new DatabaseBusyError(wording.waitMs) : clearConnectionError(error, wording.databaseUrl);
  }
}

export class BusyErrorsFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider;
  readonly adapterName;

  constructor(
    private readonly inner: SqlMigrationAwareDriverAdapterFactory,
    private readonly wording: Wording,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return new BusyErrorsAdapter(await mapped(this.wording, () => this.inner.connect()), this.wording);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new BusyErrorsAdapter(await mapped(this.wording, () => this.inner.connectToShadowDb()), this.wording);
  }
}

class BusyErrorsAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  readonly getConnectionInfo?: () => ConnectionInfo;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly wording: Wording,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    // Offered only when the wrapped adapter offers it: Prisma plans queries differently with it.
    if (inner.getConnectionInfo) this.getConnectionInfo = () => inner.getConnectionInfo!();
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return mapped(this.wording, () => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return mapped(this.wording, () => this.inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return mapped(this.wording, () => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return new BusyErrorsTransaction(await mapped(this.wording, () => this.inner.startTransaction(isolationLevel)), this.wording);
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

class BusyErrorsTransaction implements Transaction {
  readonly provider;
  readonly adapterName;
  readonly options;
  readonly createSavepoint?: (name: string) => Promise<void>;
  readonly rollbackToSavepoint?: (name: string) => Promise<void>;
  readonly releaseSavepoint?: (name: string) => Promise<void>;

  constructor(
    private readonly inner: Transaction,
    private readonly wording: Wording,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.options = inner.options;
    if (inner.createSavepoint) this.createSavepoint = (name) => inner.createSavepoint!(name);
    if (inner.rollbackToSavepoint) this.rollbackToSavepoint = (name) => inner.rollbackToSavepoint!(name);
    if (inner.releaseSavepoint) this.releaseSavepoint = (name) => inner.releaseSavepoint!(name);
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return mapped(this.wording, () => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return mapped(this.wording, () => this.inner.executeRaw(query));
  }

  commit(): Promise<void> {
    return mapped(this.wording, () => this.inner.commit());
  }

  rollback(): Promise<void> {
    return this.inner.rollback();
  }
}
