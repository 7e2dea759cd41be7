// The database engine behind the running app, chosen once from DATABASE_URL. Data-access code asks
// it for the ports (ports.ts) and never learns which engine answers.
import "server-only";
import { env } from "../../env.ts";
import type { DatabaseEngine } from "./ports.ts";
import { postgresqlEngine } from "./postgresql/index.ts";
import { engineNameOf } from "./select.ts";
import { sqliteEngine } from "./sqlite/index.ts";

const globalForEngine = globalThis as unknown as { iamRecallEngine?: { url: string; engine: DatabaseEngine } };

export function databaseEngine(): DatabaseEngine {
  const url = env().DATABASE_URL;
  const cached = globalForEngine.iamRecallEngine;
  if (cached && cached.url === url) return cached.engine;
  const engine = engineFor(url);
  globalForEngine.iamRecallEngine = { url, engine };
  return engine;
}

function engineFor(url: string): DatabaseEngine {
  switch (engineNameOf(url)) {
    case "sqlite":
      return sqliteEngine(url);
    case "postgresql":
      return postgresqlEngine(url);
  }
}

export type {
  BulkWrites,
  CardRef,
  DatabaseEngine,
  DayLogRow,
  DueStateRow,
  ImportBaseline,
  ImportedCardHistory,
  ImportedMedia,
  ImportedReviewRow,
  ImportExtras,
  ImportWithExtrasWrite,
  NewCardRow,
  QueueReads,
  RestoreRows,
  RestoreWrite,
} from "./ports.ts";
