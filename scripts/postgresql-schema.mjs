// Derives prisma/postgresql/schema.prisma from prisma/schema.prisma, the one schema source.
// Prisma takes a schema's provider from the file alone, so each engine needs its own schema (and
// its own generated client); writing the PostgreSQL one by hand would let the two drift.
//
// What differs on PostgreSQL, and nothing else:
// - the datasource's provider, and the generated client's folder (lib/db/generated-postgresql);
// - every DateTime is `@db.Timestamptz(3)`: an instant with its zone, at the millisecond precision
//   SQLite keeps, rather than Prisma's default zone-less timestamp.
// The Json columns need nothing here: Prisma makes a Json field jsonb on PostgreSQL by itself
// (on SQLite, a JSONB-declared column holding JSON text).
//
// Usage: node scripts/postgresql-schema.mjs            writes the derived file
//        node scripts/postgresql-schema.mjs --check    exits 1 when the committed file is stale
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const SOURCE_PATH = fileURLToPath(new URL("../prisma/schema.prisma", import.meta.url));
export const DERIVED_PATH = fileURLToPath(new URL("../prisma/postgresql/schema.prisma", import.meta.url));

const HEADER = [
  "// Derived from prisma/schema.prisma by scripts/postgresql-schema.mjs (npm run db:generate).",
  "// Do not edit: change prisma/schema.prisma and run npm run db:generate again.",
  "",
];

/**
 * The PostgreSQL schema for a SQLite schema source. Throws when the source lacks the lines the
 * derivation rewrites, or already names a native type (the source must stay portable).
 * @param {string} source
 * @returns {string}
 */
export function derivePostgresqlSchema(source) {
  let block = "";
  let outputs = 0;
  let providers = 0;
  const lines = source.split("\n").map((line, index) => {
    const opening = /^\s*(generator|datasource|model|enum|view|type)\s+\w+\s*\{/.exec(line);
    if (opening) block = opening[1] ?? "";
    else if (/^\s*\}/.test(line)) block = "";
    const code = line.replace(/\s*\/\/.*$/, "");
    if (/@db\./.test(code)) {
      throw new Error(`prisma/schema.prisma:${index + 1}: native type attribute in the portable schema: ${line.trim()}`);
    }
    if (block === "generator" && /^\s*output\s*=/.test(code)) {
      outputs++;
      return line.replace(/"[^"]*"/, '"../../lib/db/generated-postgresql"');
    }
    if (block === "datasource" && /^\s*provider\s*=\s*"sqlite"/.test(code)) {
      providers++;
      return line.replace('"sqlite"', '"postgresql"');
    }
    if (block === "model" && /^\s*\w+\s+DateTime\??(\s|$)/.test(code)) {
      return `${code} @db.Timestamptz(3)${line.slice(code.length)}`;
    }
    return line;
  });
  if (outputs !== 1) throw new Error(`prisma/schema.prisma: expected one generator output, found ${outputs}`);
  if (providers !== 1) throw new Error(`prisma/schema.prisma: expected one datasource with provider "sqlite", found ${providers}`);
  return [...HEADER, ...lines].join("\n");
}

function main() {
  const derived = derivePostgresqlSchema(readFileSync(SOURCE_PATH, "utf8"));
  if (process.argv.includes("--check")) {
    let committed = "";
    try {
      committed = readFileSync(DERIVED_PATH, "utf8");
    } catch {
      // a missing file is as stale as a changed one
    }
    if (committed !== derived) {
      console.error("prisma/postgresql/schema.prisma is stale: run npm run db:generate");
      process.exit(1);
    }
    return;
  }
  mkdirSync(dirname(DERIVED_PATH), { recursive: true });
  writeFileSync(DERIVED_PATH, derived);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
