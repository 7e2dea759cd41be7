// Generates the Prisma client into lib/db/generated. `prisma generate` never starts the schema
// engine, but the CLI downloads it first unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file;
// these machines cannot reach Prisma's binary host, so point it at any file (node itself).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
