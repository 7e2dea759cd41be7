// Prisma's schema engine compiled to WebAssembly, driven through an engine's Prisma driver adapter
// (better-sqlite3 or pg). The native engine cannot be downloaded on our machines, so migrations go
// through this instead; it writes the same `_prisma_migrations` table that `prisma migrate deploy` reads.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    // The .wasm file is not in the package's exports map, so locate it beside the entry point.
    const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const bytes = await readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": engineGlue });
    const glue = engineGlue as unknown as { __wbg_set_wasm(exports: WebAssembly.Exports): void };
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened (on SQLite, releasing the file's lock). */
  close(): Promise<void>;
}

/** Opens the schema engine on the database the adapter factory connects to. */
export async function openSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory, logs: string[] = []): Promise<OpenedSchemaEngine> {
  await loadWasm();
  // engine.free() leaves the adapter's connections open: on SQLite an open connection keeps a lock
  // that makes the next engine on the same file time out, and on PostgreSQL it keeps a server
  // connection; so connections are tracked and closed.
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const { SchemaEngine: Engine } = engineGlue as unknown as { SchemaEngine: typeof SchemaEngine };
  const engine = await Engine.new(
    { datamodels: undefined },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}
