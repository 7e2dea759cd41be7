// lib/notes is pure and framework-free, so the web upload and the CLI share every rule: no Node
// built-ins, no clock, no randomness. lib/notes/worker (the upload's worker thread) is the one
// Node-only part, kept out of lib/notes/index.ts.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../lib/notes", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const NODE_ONLY = join(root, "worker");
const NODE_IMPORT = /from\s+["'](?:node:[\w/]+|fs|path|crypto|os|worker_threads)["'/]/;

describe("lib/notes purity", () => {
  const files = sources(root).filter((f) => !f.startsWith(NODE_ONLY));
  it("has sources", () => expect(files.length).toBeGreaterThan(10));
  it("recognises a Node import", () => {
    expect('import { Worker } from "node:worker_threads";').toMatch(NODE_IMPORT);
    expect('import { readFile } from "fs/promises";').toMatch(NODE_IMPORT);
  });
  it("keeps the Node-only worker out of the public face", () => {
    expect(readFileSync(join(root, "index.ts"), "utf8")).not.toMatch(/from\s+["']\.\/worker/);
  });
  it.each(files.map((f) => [f.slice(root.length + 1), f]))("%s imports nothing from node: and reads no clock", (_name, file) => {
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(NODE_IMPORT);
    expect(text).not.toMatch(/\bDate\.now\(|new Date\(|Math\.random\(|process\./);
  });
  it("uses highlight.js core, not the full bundle", () => {
    const text = readFileSync(join(root, "render/highlight.ts"), "utf8");
    expect(text).toMatch(/from "highlight\.js\/lib\/core"/);
    expect(text).not.toMatch(/from "highlight\.js"/);
  });
});
