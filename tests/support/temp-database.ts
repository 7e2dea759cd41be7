// A fresh SQLite file with every migration applied, for tests of the data-access layer.
// Must be called before anything imports lib/db/client.ts, which reads DATABASE_URL once.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { applyMigrations } from "@/lib/db/migrations/run.ts";
import { useWriteAheadLog } from "@/lib/db/sqlite/journal.ts";

export async function useTempDatabase(): Promise<{ file: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "iam-recall-test-db-"));
  const file = join(dir, "test.db");
  await applyMigrations(`file:${file}`, resolve(import.meta.dirname, "../../prisma/migrations"));
  useWriteAheadLog(file);
  process.env.DATABASE_URL = `file:${file}`;
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
