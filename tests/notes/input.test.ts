import { describe, expect, it } from "vitest";
import { MAX_NOTE_BYTES, planVault, readNoteBytes, checkRelativePath } from "../../lib/notes/index.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("readNoteBytes", () => {
  it("accepts UTF-8 Markdown and text, normalising line endings and dropping a BOM", () => {
    for (const path of ["a.md", "b.markdown", "c.txt", "D.MD"]) {
      const read = readNoteBytes(path, utf8("\uFEFF# Titre\r\n- identité\r\n"));
      expect(read).toEqual({ ok: true, file: { path, text: "# Titre\n- identité\n" } });
    }
  });

  const refused: Array<{ name: string; path: string; bytes: Uint8Array; message: RegExp; line?: number }> = [
    { name: "unsupported extension", path: "x.pdf", bytes: utf8("%PDF"), message: /unsupported file type "\.pdf"/ },
    { name: "org-mode page", path: "pages/x.org", bytes: utf8("* heading"), message: /Org-mode files are not supported/ },
    { name: "no extension", path: "README", bytes: utf8("hi"), message: /unsupported file type "\(none\)"/ },
    {
      name: "binary with NUL bytes",
      path: "img.md",
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      message: /binary file/,
    },
    {
      name: "mostly control bytes",
      path: "x.txt",
      bytes: new Uint8Array(Array.from({ length: 200 }, (_v, i) => (i % 3 === 0 ? 0x01 : 0x41))),
      message: /binary file/,
    },
    { name: "UTF-16", path: "x.md", bytes: new Uint8Array([0xff, 0xfe, 0x23, 0x00]), message: /UTF-16/ },
    {
      name: "invalid UTF-8 (Latin-1 é on line 3)",
      path: "fr.md",
      bytes: new Uint8Array([...utf8("# IAM\n- ok\n- identit"), 0xe9, ...utf8("\n")]),
      message: /invalid UTF-8 at line 3, column 10/,
      line: 3,
    },
    { name: "overlong encoding", path: "x.md", bytes: new Uint8Array([0x41, 0xc0, 0xaf]), message: /invalid UTF-8 at line 1/, line: 1 },
    { name: "truncated sequence at the end", path: "x.md", bytes: new Uint8Array([0x41, 0xe2, 0x82]), message: /invalid UTF-8/, line: 1 },
    { name: "encoded surrogate", path: "x.md", bytes: new Uint8Array([0xed, 0xa0, 0x80]), message: /invalid UTF-8/, line: 1 },
    { name: "over 5 MB", path: "big.md", bytes: new Uint8Array(MAX_NOTE_BYTES + 1).fill(0x61), message: /over the 5\.0 MB limit/ },
  ];
  it.each(refused)("refuses $name, naming the file", ({ path, bytes, message, line }) => {
    const read = readNoteBytes(path, bytes);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem.file).toBe(path);
    expect(read.problem.message).toMatch(message);
    expect(read.problem.line).toBe(line);
  });

  it("accepts exactly 5 MB and 4-byte characters", () => {
    expect(readNoteBytes("ok.md", new Uint8Array(MAX_NOTE_BYTES).fill(0x61)).ok).toBe(true);
    expect(readNoteBytes("emoji.md", utf8("- 🔐 MFA")).ok).toBe(true);
  });
});

describe("upload paths", () => {
  const cases: Array<[string, string | RegExp]> = [
    ["pages/a.md", "pages/a.md"],
    ["./pages//a.md", "pages/a.md"],
    ["../etc/passwd.md", /escapes the upload root/],
    ["pages/../../x.md", /escapes the upload root/],
    ["/etc/x.md", /absolute path/],
    ["C:/x.md", /absolute path/],
    ["pages\\..\\x.md", /backslashes/],
  ];
  it.each(cases)("%s", (raw, expected) => {
    const checked = checkRelativePath(raw);
    if (typeof expected === "string") expect(checked).toEqual({ ok: true, path: expected });
    else expect(checked.ok ? "" : checked.message).toMatch(expected);
  });
});

describe("planVault", () => {
  it("takes a Logseq graph's pages and journals, not its config, backups or assets", () => {
    const plan = planVault([
      "pages/aws___iam.md",
      "journals/2024_01_02.md",
      "logseq/config.edn",
      "logseq/bak/pages/aws___iam/2024.md",
      "assets/image_1.png",
      "pages/old.org",
    ]);
    expect(plan.notes).toEqual(["pages/aws___iam.md", "journals/2024_01_02.md"]);
    expect(plan.skipped.map((s) => s.path)).toEqual(["logseq/config.edn", "logseq/bak/pages/aws___iam/2024.md", "assets/image_1.png"]);
    expect(plan.problems).toEqual([{ file: "pages/old.org", message: expect.stringMatching(/Org-mode/) }]);
  });

  it("takes an Obsidian vault's notes, skipping .obsidian, hidden files and __MACOSX", () => {
    const plan = planVault([
      "IAM/Roles.md",
      ".obsidian/app.json",
      ".obsidian/snippets/x.md",
      ".trash/old.md",
      "__MACOSX/IAM/._Roles.md",
      "IAM/diagram.png",
    ]);
    expect(plan.notes).toEqual(["IAM/Roles.md"]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      "hidden file or folder",
      "hidden file or folder",
      "hidden file or folder",
      "macOS metadata",
      "not a note",
    ]);
  });

  it("keeps a user folder named assets outside a Logseq graph", () => {
    expect(planVault(["notes/assets/policy.md"]).notes).toEqual(["notes/assets/policy.md"]);
  });
});
