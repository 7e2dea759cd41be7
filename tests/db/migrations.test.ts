// The project's migration runner against a real SQLite file, through Prisma's Wasm schema engine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrationAuthoring } from "@/lib/db/engine/tools.node.ts";
import { databaseAt, withDatabase } from "../support/database.ts";

const root = resolve(import.meta.dirname, "../..");
const migrations = join(root, "prisma", "migrations");
const dir = mkdtempSync(join(tmpdir(), "iam-recall-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("migrations", () => {
  it("applies every migration once and records it where prisma migrate deploy looks", async () => {
    const url = `file:${join(dir, "app.db")}`;
    const first = await databaseAt(url).applyMigrations(migrations);
    expect(first.length).toBeGreaterThan(0);
    const again = await databaseAt(url).applyMigrations(migrations);
    expect(again).toEqual([]);

    const [recorded, tables] = await withDatabase(
      url,
      async (db) =>
        [
          await db.all<{ migration_name: string; finished_at: string | null }>(
            "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
          ),
          (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")).map((t) => t.name),
        ] as const,
      { readonly: true },
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(first);
    expect(recorded.every((r) => r.finished_at !== null)).toBe(true);
    expect(tables).toEqual(expect.arrayContaining(["User", "Deck", "Card", "CardState", "ReviewLog"]));
  });

  it("finds nothing to create when the schema matches the committed migrations", async () => {
    const sql = await migrationAuthoring("sqlite").diffSchemaAgainstMigrations(migrations, join(root, "prisma", "schema.prisma"));
    expect(sql.replace(/^--.*$/gm, "").trim()).toBe("");
  });
});
