import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import base from "../../vitest.config.ts";

// The database tests on PostgreSQL (npm run test:db:postgresql): a server for the run
// (tests/support/postgres-cluster.ts), TEST_DATABASE_ENGINE=postgresql so every temporary
// database is made there, and every file that opens the app's database, less the few about SQLite alone.
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    ...base.test,
    include: [
      "tests/db/**/*.test.ts",
      "tests/**/postgresql-*.test.ts",
      "tests/auth/sign-in-limits.test.ts",
      "tests/anki/worker-export.test.ts",
    ],
    exclude: [
      "tests/e2e/**",
      "node_modules/**",
      // SQLite's own: its write lock, its file paths, its read threads; and a check of schema files that opens no database.
      ...["database-lock", "database-path", "read-pool", "schema-derivation"].map((name) => `tests/db/${name}.test.ts`),
    ],
    globalSetup: ["tests/support/postgres-cluster.ts"],
    env: { TEST_DATABASE_ENGINE: "postgresql" },
    hookTimeout: 60_000,
  },
});
