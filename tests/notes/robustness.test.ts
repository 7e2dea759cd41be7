// Notes are untrusted input (uploads reach the server): no input may crash the importer, produce an
// empty card, or take super-linear time.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateVault } from "../../bench/notes.ts";
import { importPreview, renderCardFaces } from "../../lib/notes/index.ts";

const fragments = [
  "# ",
  "## ",
  "  ## ",
  "- ",
  "* ",
  "\t- ",
  "\t\t* ",
  "1. ",
  "  ",
  "\t",
  "\n",
  "\n\n",
  "```",
  "```json\n",
  "~~~",
  "id:: 1234",
  "tags:: a, b",
  "collapsed:: true",
  "desc:: d",
  "#card",
  "#tag",
  "[[Page]]",
  "((abc))",
  "{{cloze x}}",
  "{{c1::y::h}}",
  "==hi==",
  "::",
  ":::",
  " => ",
  "`code`",
  "**Ans** ",
  "A: ",
  "Q: ",
  "---",
  "?",
  "![i](a.png)",
  "<script>",
  "[x](javascript:1)",
  "Name: desc",
  "`Api` - does",
  "word",
  "What is it?",
  "é",
  "🔐",
];

describe("robustness", () => {
  it("never throws and never makes an empty card, whatever the note", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 80 }), fc.string({ maxLength: 40 }), (parts, noise) => {
        const text = parts.join("") + noise;
        const preview = importPreview([{ path: "fuzz.md", text }]);
        expect(preview.problems).toEqual([]);
        for (const card of preview.drafts) {
          expect(card.front.trim()).not.toBe("");
          if (card.kind === "basic") expect(card.back.trim()).not.toBe("");
          expect(card.source.line).toBeGreaterThan(0);
          const faces = renderCardFaces(card);
          expect(faces.front + faces.back).not.toMatch(/<script|href="javascript/);
        }
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  const pathological: Array<[string, string]> = [
    ["long run of spaces in a heading", `# ${" ".repeat(200_000)}x`],
    ["long run of spaces in a property", `key:: ${" ".repeat(200_000)}x`],
    ["thousands of backticks", "`".repeat(20_000)],
    ["unclosed clozes", "{{c1::".repeat(30_000)],
    ["unclosed highlights", "==a ".repeat(50_000)],
    ["deep nesting", Array.from({ length: 3000 }, (_v, i) => `${" ".repeat(i)}- x${i}`).join("\n")],
    ["many colons", "a: ".repeat(50_000)],
  ];
  it.each(pathological)("stays fast on %s", (_name, text) => {
    const started = performance.now();
    importPreview([{ path: "evil.md", text }]);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("benchmark vault generator", () => {
  it("is deterministic, hits the block count and imports cleanly in all four formats", () => {
    const a = generateVault({ notes: 40, blocks: 400 });
    expect(a).toEqual(generateVault({ notes: 40, blocks: 400 }));
    expect(a.blocks).toBe(400);
    const preview = importPreview(a.files);
    expect(preview.problems).toEqual([]);
    const formats = new Set(preview.drafts.map((d) => d.source.file.split(/[-/ ]/)[0]));
    expect([...formats].sort()).toEqual(["Vault", "notes", "pages"]);
    expect(preview.drafts.some((d) => d.kind === "cloze")).toBe(true);
    expect(preview.drafts.some((d) => d.key.startsWith("id:"))).toBe(true);
  });
});
