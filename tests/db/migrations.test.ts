// The project's migration runner against a real database of the run's engine (SQLite, or
// PostgreSQL under npm run test:db:postgresql), through Prisma's Wasm schema engine.
import { join, resolve } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrationAuthoring, SCHEMA_FILES } from "@/lib/db/engine/tools.node.ts";
import { databaseAt, MIGRATIONS_DIR, testEngine, withDatabase } from "../support/database.ts";
import { tableNames } from "../support/schema-model.ts";
import { freshDatabase } from "../support/temp-database.ts";

const root = resolve(import.meta.dirname, "../..");
const engine = testEngine();
const database = freshDatabase();
afterAll(() => database.cleanup());

describe(`migrations (${engine})`, () => {
  it("applies every migration once and records it where prisma migrate deploy looks", async () => {
    const first = await databaseAt(database.url).applyMigrations(MIGRATIONS_DIR);
    expect(first.length).toBeGreaterThan(0);
    const again = await databaseAt(database.url).applyMigrations(MIGRATIONS_DIR);
    expect(again).toEqual([]);

    const [recorded, tables] = await withDatabase(
      database.url,
      async (db) =>
        [
          await db.all<{ migration_name: string; finished_at: unknown }>(
            "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
          ),
          await tableNames(db, engine),
        ] as const,
      { readonly: true },
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(first);
    expect(recorded.every((r) => r.finished_at !== null)).toBe(true);
    expect(tables).toEqual(expect.arrayContaining(["User", "Deck", "Card", "CardState", "ReviewLog"]));
  });

  it("finds nothing to create when the schema matches the committed migrations", async () => {
    const serverUrl = engine === "postgresql" ? inject("postgresAdminUrl") : undefined;
    const sql = await migrationAuthoring(engine, serverUrl).diffSchemaAgainstMigrations(
      MIGRATIONS_DIR,
      join(root, ...SCHEMA_FILES[engine]),
    );
    expect(sql.replace(/^--.*$/gm, "").trim()).toBe("");
  });
});
