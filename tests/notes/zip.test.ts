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
    expect(result.skipped.map((s) => s.reason).sort()).toEqual(["Logseq assets", "Logseq configuration", "Logseq configuration", "macOS metadata"]);
  });

  it("expands an Obsidian vault, stored or deflated", () => {
    for (const level of [0, 6] as const) {
      const result = expandZip(zip({ "Vault/IAM.md": "# IAM\n* Roles\n\t* assumed", "Vault/.obsidian/app.json": "{}" }, level));
      expect(result.files).toEqual([{ path: "IAM.md", text: "# IAM\n* Roles\n\t* assumed" }]);
    }
  });

  it("refuses unsafe paths per entry and keeps the good ones", () => {
    const result = expandZip(
      zip({ "ok.md": "* a\n\t* b", "../evil.md": "x", "/abs.md": "x", "dir\\win.md": "x", "a/../../up.md": "x" }),
      { name: "up.zip" },
    );
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
    expect(result.problems).toEqual([{ file: "bomb.zip", message: expect.stringMatching(/would expand to 201\.0 MB, over the 200\.0 MB limit/) }]);
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
    const over = expandZip(zip({ "a.md": "a".repeat(3000), "b.md": "b".repeat(3000) }), { name: "total.zip", limits: { maxExpandedBytes: 5000 } });
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
