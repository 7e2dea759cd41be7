import { describe, expect, it } from "vitest";
import { parseNote } from "../../lib/notes/index.ts";
import { note, outline } from "./helpers.ts";

const parse = (text: string, path = "note.md") => parseNote({ path, text });

describe("parseNote: block structure", () => {
  const cases: Array<{ name: string; text: string; tree: string[] }> = [
    {
      name: "headings nest by level",
      text: note("# A", "text", "## B", "- x", "# C"),
      tree: ["H1 A", "  P text", "  H2 B", "    - x", "H1 C"],
    },
    {
      name: "an indented heading is still a heading and closes the list above",
      text: note("## One", "* a", "  * b", "", "  ## Two", "  * c", "    * d"),
      tree: ["H2 One", "  - a", "    - b", "H2 Two", "  - c", "    - d"],
    },
    {
      name: "tab-indented markdown list",
      text: note("* a", "\t* b", "\t\t* c", "* d"),
      tree: ["- a", "  - b", "    - c", "- d"],
    },
    {
      name: "space-indented list with mixed markers and ordered items",
      text: note("* a", "  - b", "  1. one", "  2. two"),
      tree: ["- a", "  - b", "  - one", "  - two"],
    },
    {
      name: "Logseq continuation lines: properties lifted out, text continued",
      text: note("- Block #card", "  id:: 123", "  collapsed:: true", "\t- child", "\t  background-color:: red"),
      tree: ["- Block #card {id=123} {collapsed=true}", "  - child {background-color=red}"],
    },
    {
      name: "Logseq continuation text joins the block's text",
      text: note("- #Tag", "  This is how", "- next"),
      tree: ["- #Tag⏎This is how", "- next"],
    },
    {
      name: "Logseq heading block",
      text: note("- #### Identities", "\t- Users"),
      tree: ["h4 - Identities", "  - Users"],
    },
    {
      name: "fenced code keeps its language, dedented by the fence's column",
      text: note("- Python", "\t- id:: abc", "\t  ```python", "\t  import boto3", "\t  ", "\t    x = 1", "\t  ```"),
      tree: ["- Python", "  -  {id=abc}", "      ```python import boto3⏎⏎  x = 1"],
    },
    {
      name: "a block that is only code (`- ```bash`)",
      text: note("- CLI", "\t- ```bash", "\t  # comment, not a heading", "\t  aws sts get-caller-identity", "\t  ```"),
      tree: ["- CLI", "  - ", "      ```bash # comment, not a heading⏎aws sts get-caller-identity"],
    },
    {
      name: "unclosed fence inside a block ends with the block",
      text: note("- Example:", "  ```json", "  {", '    "a": 1', "- next"),
      tree: ["- Example:", '    ```json (unclosed) {⏎  "a": 1', "- next"],
    },
    {
      name: "unclosed top-level fence runs to the end of the file",
      text: note("text", "```", "{ not closed", "# still code"),
      tree: ["P text", "``` (unclosed) { not closed⏎# still code"],
    },
    {
      name: "dashes after a paragraph are a separator, not a setext heading",
      text: note("**Ans** yes", "-----", "Next?"),
      tree: ["P **Ans** yes", "---", "P Next?"],
    },
    {
      name: "a line right after text continues it, even dedented",
      text: note("* item", "lazy line", "", "para"),
      tree: ["- item⏎lazy line", "P para"],
    },
    {
      name: "empty Logseq blocks are kept as empty items",
      text: note("- a", "\t-", "-"),
      tree: ["- a", "  - ", "- "],
    },
  ];
  it.each(cases)("$name", ({ text, tree }) => {
    expect(outline(parse(text).nodes)).toEqual(tree);
  });

  it("records 1-based source lines for every block", () => {
    const parsed = parse(note("# T", "", "- a", "  id:: x", "\t- b", "", "para", "```js", "x", "```"));
    const h = parsed.nodes[0]!;
    expect(h).toMatchObject({ type: "heading", line: 1 });
    const children = h.type === "heading" ? h.children : [];
    expect(children.map((n) => [n.type, n.line])).toEqual([
      ["item", 3],
      ["paragraph", 7],
      ["code", 8],
    ]);
    const item = children[0]!;
    expect(item.type === "item" && item.children[0]!.line).toBe(5);
  });

  it("reports an unclosed fence as a notice with its line", () => {
    const parsed = parse(note("a", "", "```json", "{"), "x.md");
    expect(parsed.notices).toEqual([expect.objectContaining({ file: "x.md", line: 3 })]);
  });
});

describe("parseNote: page metadata and title", () => {
  it("reads leading Logseq page properties", () => {
    const parsed = parse(note("tags:: AWS, AWS-SIC", "alias:: iam", "- block"));
    expect(parsed.properties.map((p) => [p.key, p.value])).toEqual([
      ["tags", "AWS, AWS-SIC"],
      ["alias", "iam"],
    ]);
    expect(outline(parsed.nodes)).toEqual(["- block"]);
  });

  it("reads YAML front matter (scalars, inline and block lists)", () => {
    const parsed = parse(note("---", "title: IAM basics", "tags: [aws, iam]", "aliases:", "  - a", "  - b", "---", "# Heading"));
    expect(parsed.properties.map((p) => [p.key, p.value])).toEqual([
      ["title", "IAM basics"],
      ["tags", "aws, iam"],
      ["aliases", "a, b"],
    ]);
    expect(parsed.title).toBe("IAM basics");
  });

  const titles: Array<[string, string, string]> = [
    ["a sole top heading that opens the note", "# AWS STS\n## MFA\n- x", "AWS STS"],
    ["several top headings: the file name", "# A\n- x\n# B\n- y", "my-note"],
    ["content before the heading: the file name", "- x\n# A\n- y", "my-note"],
    ["title:: property wins", "title:: Real\n# A\n- x", "Real"],
  ];
  it.each(titles)("title: %s", (_name, text, title) => {
    expect(parse(text, "folder/my-note.md").title).toBe(title);
  });

  it("decodes Logseq namespaced file names", () => {
    expect(parse("- x", "pages/aws___iam.md").title).toBe("aws/iam");
    expect(parse("- x", "pages/aws%2Fsts.md").title).toBe("aws/sts");
  });

  it("accepts CRLF line endings and a BOM", () => {
    const parsed = parse("\uFEFF# T\r\n- a\r\n\t- b\r\n");
    expect(outline(parsed.nodes)).toEqual(["H1 T", "  - a", "    - b"]);
  });
});
