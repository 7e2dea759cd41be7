import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliUsageError, type CliIO } from "../../cli/command.ts";
import { parseImportArgs, runImport } from "../../cli/commands/import.ts";
import { SEED_FILES, seedText } from "./helpers.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));

let dir = "";

function io(stdin = ""): CliIO & { out: string; err: string } {
  const sink = {
    out: "",
    err: "",
    stdout: (t: string) => void (sink.out += t),
    stderr: (t: string) => void (sink.err += t),
    readStdin: async () => stdin,
  };
  return sink;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "notes-cli-"));
  const graph = join(dir, "graph");
  for (const sub of ["pages", "journals", "logseq", "assets", ".git"]) mkdirSync(join(graph, sub), { recursive: true });
  writeFileSync(join(graph, "pages", "sts.md"), seedText(SEED_FILES[2]));
  writeFileSync(join(graph, "journals", "2024_01_02.md"), "- Roles\n\t- assumed by services\n");
  writeFileSync(join(graph, "logseq", "config.edn"), "{}");
  writeFileSync(join(graph, "assets", "image.png"), new Uint8Array([0x89, 0x50, 0, 0]));
  writeFileSync(join(graph, ".git", "HEAD"), "ref");
  writeFileSync(join(graph, "pages", "broken.md"), new Uint8Array([...strToU8("ok\nidentit"), 0xe9]));
  writeFileSync(join(dir, "seed.txt"), seedText(SEED_FILES[1]));
  writeFileSync(
    join(dir, "vault.zip"),
    zipSync({ "Vault/IAM.md": strToU8("# IAM\n* Users\n\t* people\n"), "Vault/../x.md": strToU8("x") }),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("import command arguments", () => {
  it("parses flags in either form", () => {
    expect(parseImportArgs(["--dry-run", "--json", "--deck", "AWS", "a", "--owner=me@x.io", "--", "--weird"])).toEqual({
      dryRun: true,
      json: true,
      deck: "AWS",
      owner: "me@x.io",
      inputs: ["a", "--weird"],
    });
  });
  it.each([[[]], [["--dry-run"]], [["--deck"]], [["--nope", "a"]]])("refuses %j as a usage error", (args) => {
    expect(() => parseImportArgs(args)).toThrow(CliUsageError);
  });
});

describe("import --dry-run", () => {
  it("prints decks and cards as JSON, with problems, and exits 1 when a file had problems", async () => {
    const sink = io();
    const code = await runImport(["--dry-run", "--json", join(dir, "graph"), join(dir, "seed.txt"), join(dir, "vault.zip")], sink);
    expect(code).toBe(1);
    const out = JSON.parse(sink.out) as {
      decks: Array<{ name: string; cards: number }>;
      cards: Array<{
        deckPath: string[];
        front: string;
        back: string;
        key: string;
        tags: string[];
        source: { file: string; line: number };
      }>;
      problems: Array<{ file: string; line?: number; message: string }>;
    };
    expect(out.cards.length).toBeGreaterThan(25);
    expect(Object.keys(out.cards[0]!).sort()).toEqual(["back", "deckPath", "front", "key", "kind", "source", "tags"]);
    expect(out.cards.map((c) => c.source.file)).toEqual(
      expect.arrayContaining(["pages/sts.md", "journals/2024_01_02.md", "seed.txt", "IAM.md"]),
    );
    expect(out.cards.some((c) => c.front === "IAM Identities › IAM Users")).toBe(true);
    expect(out.decks.map((d) => d.name)).toEqual(expect.arrayContaining(["sts › IAM Identities", "IAM"]));
    expect(out.problems).toEqual([
      { file: "pages/broken.md", line: 2, message: expect.stringMatching(/invalid UTF-8 at line 2/) },
      { file: "vault.zip/Vault/../x.md", message: expect.stringMatching(/escapes the upload root/) },
    ]);
  });

  it("prints a readable summary and exits 0 when all is well", async () => {
    const sink = io();
    const code = await runImport(["--dry-run", "--deck", "Exam", join(dir, "seed.txt")], sink);
    expect(code).toBe(0);
    expect(sink.out).toMatch(/^Dry run: nothing was written\.\n1 note read, 0 other files skipped -> 17 cards in 6 decks/);
    expect(sink.out).toContain("  Exam › AWS STS - Security Token Service › Directory Services  (3)");
    expect(sink.out).toContain("What does `AssumeRoleWithSAML` do?  (seed.txt:5)");
  });

  it("reads a note from standard input with -", async () => {
    const sink = io("* Roles\n\t* assumed\n");
    expect(await runImport(["--dry-run", "--json", "-"], sink)).toBe(0);
    expect(JSON.parse(sink.out).cards).toEqual([expect.objectContaining({ front: "Roles", source: { file: "stdin.md", line: 1 } })]);
  });

  it("lists the blocks that looked like cards but were skipped, after the cards, in text and JSON", async () => {
    const note = "# IAM\n\n- What is STS? #card\n\t- Security Token Service\n- Lonely question #card\n";
    const text = io(note);
    expect(await runImport(["--dry-run", "-"], text)).toBe(0);
    expect(text.out).toMatch(
      /Cards:\n[\s\S]*What is STS\?[\s\S]*\nSkipped blocks \(1\), no card made:\n {2}stdin\.md:5: "[^"]*Lonely question": \S/,
    );
    const json = io(note);
    expect(await runImport(["--dry-run", "--json", "-"], json)).toBe(0);
    expect(JSON.parse(json.out).skippedBlocks).toEqual([
      { file: "stdin.md", line: 5, text: expect.stringContaining("Lonely question"), reason: expect.any(String) },
    ]);
  });

  it("reports a missing path as a problem", async () => {
    const sink = io();
    expect(await runImport(["--dry-run", join(dir, "nope.md")], sink)).toBe(1);
    expect(sink.out).toContain("no such file or folder");
  });
});

