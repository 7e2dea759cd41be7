// A fresh database with every migration applied, for tests of the data-access layer: a file in a
// temporary folder on SQLite, or, when TEST_DATABASE_ENGINE=postgresql, a database of its own on
// the run's server (tests/support/postgres-cluster.ts), dropped on cleanup.
// Must be called before anything imports lib/db/client.ts, which reads DATABASE_URL once.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { urlOnDatabase } from "../../lib/db/engine/postgresql/connection-url.ts";
import { dropDatabase } from "../../lib/db/engine/postgresql/database-check.node.ts";
import { migratedDatabase, testEngine, type EngineName } from "./database.ts";

export interface TempDatabase {
  engine: EngineName;
  url: string;
  /** The SQLite file; reading it on PostgreSQL throws, since a test that needs it is SQLite's only. */
  readonly file: string;
  /** Removes the database (the file, or DROP DATABASE); await it where the test can. */
  cleanup: () => Promise<void>;
}

/** A database no one has used, not yet migrated (the database itself is created by the migrations). */
export function freshDatabase(engine: EngineName = testEngine()): TempDatabase {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "iam-recall-test-db-"));
    const file = join(dir, "test.db");
    return {
      engine,
      url: `file:${file}`,
      file,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject("postgresAdminUrl");
  if (!adminUrl) {
    throw new Error("TEST_DATABASE_ENGINE=postgresql needs a server: run npm run test:db:postgresql, or set TEST_POSTGRES_URL");
  }
  const url = urlOnDatabase(adminUrl, `iam_recall_t_${randomBytes(6).toString("hex")}`);
  return {
    engine,
    url,
    get file(): string {
      throw new Error("this test reads the SQLite file directly, so it runs on SQLite only");
    },
    cleanup: () => dropDatabase(url),
  };
}

export async function setUpTempDatabase(): Promise<TempDatabase> {
  const database = freshDatabase();
  await migratedDatabase(database.url);
  process.env.DATABASE_URL = database.url;
  return database;
}
