// Generates the Prisma clients: SQLite's into lib/db/generated from prisma/schema.prisma, and
// PostgreSQL's into lib/db/generated-postgresql from the schema derived from it (written first, so
// the two never disagree). `prisma generate` never starts the schema engine, but the CLI downloads
// it first unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file; these machines cannot reach
// Prisma's binary host, so point it at any file (node itself).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

function run(args) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(["scripts/postgresql-schema.mjs"]);
run(["node_modules/prisma/build/index.js", "generate", "--schema", "prisma/schema.prisma"]);
run(["node_modules/prisma/build/index.js", "generate", "--schema", "prisma/postgresql/schema.prisma"]);
