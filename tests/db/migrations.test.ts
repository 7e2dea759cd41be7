// The project's migration runner against a real SQLite file, through Prisma's Wasm schema engine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, diffSchemaAgainstMigrations } from "@/lib/db/migrations/run.ts";

const root = resolve(import.meta.dirname, "../..");
const migrations = join(root, "prisma", "migrations");
const dir = mkdtempSync(join(tmpdir(), "iam-recall-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("migrations", () => {
  it("applies every migration once and records it where prisma migrate deploy looks", async () => {
    const file = join(dir, "app.db");
    const first = await applyMigrations(`file:${file}`, migrations);
    expect(first.length).toBeGreaterThan(0);
    const again = await applyMigrations(`file:${file}`, migrations);
    expect(again).toEqual([]);

    const db = new Database(file, { readonly: true });
    const recorded = db.prepare("SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name").all() as Array<{ migration_name: string; finished_at: string | null }>;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    db.close();
    expect(recorded.map((r) => r.migration_name)).toEqual(first);
    expect(recorded.every((r) => r.finished_at !== null)).toBe(true);
    expect(tables).toEqual(expect.arrayContaining(["User", "Deck", "Card", "CardState", "ReviewLog"]));
  });

  it("finds nothing to create when the schema matches the committed migrations", async () => {
    const sql = await diffSchemaAgainstMigrations(`file:${join(dir, "scratch.db")}`, migrations, join(root, "prisma", "schema.prisma"));
    expect(sql.replace(/^--.*$/gm, "").trim()).toBe("");
  });
});
