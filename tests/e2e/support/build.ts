// `next build` for the end-to-end runs. The build holds no database URL (the engine is chosen when
// the server starts), so it is made without one, and one build serves both engines' runs.
// next build adds its build folder's type paths to tsconfig.json (NEXT_DIST_DIR=.next-e2e, say);
// the file is put back afterwards, so a test run leaves the checkout as it found it.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../../..");

export function buildApp(): void {
  const tsconfig = join(root, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  // vitest sets NODE_ENV=test and a shell may say development; the build must see production.
  const { DATABASE_URL: _none, NODE_ENV: _mode, ...inherited } = process.env;
  try {
    const result = spawnSync("npx", ["next", "build"], {
      cwd: root,
      env: { ...inherited, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  } finally {
    if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  }
}
