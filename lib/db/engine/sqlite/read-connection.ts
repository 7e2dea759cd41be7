// A read connection of the server process's own, beside Prisma's, for the queries on the review
// hot path: Prisma turns each row into objects through its query engine, which for a learner with
// thousands of due cards cost tens of milliseconds a request; better-sqlite3 reads them in a few.
// In WAL mode this connection reads the last committed state without blocking writers.
import "server-only";
import type Database from "better-sqlite3";
import { openReader } from "./reader.node.ts";

const globalForReads = globalThis as unknown as { iamRecallReader?: { file: string; db: Database.Database } };

export function readConnection(file: string): Database.Database {
  const cached = globalForReads.iamRecallReader;
  if (cached && cached.file === file && cached.db.open) return cached.db;
  const db = openReader(file);
  globalForReads.iamRecallReader = { file, db };
  return db;
}
