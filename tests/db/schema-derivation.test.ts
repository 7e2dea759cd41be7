// prisma/postgresql/schema.prisma is derived from prisma/schema.prisma (scripts/postgresql-schema.mjs)
// and committed; it must not fall behind its source, and it may differ only where PostgreSQL needs.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const script = join(root, "scripts", "postgresql-schema.mjs");
const source = readFileSync(join(root, "prisma", "schema.prisma"), "utf8");
const derived = readFileSync(join(root, "prisma", "postgresql", "schema.prisma"), "utf8");

describe("16: the PostgreSQL schema", () => {
  it("16: is what the derivation makes of prisma/schema.prisma now (run npm run db:generate when this fails)", () => {
    const check = spawnSync(process.execPath, [script, "--check"], { cwd: root, encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("16: differs from the source only in provider, client folder, header and timestamptz dates", () => {
    const sourceLines = source.split("\n");
    const derivedLines = derived.split("\n").filter((line) => !line.startsWith("// Derived") && !line.startsWith("// Do not edit"));
    expect(derivedLines.length).toBe(sourceLines.length + 1); // the blank line after the header
    const changed = sourceLines.map((line, i) => [line, derivedLines[i + 1] ?? ""] as const).filter(([before, after]) => before !== after);
    const dateFields = sourceLines.filter((line) => /^\s*\w+\s+DateTime\??(\s|$)/.test(line));
    expect(changed.length).toBe(dateFields.length + 2);
    for (const [before, after] of changed) {
      if (/DateTime/.test(before)) expect(after).toBe(`${before} @db.Timestamptz(3)`);
      else
        expect([
          before.replace('"sqlite"', '"postgresql"'),
          before.replace('"../lib/db/generated"', '"../../lib/db/generated-postgresql"'),
        ]).toContain(after);
    }
  });

  it("16: refuses a source that names a native type, which would not be portable", () => {
    const withNative = source.replace(/(\n\s*email\s+String)/, "$1 @db.VarChar(200)");
    const run = () =>
      execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `import { derivePostgresqlSchema } from ${JSON.stringify(script)}; derivePostgresqlSchema(${JSON.stringify(withNative)});`,
        ],
        {
          stdio: "pipe",
        },
      );
    expect(run).toThrow(/native type attribute/);
  });
});
