import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseFileProblem, sqliteFilePath } from "@/lib/db/engine/sqlite/database-file.node.ts";

const dir = mkdtempSync(join(tmpdir(), "iam-recall-path-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("database path checks", () => {
  it("resolves relative file: URLs against the working folder", () => {
    expect(sqliteFilePath("file:./data/x.db", "/srv/app")).toBe("/srv/app/data/x.db");
    expect(sqliteFilePath("file:/var/lib/x.db?mode=rwc", "/srv/app")).toBe("/var/lib/x.db");
  });

  it("lets setup create a file in a folder it will create", () => {
    expect(databaseFileProblem(`file:${join(dir, "new", "app.db")}`, { mustExist: false })).toBeNull();
  });

  it("stops the running app when the file is missing, naming DATABASE_URL", () => {
    const problem = databaseFileProblem(`file:${join(dir, "missing.db")}`, { mustExist: true });
    expect(problem).toMatch(/does not exist/);
    expect(problem).toMatch(/DATABASE_URL/);
  });

  it("refuses a folder where the file should be", () => {
    expect(databaseFileProblem(`file:${dir}`, { mustExist: true })).toMatch(/is a directory.*DATABASE_URL/);
  });

  it("accepts an existing writable file", () => {
    const file = join(dir, "ok.db");
    writeFileSync(file, "");
    expect(databaseFileProblem(`file:${file}`, { mustExist: true })).toBeNull();
  });
});
