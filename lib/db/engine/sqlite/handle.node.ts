// A better-sqlite3 handle for tests, benchmarks and fixtures, behind the engine-neutral
// DatabaseHandle: dates and booleans are bound the way Prisma stores them, so what a fixture
// writes Prisma reads as its own.
import Database from "better-sqlite3";
import type { DatabaseHandle, SqlValue } from "../ports.ts";
import { toStoredValue } from "./stored-dates.ts";

const bind = (params: readonly SqlValue[]) => params.map((value) => toStoredValue(value));

export function openSqliteHandle(file: string, options: { readonly?: boolean } = {}): DatabaseHandle {
  const db = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false, timeout: 0 });
  if (!options.readonly) db.pragma("foreign_keys = ON");
  return {
    async all<T>(sql: string, ...params: SqlValue[]) {
      return db.prepare(sql).all(...bind(params)) as T[];
    },
    async get<T>(sql: string, ...params: SqlValue[]) {
      return db.prepare(sql).get(...bind(params)) as T | undefined;
    },
    async run(sql, ...params) {
      return db.prepare(sql).run(...bind(params)).changes;
    },
    async runMany(sql, rows) {
      const statement = db.prepare(sql);
      return db.transaction(() => {
        let changes = 0;
        for (const row of rows) changes += statement.run(...bind(row)).changes;
        return changes;
      })();
    },
    async holdWriteLock() {
      // A connection of its own, as another process would hold it; timeout 0 so taking it never sleeps.
      const other = new Database(file, { fileMustExist: true, timeout: 0 });
      other.exec("BEGIN IMMEDIATE");
      return {
        async release() {
          if (!other.open) return;
          other.exec("COMMIT");
          other.close();
        },
      };
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
