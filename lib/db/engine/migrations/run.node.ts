// The project's own `migrate deploy` and `migrate dev --create-only`, built on the Wasm engine and
// the adapter factory of whichever engine's database the migrations are for.
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { openSchemaEngine } from "./schema-engine.node.ts";
import { readMigrationList } from "./migration-files.node.ts";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const logs: string[] = [];
  const { engine, close } = await openSchemaEngine(factory, logs);
  try {
    return await work(engine);
  } catch (error) {
    // The engine reports its own failures as plain objects; keep the engine's log with them.
    const detail = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`schema engine: ${detail}${logs.length ? `\n${logs.join("\n")}` : ""}`);
  } finally {
    await close();
  }
}

/** Applies every migration in `migrationsDir` not yet recorded in `_prisma_migrations`. */
export async function applyMigrationsWith(factory: SqlMigrationAwareDriverAdapterFactory, migrationsDir: string): Promise<string[]> {
  const migrationsList = await readMigrationList(migrationsDir);
  return withEngine(factory, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return output.appliedMigrationNames;
  });
}

/**
 * The SQL that takes a database with every existing migration applied to the schema file.
 * `scratch` must connect to an empty, throwaway database: the migrations are replayed there,
 * which spares us the shadow database that the engine's own `createMigration` wants.
 */
export async function diffSchemaAgainstMigrationsWith(
  scratch: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir: string,
  schemaPath: string,
): Promise<string> {
  const migrationsList = await readMigrationList(migrationsDir);
  const schema = await readFile(schemaPath, "utf8");
  // One engine for both steps: on SQLite a second one on the same file would wait on the first one's lock.
  return withEngine(scratch, async (engine) => {
    await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    const result = await engine.diff({
      // "schemaDatasource" means: the live database behind the engine's adapter.
      from: { tag: "schemaDatasource", files: [{ path: schemaPath, content: schema }], configDir: dirname(schemaPath) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}

/** The SQL that creates `schemaPath`'s models on an empty database of the factory's engine. */
export async function initialMigrationWith(factory: SqlMigrationAwareDriverAdapterFactory, schemaPath: string): Promise<string> {
  const schema = await readFile(schemaPath, "utf8");
  return withEngine(factory, async (engine) => {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}
