import { describe, expect, it } from "vitest";
import { previewUpload } from "../../lib/notes/index.ts";
import { cutMarkdown, REVIEW_LIMITS, reviewDrafts } from "../../lib/notes/upload-preview.ts";
import type { CardDraft, SkippedBlock } from "../../lib/notes/types.ts";

function draft(front: string, back: string, kind: CardDraft["kind"] = "basic"): CardDraft {
  return { key: front, kind, deckPath: ["D"], front, back, tags: [], source: { file: "a.md", line: 1 }, noteKey: front };
}

const empty = { skippedBlocks: [], notices: [] };

describe("reviewDrafts", () => {
  it("renders each face as the review screen does, a cloze's front hidden and its back revealed", () => {
    const review = reviewDrafts({ drafts: [draft("**Q**?", "- `a`"), draft("The {{c1::root}} user", "", "cloze")], ...empty });
    expect(review.faces).toEqual([
      { front: "<p><strong>Q</strong>?</p>\n", back: "<ul>\n<li><code>a</code></li>\n</ul>\n", shortened: false },
      {
        front: expect.stringContaining("cloze-hidden"),
        back: expect.stringContaining('<mark class="cloze">root</mark>'),
        shortened: false,
      },
    ]);
    expect(review.faces[1]!.front).not.toContain("root");
  });

  it("escapes raw HTML in a face", () => {
    const [faces] = reviewDrafts({ drafts: [draft("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")], ...empty }).faces;
    expect(faces!.front).not.toContain("<script>");
    expect(faces!.back).not.toContain("<img");
  });

  it("renders at most renderedCards cards and stops at the HTML budget", () => {
    const drafts = Array.from({ length: 10 }, (_, i) => draft(`Question ${i}`, "answer"));
    expect(reviewDrafts({ drafts, ...empty }, { ...REVIEW_LIMITS, renderedCards: 3 }).faces).toHaveLength(3);
    const one = reviewDrafts({ drafts: drafts.slice(0, 1), ...empty }).faces[0]!;
    const perCard = one.front.length + one.back.length;
    expect(reviewDrafts({ drafts, ...empty }, { ...REVIEW_LIMITS, renderedChars: perCard * 4 + 1 }).faces).toHaveLength(4);
  });

  it("cuts a long face before rendering it and says so", () => {
    const long = Array.from({ length: 100 }, (_, i) => `line ${i} of a long answer`).join("\n");
    const [faces] = reviewDrafts({ drafts: [draft("Q?", long)], ...empty }, { ...REVIEW_LIMITS, faceChars: 200 }).faces;
    expect(faces!.shortened).toBe(true);
    expect(faces!.back).toContain("line 0");
    expect(faces!.back).not.toContain("line 50");
  });

  it("bounds the skipped blocks and notices listed, and counts the rest", () => {
    const skippedBlocks: SkippedBlock[] = Array.from({ length: 5 }, (_, i) => ({
      file: "a.md",
      line: i + 1,
      text: "x".repeat(50),
      reason: "no answer",
    }));
    const notices = [{ file: "a.md", line: 2, message: "y".repeat(50) }];
    const review = reviewDrafts({ drafts: [], skippedBlocks, notices }, { ...REVIEW_LIMITS, listedBlocks: 2, lineChars: 10 });
    expect(review.skippedBlocks).toEqual([
      { file: "a.md", line: 1, text: "xxxxxxxxx…", reason: "no answer" },
      { file: "a.md", line: 2, text: "xxxxxxxxx…", reason: "no answer" },
    ]);
    expect(review.notices).toEqual([{ file: "a.md", line: 2, message: "yyyyyyyyy…" }]);
    expect(review.unlisted).toEqual({ skippedBlocks: 3, notices: 0 });
  });
});

describe("cutMarkdown", () => {
  it.each([
    ["short", 10, { text: "short", cut: false }],
    ["aaaa\nbbbb\ncccc", 12, { text: "aaaa\nbbbb", cut: true }],
    ["aaaaaaaaaaaa", 5, { text: "aaaaa", cut: true }],
  ])("cuts %j to %i", (text, max, expected) => {
    expect(cutMarkdown(text, max)).toEqual(expected);
  });
});

describe("previewUpload", () => {
  const note = { path: "n.md", bytes: new TextEncoder().encode("# IAM\n\n- What is STS? #card\n\t- Security Token Service\n") };

  it("renders faces only when a review is asked for", () => {
    expect(previewUpload([note]).review).toBeUndefined();
    const review = previewUpload([note], {}, { review: true }).review;
    expect(review?.faces).toHaveLength(1);
    expect(review?.faces[0]?.back).toContain("Security Token Service");
  });
});
