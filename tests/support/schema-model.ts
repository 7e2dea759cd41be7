// The models a migrated database holds, read back from the engine's catalog in one shape for
// both engines, so two migration histories can be compared: tables, columns (name, nullability,
// a type class), primary keys, indexes and foreign keys with their on-delete action.
// Prisma's own table (_prisma_migrations) and the engines' internal ones are left out.
import type { DatabaseHandle, EngineName } from "./database.ts";

export type TypeClass = "text" | "int" | "float" | "bool" | "datetime" | "bytes" | "json";

export interface ColumnModel {
  name: string;
  nullable: boolean;
  type: TypeClass;
}

export interface IndexModel {
  name: string;
  columns: string[];
  unique: boolean;
  partial: boolean;
}

export interface ForeignKeyModel {
  columns: string[];
  references: string;
  referencedColumns: string[];
  onDelete: string;
}

export interface TableModel {
  name: string;
  /** Sorted by name: a column added later sits last on PostgreSQL but where Prisma put it on SQLite. */
  columns: ColumnModel[];
  primaryKey: string[];
  indexes: IndexModel[];
  foreignKeys: ForeignKeyModel[];
}

const SQLITE_TYPES: Record<string, TypeClass> = {
  TEXT: "text",
  INTEGER: "int",
  BIGINT: "int",
  REAL: "float",
  DECIMAL: "float",
  BOOLEAN: "bool",
  DATETIME: "datetime",
  BLOB: "bytes",
  // Prisma's Json on SQLite: a JSONB-declared column holding JSON text.
  JSONB: "json",
};

const POSTGRES_TYPES: Record<string, TypeClass> = {
  text: "text",
  "character varying": "text",
  jsonb: "json",
  integer: "int",
  bigint: "int",
  smallint: "int",
  "double precision": "float",
  real: "float",
  numeric: "float",
  boolean: "bool",
  "timestamp with time zone": "datetime",
  "timestamp without time zone": "datetime",
  bytea: "bytes",
};

/** PostgreSQL's one-letter on-delete codes (pg_constraint.confdeltype), in SQLite's words. */
const POSTGRES_ACTIONS: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

function typeClass(types: Record<string, TypeClass>, type: string, where: string): TypeClass {
  const found = types[type];
  if (!found) throw new Error(`${where}: type ${type} has no class in tests/support/schema-model.ts`);
  return found;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const byColumns = (a: ForeignKeyModel, b: ForeignKeyModel) => a.columns.join().localeCompare(b.columns.join());

export async function readSchemaModel(db: DatabaseHandle, engine: EngineName): Promise<TableModel[]> {
  const tables = engine === "sqlite" ? await readSqlite(db) : await readPostgres(db);
  for (const table of tables) {
    table.columns.sort(byName);
    table.indexes.sort(byName);
    table.foreignKeys.sort(byColumns);
  }
  return tables.sort(byName);
}

/** The application's tables, by name. */
export async function tableNames(db: DatabaseHandle, engine: EngineName): Promise<string[]> {
  const sql =
    engine === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_prisma_migrations'"
      : "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'";
  return (await db.all<{ name: string }>(sql)).map((row) => row.name).sort();
}

async function readSqlite(db: DatabaseHandle): Promise<TableModel[]> {
  const tables: TableModel[] = [];
  for (const name of await tableNames(db, "sqlite")) {
    const columns = await db.all<{ name: string; type: string; notnull: number; pk: number }>(
      'SELECT name, type, "notnull", pk FROM pragma_table_info(?)',
      name,
    );
    const indexList = await db.all<{ name: string; unique: number; origin: string; partial: number }>(
      "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?) WHERE origin <> 'pk'",
      name,
    );
    const indexes: IndexModel[] = [];
    for (const index of indexList) {
      const parts = await db.all<{ name: string }>("SELECT name FROM pragma_index_info(?) ORDER BY seqno", index.name);
      indexes.push({ name: index.name, columns: parts.map((p) => p.name), unique: index.unique === 1, partial: index.partial === 1 });
    }
    const keys = await db.all<{ id: number; table: string; from: string; to: string; on_delete: string }>(
      'SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq',
      name,
    );
    const foreignKeys = new Map<number, ForeignKeyModel>();
    for (const key of keys) {
      const model = foreignKeys.get(key.id) ?? {
        columns: [],
        references: key.table,
        referencedColumns: [],
        onDelete: key.on_delete.toUpperCase(),
      };
      model.columns.push(key.from);
      model.referencedColumns.push(key.to);
      foreignKeys.set(key.id, model);
    }
    tables.push({
      name,
      columns: columns.map((c) => ({
        name: c.name,
        nullable: c.notnull === 0,
        type: typeClass(SQLITE_TYPES, c.type.toUpperCase(), `${name}.${c.name}`),
      })),
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      indexes,
      foreignKeys: [...foreignKeys.values()],
    });
  }
  return tables;
}

async function readPostgres(db: DatabaseHandle): Promise<TableModel[]> {
  const columns = await db.all<{ table: string; name: string; nullable: string; type: string }>(
    `SELECT table_name AS "table", column_name AS name, is_nullable AS nullable, data_type AS type
       FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const indexes = await db.all<{ table: string; name: string; unique: boolean; primary: boolean; partial: boolean; columns: string }>(
    `SELECT t.relname AS "table", i.relname AS name, ix.indisunique AS "unique", ix.indisprimary AS "primary",
            ix.indpred IS NOT NULL AS partial,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
               FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema()`,
  );
  const keys = await db.all<{ table: string; references: string; onDelete: string; columns: string; referencedColumns: string }>(
    `SELECT t.relname AS "table", r.relname AS "references", c.confdeltype::text AS "onDelete",
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS "referencedColumns"
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  return (await tableNames(db, "postgresql")).map((name) => {
    const own = indexes.filter((i) => i.table === name);
    return {
      name,
      columns: columns
        .filter((c) => c.table === name)
        .map((c) => ({ name: c.name, nullable: c.nullable === "YES", type: typeClass(POSTGRES_TYPES, c.type, `${name}.${c.name}`) })),
      primaryKey: own.find((i) => i.primary)?.columns.split(",") ?? [],
      indexes: own
        .filter((i) => !i.primary)
        .map((i) => ({ name: i.name, columns: i.columns.split(","), unique: i.unique, partial: i.partial })),
      foreignKeys: keys
        .filter((k) => k.table === name)
        .map((k) => ({
          columns: k.columns.split(","),
          references: k.references,
          referencedColumns: k.referencedColumns.split(","),
          onDelete: POSTGRES_ACTIONS[k.onDelete] ?? k.onDelete,
        })),
    };
  });
}