describe("import (writing)", () => {
  it("says clearly when the database import cannot be loaded", async () => {
    const sink = io();
    const code = await runImport([join(dir, "seed.txt")], sink, {
      loadDatabaseImport: () => Promise.reject(new Error("Cannot find module")),
    });
    expect(code).toBe(1);
    expect(sink.err).toMatch(/database import is not available \(Cannot find module\)[\s\S]*--dry-run/);
    expect(sink.out).toBe("");
  });

  it("hands the good files, deck and owner to the database import and reports both sides' problems", async () => {
    const calls: Array<{ ownerEmail?: string; files: Array<{ path: string }>; deck?: string }> = [];
    const sink = io();
    const code = await runImport(["--deck", "Exam", "--owner", "me@x.io", join(dir, "graph")], sink, {
      loadDatabaseImport: async () => ({
        importNoteFiles: async (options) => {
          calls.push(options);
          return { created: 3, updated: 1, suspended: 2, unchanged: 4, problems: [] };
        },
      }),
    });
    expect(code).toBe(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.files.map((f) => f.path).sort()).toEqual(["journals/2024_01_02.md", "pages/sts.md"]);
    expect(calls[0]).toMatchObject({ deck: "Exam", ownerEmail: "me@x.io" });
    expect(sink.out).toMatch(/^2 notes imported: 3 created, 1 updated, 2 suspended, 4 unchanged\.\nProblems \(1\)/);
    expect(sink.out).toContain("pages/broken.md:2: invalid UTF-8");
  });
});

describe("npm run cli -- import", () => {
  const run = promisify(execFile);
  it("is registered and exits 2 on a usage error", async () => {
    const error = await run(process.execPath, ["--import", "tsx", "cli/main.ts", "import", "--bogus", "x"], { cwd: repo }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(error).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option --bogus") });
    const help = await run(process.execPath, ["--import", "tsx", "cli/main.ts", "--help"], { cwd: repo });
    expect(help.stdout).toMatch(/import\s+Import notes/);
  });
});
