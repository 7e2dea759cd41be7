import { strToU8, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { expandZip, importPreview } from "../../lib/notes/index.ts";

const zip = (files: Record<string, string | Uint8Array>, level: 0 | 6 = 6) => {
  const tree: Zippable = {};
  for (const [path, content] of Object.entries(files)) tree[path] = [typeof content === "string" ? strToU8(content) : content, { level }];
  return zipSync(tree);
};

/** Rewrites every central-directory entry's declared uncompressed size (to forge headers). */
function forgeDeclaredSize(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i += 1) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe("expandZip", () => {
  it("expands a zipped Logseq graph: pages and journals, not config, backups or assets", () => {
    const result = expandZip(
      zip({
        "graph/pages/aws___iam.md": "- IAM #card\n\t- identities",
        "graph/journals/2024_01_02.md": "- Roles\n\t- assumed",
        "graph/logseq/config.edn": "{}",
        "graph/logseq/bak/pages/aws___iam.md": "- old",
        "graph/assets/image.png": new Uint8Array([0x89, 0x50, 0, 0]),
        "__MACOSX/graph/pages/._aws___iam.md": new Uint8Array([0, 5, 22, 7]),
      }),
      { name: "graph.zip" },
    );
    // The zipped folder's own name is dropped, so keys match importing the folder itself.
    expect(result.files.map((f) => f.path).sort()).toEqual(["journals/2024_01_02.md", "pages/aws___iam.md"]);
    expect(result.problems).toEqual([]);
    expect(result.skipped.map((s) => s.reason).sort()).toEqual([
      "Logseq assets",
      "Logseq configuration",
      "Logseq configuration",
      "macOS metadata",
    ]);
  });

  it("expands an Obsidian vault, stored or deflated", () => {
    for (const level of [0, 6] as const) {
      const result = expandZip(zip({ "Vault/IAM.md": "# IAM\n* Roles\n\t* assumed", "Vault/.obsidian/app.json": "{}" }, level));
      expect(result.files).toEqual([{ path: "IAM.md", text: "# IAM\n* Roles\n\t* assumed" }]);
    }
  });

  it("refuses unsafe paths per entry and keeps the good ones", () => {
    const result = expandZip(zip({ "ok.md": "* a\n\t* b", "../evil.md": "x", "/abs.md": "x", "dir\\win.md": "x", "a/../../up.md": "x" }), {
      name: "up.zip",
    });
    expect(result.files.map((f) => f.path)).toEqual(["ok.md"]);
    expect(result.problems.map((p) => [p.file, p.message.split(";")[0]])).toEqual([
      ["up.zip/../evil.md", "path escapes the upload root (..)"],
      ["up.zip//abs.md", "absolute path"],
      ["up.zip/dir\\win.md", "path uses backslashes"],
      ["up.zip/a/../../up.md", "path escapes the upload root (..)"],
    ]);
  });

  it("one bad file does not stop the good ones; problems name the entry and line", () => {
    const result = expandZip(
      zip({
        "good.md": "* Roles\n\t* assumed",
        "latin1.md": new Uint8Array([...strToU8("line one\nidentit"), 0xe9]),
        "binary.md": new Uint8Array([1, 0, 2, 0]),
        "page.org": "* org",
      }),
      { name: "notes.zip" },
    );
    expect(result.files.map((f) => f.path)).toEqual(["good.md"]);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { file: "notes.zip/latin1.md", line: 2, message: expect.stringMatching(/invalid UTF-8 at line 2/) },
        { file: "notes.zip/binary.md", message: expect.stringMatching(/binary/) },
        { file: "notes.zip/page.org", message: expect.stringMatching(/Org-mode/) },
      ]),
    );
  });

  it("refuses an archive with more than 20,000 entries before expanding anything", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= 20_000; i += 1) files[`n/${i}.md`] = "";
    const result = expandZip(zip(files, 0), { name: "many.zip" });
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([{ file: "many.zip", message: expect.stringMatching(/20001 entries, over the 20000 limit/) }]);
  });

  it("refuses an archive whose declared sizes expand past 200 MB", () => {
    const forged = forgeDeclaredSize(zip({ "a.md": "small" }), 201 * 1024 * 1024);
    const result = expandZip(forged, { name: "bomb.zip" });
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([
      { file: "bomb.zip", message: expect.stringMatching(/would expand to 201\.0 MB, over the 200\.0 MB limit/) },
    ]);
  });

  it("counts while inflating: an entry larger than its header says stops the archive", () => {
    const honest = zip({ "a.md": "x".repeat(100_000), "b.md": "ok" });
    const result = expandZip(forgeDeclaredSize(honest, 1000), { name: "liar.zip" });
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([{ file: "liar.zip", message: expect.stringMatching(/expands past the size its header declares/) }]);
  });

  it("stops once the actual total passes the limit", () => {
    const result = expandZip(zip({ "a.md": "a".repeat(3000), "b.md": "b".repeat(3000) }), {
      name: "total.zip",
      limits: { maxExpandedBytes: 6000 - 1 + 1000 },
    });
    expect(result.files).toHaveLength(2);
    const over = expandZip(zip({ "a.md": "a".repeat(3000), "b.md": "b".repeat(3000) }), {
      name: "total.zip",
      limits: { maxExpandedBytes: 5000 },
    });
    expect(over.problems).toEqual([{ file: "total.zip", message: expect.stringMatching(/would expand to/) }]);
  });

  it("refuses an oversized note inside the archive without inflating it", () => {
    const result = expandZip(zip({ "big.md": "a".repeat(6 * 1024 * 1024), "small.md": "* a\n\t* b" }), { name: "v.zip" });
    expect(result.files.map((f) => f.path)).toEqual(["small.md"]);
    expect(result.problems).toEqual([{ file: "v.zip/big.md", message: expect.stringMatching(/6\.0 MB, over the 5\.0 MB limit/) }]);
  });

  it("refuses something that is not a zip", () => {
    expect(expandZip(strToU8("just text"), { name: "fake.zip" }).problems).toEqual([
      { file: "fake.zip", message: expect.stringMatching(/not a zip archive/) },
    ]);
  });

  it("feeds importPreview: the same cards as the unzipped files", () => {
    const files = { "pages/sts.md": "- STS #card\n\t- temporary credentials" };
    const fromZip = importPreview(expandZip(zip(files)).files);
    const direct = importPreview([{ path: "pages/sts.md", text: files["pages/sts.md"] }]);
    expect(fromZip.drafts).toEqual(direct.drafts);
    expect(fromZip.drafts).toHaveLength(1);
  });
});

