import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// End-to-end tests: one production build served by `next start` on loopback, on the engine
// E2E_DATABASE_ENGINE names (sqlite, the default, or postgresql), driven over HTTP and through
// Debian's Chromium. Files run one after another; they share the server and its database.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  resolve: { alias: { "@": fileURLToPath(new URL("../..", import.meta.url)) } },
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    globalSetup: ["tests/e2e/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
