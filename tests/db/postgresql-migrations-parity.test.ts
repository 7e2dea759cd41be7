// The two migration histories (prisma/migrations for SQLite, prisma/postgresql/migrations for
// PostgreSQL) must build the same models: each is applied to a fresh database of its engine and
// the tables read back are compared. A change made to one history and not the other fails here.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { databaseAt, migrationsDirOf, withDatabase } from "../support/database.ts";
import { readSchemaModel } from "../support/schema-model.ts";
import { freshDatabase } from "../support/temp-database.ts";

const sqlite = freshDatabase("sqlite");
const postgresql = freshDatabase("postgresql");
afterAll(async () => {
  await sqlite.cleanup();
  await postgresql.cleanup();
});

describe("16: both migration histories", () => {
  it("16: build the same tables, columns, keys, indexes and foreign keys on SQLite and PostgreSQL", async () => {
    await databaseAt(sqlite.url).applyMigrations(migrationsDirOf("sqlite"));
    await databaseAt(postgresql.url).applyMigrations(migrationsDirOf("postgresql"));
    const fromSqlite = await withDatabase(sqlite.url, (db) => readSchemaModel(db, "sqlite"), { readonly: true });
    const fromPostgres = await withDatabase(postgresql.url, (db) => readSchemaModel(db, "postgresql"), { readonly: true });

    expect(fromSqlite.map((t) => t.name)).toEqual(expect.arrayContaining(["User", "Card", "CardState", "ReviewLog", "Media"]));
    for (const table of fromSqlite) {
      expect(
        fromPostgres.find((t) => t.name === table.name),
        `table ${table.name}`,
      ).toEqual(table);
    }
    expect(fromPostgres.map((t) => t.name)).toEqual(fromSqlite.map((t) => t.name));
  });

  it("16: stores every date on PostgreSQL as timestamptz to the millisecond", async () => {
    const dates = await withDatabase(postgresql.url, (db) =>
      db.all<{ column: string; type: string; precision: number }>(
        `SELECT table_name || '.' || column_name AS "column", data_type AS type, datetime_precision AS precision
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations' AND data_type LIKE 'timestamp%'`,
      ),
    );
    expect(dates.length).toBeGreaterThan(10);
    expect(dates.filter((d) => d.type !== "timestamp with time zone" || d.precision !== 3)).toEqual([]);
  });

  it("16: stores every Json field of the schema on PostgreSQL as jsonb, and nothing else", async () => {
    const jsonb = await withDatabase(postgresql.url, (db) =>
      db.all<{ column: string }>(
        `SELECT table_name || '.' || column_name AS "column" FROM information_schema.columns
          WHERE table_schema = current_schema() AND data_type = 'jsonb'`,
      ),
    );
    const fields = jsonFieldsOf(readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8"));
    expect(fields).toEqual(expect.arrayContaining(["User.schedulerSettings", "Card.tags", "QuizAttempt.paper"]));
    expect(jsonb.map((c) => c.column).sort()).toEqual(fields);
  });
});

/** `Model.field` of every Json field in a schema source, sorted. */
function jsonFieldsOf(source: string): string[] {
  const fields: string[] = [];
  let model = "";
  for (const line of source.split("\n")) {
    const opening = /^\s*model\s+(\w+)\s*\{/.exec(line);
    if (opening) model = opening[1]!;
    else if (/^\s*\}/.test(line)) model = "";
    const field = /^\s*(\w+)\s+Json\??(\s|$)/.exec(line.replace(/\s*\/\/.*$/, ""));
    if (model && field) fields.push(`${model}.${field[1]}`);
  }
  return fields.sort();
}