describe("collectUploads (browser uploads)", () => {
  it("gives a chosen folder, the same folder zipped, and loose files the same note paths", async () => {
    const { collectUploads } = await import("../../lib/notes/index.ts");
    const page = "- STS #card\n\t- temporary credentials";
    const folder = collectUploads([
      { path: "MyGraph/pages/sts.md", bytes: strToU8(page) },
      { path: "MyGraph/logseq/config.edn", bytes: strToU8("{}") },
      { path: "MyGraph/assets/a.png", bytes: new Uint8Array([0x89, 0]) },
    ]);
    const zipped = collectUploads([{ path: "MyGraph.zip", bytes: zip({ "MyGraph/pages/sts.md": page }) }]);
    expect(folder.files).toEqual([{ path: "pages/sts.md", text: page }]);
    expect(zipped.files).toEqual(folder.files);
    expect(folder.skipped.map((s) => s.reason)).toEqual(["Logseq configuration", "Logseq assets"]);
  });

  it("reports bad uploads by the path the browser gave and keeps the good ones", async () => {
    const { collectUploads } = await import("../../lib/notes/index.ts");
    const result = collectUploads([
      { path: "notes/ok.md", bytes: strToU8("* a\n\t* b") },
      { path: "notes/bad.md", bytes: new Uint8Array([0x61, 0x0a, 0xff]) },
      { path: "../escape.md", bytes: strToU8("x") },
      { path: "notes/inner.zip", bytes: zip({ "x.md": "* c\n\t* d" }) },
    ]);
    expect(result.files.map((f) => f.path)).toEqual(["ok.md", "x.md"]);
    expect(result.problems).toEqual([
      { file: "../escape.md", message: expect.stringMatching(/escapes the upload root/) },
      { file: "notes/bad.md", line: 2, message: expect.stringMatching(/invalid UTF-8 at line 2/) },
    ]);
  });
});

