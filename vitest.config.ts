import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // PostgreSQL-only files run under npm run test:db:postgresql, which starts a server for them.
    exclude: ["tests/e2e/**", "node_modules/**", "tests/**/postgresql-*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
