// A vault's Obsidian Spaced Repetition settings travel with its notes through every way in: a
// zipped vault, a folder chosen in the browser, and a folder walked by the CLI. The plugin keeps
// them in .obsidian/plugins/obsidian-spaced-repetition/data.json
// (https://github.com/st3v3nmw/obsidian-spaced-repetition, docs/en/user-options.md).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../cli/command.ts";
import { runImport } from "../../cli/commands/import.ts";
import { previewUpload } from "../../lib/notes/index.ts";

const SETTINGS_PATH = ".obsidian/plugins/obsidian-spaced-repetition/data.json";
const settings = JSON.stringify({ settings: { singleLineCardSeparator: ";;", convertHighlightsToClozes: false } });
const note = "#flashcards\n\nWhich call returns temporary credentials?;;AssumeRole\n\nThe ==root user== needs MFA.\n";

function frontsOf(drafts: ReadonlyArray<{ front: string }>): string[] {
  return drafts.map((d) => d.front);
}

describe("the vault's SR settings", () => {
  it("apply to the notes of a zipped vault", () => {
    const zip = zipSync({ [`Vault/${SETTINGS_PATH}`]: strToU8(settings), "Vault/sts.md": strToU8(note) });
    const preview = previewUpload([{ path: "vault.zip", bytes: zip }]);
    expect(preview.problems).toEqual([]);
    // `;;` is this vault's separator, and its highlights are not clozes.
    expect(frontsOf(preview.drafts)).toEqual(["Which call returns temporary credentials?"]);
    expect(preview.importedFiles).toEqual(["sts.md"]);
  });

  it("apply to the notes of a folder chosen in the browser, and not to a note outside that vault", () => {
    const preview = previewUpload([
      { path: `Vault/${SETTINGS_PATH}`, bytes: strToU8(settings) },
      { path: "Vault/sts.md", bytes: strToU8(note) },
      { path: "Other/sts.md", bytes: strToU8(note) },
    ]);
    const byFile = (file: string) => frontsOf(preview.drafts.filter((d) => d.source.file === file));
    expect(byFile("Vault/sts.md")).toEqual(["Which call returns temporary credentials?"]);
    // The other folder keeps the plugin's defaults: `;;` is text there, and the highlight is a cloze.
    expect(byFile("Other/sts.md")).toEqual(["The {{c1::root user}} needs MFA."]);
  });

  it("that are not JSON are a problem naming the file; the defaults apply", () => {
    const preview = previewUpload([
      { path: `Vault/${SETTINGS_PATH}`, bytes: strToU8("{ not json") },
      { path: "Vault/sts.md", bytes: strToU8("#flashcards\nQ::A\n") },
    ]);
    // A folder's single wrapping folder is dropped, as for every upload (docs/importing.md, "Files").
    expect(preview.problems).toEqual([{ file: SETTINGS_PATH, message: expect.stringContaining("not valid JSON") }]);
    expect(frontsOf(preview.drafts)).toEqual(["Q"]);
  });

  it("over 256 KB are refused as settings", () => {
    const preview = previewUpload([
      { path: `Vault/${SETTINGS_PATH}`, bytes: strToU8(" ".repeat(300 * 1024)) },
      { path: "Vault/sts.md", bytes: strToU8("#flashcards\nQ::A\n") },
    ]);
    expect(preview.problems.map((p) => p.file)).toEqual([`Vault/${SETTINGS_PATH}`]);
    expect(frontsOf(preview.drafts)).toEqual(["Q"]);
  });
});

describe("the CLI's folder walk", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "vault-settings-"));
    mkdirSync(join(dir, ".obsidian", "plugins", "obsidian-spaced-repetition"), { recursive: true });
    mkdirSync(join(dir, ".obsidian", "themes"), { recursive: true });
    writeFileSync(join(dir, SETTINGS_PATH), settings);
    writeFileSync(join(dir, ".obsidian", "themes", "dark.md"), "- not a note of the vault\n\t- skipped\n");
    writeFileSync(join(dir, "sts.md"), note);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads only the SR settings from .obsidian/, and applies them", async () => {
    const sink: CliIO & { out: string } = {
      out: "",
      stdout: (text: string) => void (sink.out += text),
      stderr: () => undefined,
      readStdin: async () => "",
    };
    const code = await runImport(["--dry-run", "--json", dir], sink);
    expect(code).toBe(0);
    const out = JSON.parse(sink.out) as { cards: Array<{ front: string; source: { file: string } }> };
    expect(out.cards.map((c) => [c.source.file, c.front])).toEqual([["sts.md", "Which call returns temporary credentials?"]]);
  });
});
