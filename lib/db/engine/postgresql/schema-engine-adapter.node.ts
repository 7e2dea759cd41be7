// Prisma's pg adapter, set up for the Wasm schema engine. The engine reads the database's shape
// from PostgreSQL's catalogs, whose flag columns (pg_constraint.contype, confdeltype, ...) have
// the one-byte type "char" (oid 18). @prisma/adapter-pg 7.10 has no column type for it and fails
// the read ("Column type 'char' could not be deserialized"), which breaks `diff` from a live
// database. pg already reads such a value as a one-letter string, so the pool tells the adapter
// it is text. The app's own client never reads catalog columns and does not need this.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const CATALOG_CHAR = 18;
const TEXT = 25;

type Query = (config: pg.QueryConfig) => Promise<pg.QueryResult>;

export function schemaEngineAdapter(databaseUrl: string): PrismaPg {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle connection ended by the server must not end the process (see handle.node.ts).
  pool.on("error", () => {});
  const query = pool.query.bind(pool) as Query;
  // The adapter calls query(config) and awaits it; nothing else of the pool's API is changed.
  (pool as unknown as { query: Query }).query = async (config) => {
    const result = await query(config);
    for (const field of result.fields ?? []) if (field.dataTypeID === CATALOG_CHAR) field.dataTypeID = TEXT;
    return result;
  };
  return new PrismaPg(pool, { disposeExternalPool: true });
}
