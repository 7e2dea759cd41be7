// Anki's template language (the manual's "Card Templates" and "Cloze Deletion" pages) and field
// HTML to markdown.
import { describe, expect, it } from "vitest";
import { clozeForCard, clozeNumbers, htmlToMarkdown, htmlToText, renderTemplate } from "@/lib/anki/index.ts";

const fields = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe("renderTemplate", () => {
  it.each([
    ["a field", "{{Front}}", { Front: "Q" }, "Q"],
    ["a section shown when its field has text", "{{#Extra}}[{{Extra}}]{{/Extra}}", { Extra: "x" }, "[x]"],
    ["a section hidden when its field is empty", "a{{#Extra}}[{{Extra}}]{{/Extra}}b", { Extra: " " }, "ab"],
    ["an inverted section when the field is empty", "{{^Extra}}none{{/Extra}}", { Extra: "" }, "none"],
    ["text: strips HTML", "{{text:Front}}", { Front: "<b>bold</b> &amp; more" }, "bold & more"],
    ["type: is dropped", "{{Front}}{{type:Back}}", { Front: "Q", Back: "A" }, "Q"],
    ["an unknown filter shows the field", "{{hint:Back}}", { Back: "A" }, "A"],
    ["an unknown field is empty", "[{{Nope}}]", {}, "[]"],
  ])("%s", (_name, template, values, expected) => {
    expect(renderTemplate(template, { fields: fields(values) })).toBe(expected);
  });

  it("puts the rendered question in {{FrontSide}} and reads special fields", () => {
    const out = renderTemplate("{{FrontSide}}|{{Deck}}|{{Tags}}", {
      fields: fields({}),
      frontSide: "Q",
      special: { Deck: "AWS::IAM", Tags: "iam sts" },
    });
    expect(out).toBe("Q|AWS::IAM|iam sts");
  });

  it("keeps only this card's deletion on {{cloze:Field}} and drops it on the answer when asked", () => {
    const context = { fields: fields({ Text: "{{c1::IAM}} and {{c2::STS::service}}" }), cloze: 2 };
    expect(renderTemplate("{{cloze:Text}}", context)).toBe("IAM and {{c2::STS::service}}");
    expect(renderTemplate("{{cloze:Text}}", { ...context, dropCloze: true })).toBe("");
  });
});

describe("clozes", () => {
  it("lists the numbers a note uses and reveals the others on each card", () => {
    const text = "{{c1::a}} {{c3::b::hint}} {{c1::c}}";
    expect(clozeNumbers(text)).toEqual([1, 3]);
    expect(clozeForCard(text, 1)).toBe("{{c1::a}} b {{c1::c}}");
    expect(clozeForCard(text, 3)).toBe("a {{c3::b::hint}} c");
  });
});

describe("htmlToMarkdown", () => {
  it("keeps lists, code, bold and tables, and drops scripts and styles", () => {
    const md = htmlToMarkdown(
      "<b>Policy</b><ul><li>Allow</li><li>Deny</li></ul><pre><code>aws sts get-caller-identity</code></pre>" +
        "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table><script>alert(1)</script><style>b{}</style>",
    );
    expect(md).toContain("**Policy**");
    expect(md).toMatch(/-\s+Allow\n-\s+Deny/);
    expect(md).toContain("```\naws sts get-caller-identity\n```");
    expect(md).toContain("| A | B |");
    expect(md).not.toMatch(/alert|b\{\}/);
  });

  it("turns <br> and &nbsp; into line breaks and spaces, and keeps cloze markers", () => {
    expect(htmlToMarkdown("one<br>two&nbsp;three {{c1::ARN::id}}")).toBe("one  \ntwo three {{c1::ARN::id}}");
    expect(htmlToText("a<br>b &lt;c&gt;")).toBe("a b <c>");
  });

  it("drops images and links of other schemes", () => {
    expect(htmlToMarkdown('<img src="javascript:alert(1)"><a href="javascript:x">t</a>')).not.toContain("javascript");
  });
});
