// A pg handle for tests, benchmarks and fixtures, behind the engine-neutral DatabaseHandle.
//
// Its SQL is PostgreSQL's own: parameters are numbered ($1, $2, ...), not SQLite's `?`, and the
// tables Prisma made keep their capitals only when quoted ("Card"). Tests that run on both engines
// write `?` and pass their SQL through tests/support/database.ts's `numbered` helper, rather than
// this handle rewriting SQL it cannot parse safely.
//
// 8-byte integers (count(*), sums) come back as numbers, as SQLite's do; the schema has no BigInt
// column, so no stored value passes 2^53.
import { createHash } from "node:crypto";
import pg from "pg";
import type { DatabaseHandle, SqlValue } from "../ports.ts";

const INT8 = 20;

function typeParsers(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
  };
}

export function openPostgresHandle(databaseUrl: string, options: { readonly?: boolean } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 4,
    types: typeParsers(),
    ...(options.readonly ? { options: "-c default_transaction_read_only=on" } : {}),
  });
  // An idle connection the server ends (a test dropping its database WITH (FORCE), a restart) is an
  // error event on the pool; unheard, it would end the process. The next query takes a new one.
  pool.on("error", () => {});
  let closed = false;
  const query = async (sql: string, params: readonly SqlValue[]) => pool.query(sql, params as unknown[]);
  return {
    async all<T>(sql: string, ...params: SqlValue[]) {
      return (await query(sql, params)).rows as T[];
    },
    async get<T>(sql: string, ...params: SqlValue[]) {
      return (await query(sql, params)).rows[0] as T | undefined;
    },
    async run(sql, ...params) {
      return (await query(sql, params)).rowCount ?? 0;
    },
    async runMany(sql, rows) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        let changes = 0;
        // A named statement is parsed once for all the rows; the name follows the text, since a
        // pooled connection keeps its statements and refuses one name for two texts.
        const name = `run_many_${createHash("sha1").update(sql).digest("hex").slice(0, 16)}`;
        for (const row of rows) changes += (await client.query({ name, text: sql, values: row as unknown[] })).rowCount ?? 0;
        await client.query("COMMIT");
        return changes;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async holdWriteLock() {
      // PostgreSQL has no database-wide write lock. This models what SQLite's BEGIN IMMEDIATE does
      // to other connections, as another process (the CLI importer) would hold it: every app table
      // locked IN EXCLUSIVE MODE, which lets reads through and makes every write wait. NOWAIT, as
      // SQLite's handle never sleeps for the lock: when anyone holds a conflicting lock, this
      // fails at once with 55P03 (lock_not_available).
      const other = new pg.Client({ connectionString: databaseUrl });
      other.on("error", () => {});
      await other.connect();
      try {
        const tables = await other.query<{ name: string }>(
          "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'",
        );
        await other.query("BEGIN");
        if (tables.rows.length) await other.query(`LOCK TABLE ${tables.rows.map((t) => t.name).join(", ")} IN EXCLUSIVE MODE NOWAIT`);
      } catch (error) {
        await other.end().catch(() => undefined);
        throw error;
      }
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          try {
            await other.query("COMMIT");
          } finally {
            await other.end();
          }
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