describe("10.1: one budget of entries and expanded bytes for the whole upload", () => {
  const MB = 1024 * 1024;
  const note = "- STS #card\n\t- temporary credentials\n";

  it("10.1: refuses 18 archives that each declare 195 MB (the reported attack) before inflating any", async () => {
    const { collectUploads, ImportTooLarge } = await import("../../lib/notes/index.ts");
    const archive = forgeDeclaredSize(zip({ "pages/a.md": note }), 195 * MB);
    const uploads = Array.from({ length: 18 }, (_v, i) => ({ path: `bomb-${i}.zip`, bytes: archive }));
    expect(() => collectUploads(uploads)).toThrow(ImportTooLarge);
    expect(() => collectUploads(uploads)).toThrow(
      /^the upload would expand to 3\.4 GB, over the 200\.0 MB limit for one import; nothing imported$/,
    );
  });

  it("10.1: two archives each under the limit but together over it are refused", async () => {
    const { collectUploads } = await import("../../lib/notes/index.ts");
    const a = forgeDeclaredSize(zip({ "a.md": note }), 150 * MB);
    const b = forgeDeclaredSize(zip({ "b.md": note }), 150 * MB);
    // Each alone is within the budget (its note is only refused as over 5 MB, nothing more).
    expect(collectUploads([{ path: "a.zip", bytes: a }]).problems).toEqual([
      { file: "a.zip/a.md", message: expect.stringMatching(/over the 5\.0 MB limit for one note/) },
    ]);
    expect(() =>
      collectUploads([
        { path: "a.zip", bytes: a },
        { path: "b.zip", bytes: b },
      ]),
    ).toThrow(/would expand to 300\.0 MB, over the 200\.0 MB limit/);
  });

  it("10.1: honest archives are charged what they really hold, together with loose files", async () => {
    const { collectUploads } = await import("../../lib/notes/index.ts");
    const a = zip({ "a.md": "a".repeat(3000) });
    const b = zip({ "b.md": "b".repeat(3000) });
    const loose = { path: "c.md", bytes: strToU8("c".repeat(3000)) };
    expect(collectUploads([{ path: "a.zip", bytes: a }, loose], { maxExpandedBytes: 8000 }).files.map((f) => f.path)).toEqual([
      "c.md",
      "a.md",
    ]);
    expect(() => collectUploads([{ path: "a.zip", bytes: a }, { path: "b.zip", bytes: b }, loose], { maxExpandedBytes: 8000 })).toThrow(
      /the upload would expand to 8\.8 KB, over the 7\.8 KB limit for one import/,
    );
  });

  it("10.1: counts entries across archives and loose files against one limit", async () => {
    const { collectUploads } = await import("../../lib/notes/index.ts");
    const many = (prefix: string) => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 600; i += 1) files[`${prefix}/${i}.md`] = "";
      return zip(files, 0);
    };
    const one = [
      { path: "x.zip", bytes: many("x") },
      { path: "loose.md", bytes: strToU8(note) },
    ];
    expect(collectUploads(one, { maxEntries: 1000 }).problems).toEqual([]);
    const two = [...one, { path: "y.zip", bytes: many("y") }];
    expect(() => collectUploads(two, { maxEntries: 1000 })).toThrow(
      /the upload has 1201 files and archive entries, over the 1000 limit for one import/,
    );
  });

  it("10.1: stops reading a directory once the entry budget is spent", async () => {
    const { openZip } = await import("../../lib/notes/input/zip.ts");
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i += 1) files[`${i}.md`] = "";
    const archive = zip(files, 0);
    const opened = openZip(archive, "x.zip", 10);
    expect(opened.ok && opened.zip.listed).toBe(50);
    expect(opened.ok && opened.zip.entries.length).toBe(0);
    // A directory whose count field is forged low is still walked only a little past the budget.
    const forged = archive.slice();
    const view = new DataView(forged.buffer);
    const eocd = forged.length - 22;
    view.setUint16(eocd + 8, 1, true);
    view.setUint16(eocd + 10, 1, true);
    const walked = openZip(forged, "x.zip", 10);
    expect(walked.ok && walked.zip.entries.length).toBe(11);
    expect(walked.ok && walked.zip.listed).toBe(11);
  });

  it("10.1: a zip inside a zip is reported as skipped and not expanded, at any depth", async () => {
    const { collectUploads } = await import("../../lib/notes/index.ts");
    const inner = zip({ "secret.md": note });
    const outer = zip({ "Vault/top.md": note, "Vault/inner.zip": inner });
    const result = collectUploads([{ path: "outer.zip", bytes: outer }]);
    expect(result.files.map((f) => f.path)).toEqual(["top.md"]);
    expect(result.skipped).toEqual([{ path: "outer.zip/Vault/inner.zip", reason: "archive inside an archive is not expanded" }]);

    // A .zip chosen inside a folder is one of the upload's own files: it is expanded (within the
    // same budget), but what it holds in turn is not.
    const folder = collectUploads([
      { path: "Notes/a.md", bytes: strToU8(note) },
      { path: "Notes/graph.zip", bytes: outer },
    ]);
    expect(folder.files.map((f) => f.path)).toEqual(["a.md", "top.md"]);
    expect(folder.skipped).toEqual([{ path: "Notes/graph.zip/Vault/inner.zip", reason: "archive inside an archive is not expanded" }]);
    expect(() =>
      collectUploads(
        [
          { path: "Notes/a.md", bytes: strToU8(note) },
          { path: "Notes/graph.zip", bytes: outer },
        ],
        { maxExpandedBytes: inner.length },
      ),
    ).toThrow(/over the .* limit for one import/);
  });

  it("10.1: the budget also counts while inflating, whatever the headers declared", async () => {
    const { ExpansionBudget, ImportTooLarge } = await import("../../lib/notes/index.ts");
    const budget = new ExpansionBudget({ maxExpandedBytes: 100 });
    budget.declare(1, 10);
    budget.check();
    budget.spend(60);
    expect(() => budget.spend(41)).toThrow(ImportTooLarge);
    expect(() => new ExpansionBudget({ maxExpandedBytes: 100 }).spend(101)).toThrow(/expands past the 100 bytes limit for one import/);
  });

  it("10.1: previewUpload refuses the whole upload and keeps the good files of a small one", async () => {
    const { previewUpload } = await import("../../lib/notes/index.ts");
    const ok = previewUpload([
      { path: "v.zip", bytes: zip({ "pages/sts.md": note }) },
      { path: "bad.md", bytes: new Uint8Array([0x61, 0xff]) },
    ]);
    expect(ok.drafts).toHaveLength(1);
    expect(ok.importedFiles).toEqual(["pages/sts.md"]);
    expect(ok.problems.map((p) => p.file)).toEqual(["bad.md"]);
    const bomb = forgeDeclaredSize(zip({ "a.md": note }), 195 * MB);
    expect(() =>
      previewUpload([
        { path: "a.zip", bytes: bomb },
        { path: "b.zip", bytes: bomb },
      ]),
    ).toThrow(/would expand to 390\.0 MB/);
  });
});
