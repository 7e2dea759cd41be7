// Opens a collection's bytes as a read-only in-memory SQLite database. Two things stand between
// Anki's file and better-sqlite3: current collections are saved in write-ahead-log mode, which an
// in-memory copy cannot open, and their tables declare Anki's own `unicase` collation, which SQLite
// refuses to prepare statements against without. The header's mode bytes are set back to the
// rollback journal and the collation is renamed to BINARY (same length, so no page moves); the
// import only scans tables, so no index ordered by the old collation is ever consulted.
import Database from "better-sqlite3";
import { AnkiImportError } from "./errors.ts";

const HEADER = "SQLite format 3\0";
const UNICASE = /collate\s+unicase/gi;

export function openCollection(bytes: Uint8Array, file: string): Database.Database {
  if (bytes.length < 100 || new TextDecoder().decode(bytes.subarray(0, 16)) !== HEADER) {
    throw new AnkiImportError("not-sqlite", file, "the collection is not a SQLite database");
  }
  const copy = Buffer.from(bytes);
  copy[18] = 1;
  copy[19] = 1;
  const text = copy.toString("latin1");
  for (const match of text.matchAll(UNICASE)) copy.write(`COLLATE BINARY${" ".repeat(match[0].length - 14)}`, match.index, "latin1");
  try {
    const db = new Database(copy, { readonly: true });
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return db;
  } catch (error) {
    throw new AnkiImportError("not-sqlite", file, `the collection is not a readable SQLite database (${(error as Error).message})`);
  }
}
