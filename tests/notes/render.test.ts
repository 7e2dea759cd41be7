import { describe, expect, it } from "vitest";
import { renderCardFaces, renderCardMarkdown, renderClozeBack, renderClozeFront } from "../../lib/notes/index.ts";

describe("renderCardMarkdown: safe by construction", () => {
  const unsafe: Array<[string, string, RegExp]> = [
    ["raw HTML is escaped", "<script>alert(1)</script><img src=x onerror=alert(1)>", /<script|<img/],
    ["javascript: links are not links", "[click](javascript:alert(1))", /<a /],
    ["data: links are not links", "[x](data:text/html;base64,PHNjcmlwdD4=)", /<a /],
    ["relative links lose their href", "[page](../pages/x.md)", /<a /],
    ["mailto is not allowed", "<mailto:a@b.c> and a@b.c", /<a /],
    ["attribute injection in a code fence info", '```json" onmouseover="alert(1)\n{}\n```', /onmouseover="/],
    ["html in a missing-image name", "[missing image: <b>x</b>]", /<b>/],
  ];
  it.each(unsafe)("%s", (_name, markdown, forbidden) => {
    expect(renderCardMarkdown(markdown)).not.toMatch(forbidden);
  });

  it("keeps http(s) links, marked rel=noopener", () => {
    expect(renderCardMarkdown("[AWS](https://aws.amazon.com) and https://sts.amazonaws.com")).toBe(
      '<p><a href="https://aws.amazon.com" rel="noopener noreferrer nofollow">AWS</a> and ' +
        '<a href="https://sts.amazonaws.com" rel="noopener noreferrer nofollow">https://sts.amazonaws.com</a></p>\n',
    );
  });

  it("shows the missing-image placeholder, and turns any local image into one", () => {
    const html = renderCardMarkdown("[missing image: arch.png] ![x](../assets/flow.png) ![r](https://e.com/r.png)");
    expect(html).toContain('<span class="missing-image" title="The image arch.png was not imported">missing image: arch.png</span>');
    expect(html).toContain("missing image: flow.png");
    expect(html).toContain('<img src="https://e.com/r.png" alt="r">');
  });
});

describe("renderCardMarkdown: code", () => {
  const langs: Array<[string, string, string]> = [
    ["json", '{"Effect": "Allow"}', "language-json"],
    ["python", "import boto3", "language-python"],
    ["bash", "aws sts get-caller-identity # who am I", "language-bash"],
    ["sh", "export X=1", "language-bash"],
    ["shell", "echo hi", "language-bash"],
    ["yaml", "Version: 1", "language-yaml"],
    ["js", "const x = 1", "language-javascript"],
    ["typescript", "let x: number", "language-typescript"],
  ];
  it.each(langs)("highlights %s", (lang, code, cls) => {
    const html = renderCardMarkdown(`\`\`\`${lang}\n${code}\n\`\`\``);
    expect(html).toContain(`<pre><code class="hljs ${cls}">`);
    expect(html).toContain('<span class="hljs-');
  });

  it("highlights an unlabelled policy as JSON, even when it is cut off", () => {
    const html = renderCardMarkdown('```\n  {\n    "Sid": "AllowAll",\n    "Resource": ["arn:aws:s3:::b/${aws:username}/*"]\n```');
    expect(html).toContain('class="hljs language-json"');
    expect(html).toContain("${aws:username}");
  });

  it("escapes code in languages it does not bundle", () => {
    const html = renderCardMarkdown("```ruby\nputs '<b>'\n```");
    expect(html).toContain("<code class=\"language-ruby\">puts '&lt;b&gt;'");
  });
});

describe("cloze rendering", () => {
  it("hides deletions on the front (showing the hint) and marks them on the back", () => {
    const md = "{{c1::AssumeRole::STS API}} returns {{c1::temporary **credentials**}}";
    expect(renderClozeFront(md)).toBe(
      '<p><span class="cloze cloze-hidden">[STS API]</span> returns <span class="cloze cloze-hidden">[…]</span></p>\n',
    );
    expect(renderClozeBack(md)).toBe(
      '<p><mark class="cloze">AssumeRole</mark> returns <mark class="cloze">temporary <strong>credentials</strong></mark></p>\n',
    );
  });

  it("renders both faces of a draft by kind", () => {
    expect(renderCardFaces({ kind: "cloze", front: "The {{c2::root}} user", back: "" })).toEqual({
      front: '<p>The <span class="cloze cloze-hidden">[…]</span> user</p>\n',
      back: '<p>The <mark class="cloze">root</mark> user</p>\n',
    });
    expect(renderCardFaces({ kind: "basic", front: "Q?", back: "- a" })).toEqual({
      front: "<p>Q?</p>\n",
      back: "<ul>\n<li>a</li>\n</ul>\n",
    });
  });

  it("does not treat cloze syntax inside code as a deletion", () => {
    expect(renderClozeFront("`{{c1::x}}`")).toBe("<p><code>{{c1::x}}</code></p>\n");
  });
});
