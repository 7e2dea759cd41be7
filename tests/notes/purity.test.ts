// lib/notes runs in the browser for upload previews: no Node built-ins, no clock, no randomness.

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

describe("lib/notes purity", () => {
  const files = sources(root);
  it("has sources", () => expect(files.length).toBeGreaterThan(10));
  it.each(files.map((f) => [f.slice(root.length + 1), f]))("%s imports nothing from node: and reads no clock", (_name, file) => {
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(/from\s+["'](?:node:|fs|path|crypto|os)["'/]/);
    expect(text).not.toMatch(/\bDate\.now\(|new Date\(|Math\.random\(|process\./);
  });
  it("uses highlight.js core, not the full bundle", () => {
    const text = readFileSync(join(root, "render/highlight.ts"), "utf8");
    expect(text).toMatch(/from "highlight\.js\/lib\/core"/);
    expect(text).not.toMatch(/from "highlight\.js"/);
  });
});
