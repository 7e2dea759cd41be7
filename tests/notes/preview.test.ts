import { describe, expect, it } from "vitest";
import { importPreview } from "../../lib/notes/index.ts";
import { note } from "./helpers.ts";

describe("importPreview", () => {
  it("lists drafts and decks with counts, sorted by deck name", () => {
    const preview = importPreview([
      { path: "sts.md", text: note("# STS", "## MFA", "* GetSessionToken: for MFA", "## Roles", "* AssumeRole: assume a role") },
      { path: "iam.md", text: note("* Users", "\t* people") },
    ]);
    expect(preview.notes).toBe(2);
    expect(preview.decks).toEqual([
      { path: ["iam"], name: "iam", cards: 1 },
      { path: ["STS", "MFA"], name: "STS › MFA", cards: 1 },
      { path: ["STS", "Roles"], name: "STS › Roles", cards: 1 },
    ]);
    expect(preview.drafts.map((d) => d.source)).toEqual([
      { file: "sts.md", line: 3 },
      { file: "sts.md", line: 5 },
      { file: "iam.md", line: 1 },
    ]);
  });

  it("applies the deck option to every card", () => {
    const preview = importPreview([{ path: "a.md", text: note("* x", "\t* y") }], { deck: "AWS exam" });
    expect(preview.decks.map((d) => d.name)).toEqual(["AWS exam › a"]);
  });

  it("reports a path given twice and imports it once", () => {
    const file = { path: "a.md", text: note("* x", "\t* y") };
    const preview = importPreview([file, file]);
    expect(preview.drafts).toHaveLength(1);
    expect(preview.problems).toEqual([{ file: "a.md", message: expect.stringMatching(/given twice/) }]);
  });

  it("resolves Logseq block references across pages of the graph", () => {
    const id = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    const preview = importPreview([
      { path: "pages/a.md", text: note("- AssumeRoleWithWebIdentity", `  id:: ${id}`) },
      { path: "pages/b.md", text: note("- Web identity federation #card", `\t- uses ((${id}))`) },
    ]);
    const card = preview.drafts.find((d) => d.source.file === "pages/b.md");
    expect(card?.back).toBe("- uses AssumeRoleWithWebIdentity");
  });

  it("passes notices through without counting them as problems", () => {
    const preview = importPreview([{ path: "a.md", text: note("- Q #card", "- R #card", "\t- ```json", "\t  {") }]);
    expect(preview.problems).toEqual([]);
    expect(preview.notices.map((n) => [n.file, n.line])).toEqual([["a.md", 3]]);
    expect(preview.skippedBlocks.map((n) => [n.file, n.line, n.text])).toEqual([["a.md", 1, "Q"]]);
    expect(preview.drafts.map((d) => d.front)).toEqual(["R"]);
  });

  it("importing the same files twice yields identical drafts", () => {
    const files = [{ path: "a.md", text: note("# T", "* x: y", "- ==z== w") }];
    expect(importPreview(files)).toEqual(importPreview(files));
  });
});
