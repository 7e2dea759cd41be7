import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import base from "../../vitest.config.ts";

// The database tests on PostgreSQL (npm run test:db:postgresql): a server for the run
// (tests/support/postgres-cluster.ts), TEST_DATABASE_ENGINE=postgresql so every temporary
// database is made there, and the files known to pass on that engine. Add a file here once it does.
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    ...base.test,
    include: [
      "tests/db/migrations.test.ts",
      "tests/**/postgresql-*.test.ts",
      ...[
        "stats-buckets",
        "stats",
        "backup",
        "card-import",
        "import-history",
        "import-review",
        "import-selection",
        "anki-import",
        "anki-import-atomic",
        "review",
        "review-sync",
        "decks",
        "users",
        "claims",
        "optimizer-runs",
        "classroom-concurrency",
        "optimize-route",
      ].map((name) => `tests/db/${name}.test.ts`),
      "tests/auth/sign-in-limits.test.ts",
    ],
    exclude: ["tests/e2e/**", "node_modules/**"],
    globalSetup: ["tests/support/postgres-cluster.ts"],
    env: { TEST_DATABASE_ENGINE: "postgresql" },
    hookTimeout: 60_000,
  },
});
