// A fresh database with every migration applied, for tests of the data-access layer.
// Must be called before anything imports lib/db/client.ts, which reads DATABASE_URL once.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migratedDatabase } from "./database.ts";

export async function setUpTempDatabase(): Promise<{ file: string; url: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "iam-recall-test-db-"));
  const file = join(dir, "test.db");
  const url = `file:${file}`;
  await migratedDatabase(url);
  process.env.DATABASE_URL = url;
  return { file, url, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
