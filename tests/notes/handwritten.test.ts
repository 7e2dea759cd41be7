// Notes without card markers (docs/importing.md, "Hand-written Q&A" and "Guessing, tightened"):
// the question forms people write by hand, then the tightened guessing rules. One test (or table
// row) per documented rule.

import { describe, expect, it } from "vitest";
import { importPreview } from "../../lib/notes/index.ts";
import { cardsOf, expectCards, note, skippedOf, type RuleCase } from "./helpers.ts";

const LONG_QUESTION = `Which ${"really ".repeat(40)}long question about how IAM evaluates an explicit deny is this?`;

const questions: RuleCase[] = [
  {
    rule: "numbered question item, answer in the lines right after it (lazy continuation)",
    text: note(
      "1. What does STS hand out?",
      "Short-lived credentials",
      "that expire on their own",
      "2. Who may assume a role?",
      "Whoever its trust policy names",
    ),
    cards: [
      { front: "What does STS hand out?", back: "Short-lived credentials\nthat expire on their own", line: 1 },
      { front: "Who may assume a role?", back: "Whoever its trust policy names", line: 4 },
    ],
  },
  {
    rule: "numbered question item, answer as indented children",
    text: note(
      "1. What does STS hand out?",
      "    - short-lived credentials",
      "    - an expiry time",
      "2. Who may assume a role?",
      "    - whoever the trust policy names",
    ),
    cards: [
      { front: "What does STS hand out?", back: "- short-lived credentials\n- an expiry time" },
      { front: "Who may assume a role?", back: "- whoever the trust policy names" },
    ],
  },
  {
    rule: "one question, one card: the answer's children are not cards of their own",
    text: note(
      "1. What does STS hand out?",
      "    - short-lived credentials",
      "        - valid for hours",
      "    - Session token",
      "        - sent with every call",
    ),
    cards: [
      {
        front: "What does STS hand out?",
        back: "- short-lived credentials\n  - valid for hours\n- Session token\n  - sent with every call",
      },
    ],
  },
  {
    rule: "a question longer than 200 characters is never cut",
    text: note(`1. ${LONG_QUESTION}`, "    - the deny wins"),
    cards: [{ front: LONG_QUESTION, back: "- the deny wins" }],
  },
  {
    rule: "numbered lists in a back keep the author's numbers",
    text: note("1. In what order are the checks made?", "    3. explicit deny", "    4. explicit allow"),
    cards: [{ front: "In what order are the checks made?", back: "3. explicit deny\n4. explicit allow" }],
  },
  {
    rule: "bold numbered question paragraph (**3. Why …?**) with an indented - **Answer:** item, the label not shown",
    text: note("**3. Why prefer roles to access keys?**", "  - **Answer:** roles hand out credentials that expire"),
    cards: [
      { front: expect.stringContaining("Why prefer roles to access keys?"), back: "- roles hand out credentials that expire", line: 1 },
    ],
  },
  {
    rule: "imperative numbered question paragraph (**2. Explain …**)",
    text: note("**2. Explain the trust policy of a role**", "", "It names the principals allowed to assume the role."),
    cards: [
      { front: expect.stringContaining("Explain the trust policy of a role"), back: "It names the principals allowed to assume the role." },
    ],
  },
  {
    rule: "Q: / A: paragraphs, markers not shown",
    text: note("Q: What signs API requests?", "A: Signature Version 4", "", "Q: What is an SCP?", "A: an organisation-wide guardrail"),
    cards: [
      { front: "What signs API requests?", back: "Signature Version 4", line: 1 },
      { front: "What is an SCP?", back: "an organisation-wide guardrail", line: 4 },
    ],
  },
  {
    rule: "- Q: / - A: items, markers not shown",
    text: note("- Q: What signs API requests?", "- A: Signature Version 4", "- Q: What is an SCP?", "- A: an organisation-wide guardrail"),
    cards: [
      { front: expect.stringContaining("What signs API requests?"), back: "Signature Version 4", line: 1 },
      { front: expect.stringContaining("What is an SCP?"), back: "an organisation-wide guardrail", line: 3 },
    ],
  },
  {
    rule: "**Ans** answers with --- separators closing each pair",
    text: note("Which policy wins a conflict?", "**Ans** an explicit deny", "---", "What does MFA add?", "**Ans** a second factor", "---"),
    cards: [
      { front: "Which policy wins a conflict?", back: "an explicit deny", line: 1 },
      { front: "What does MFA add?", back: "a second factor", line: 4 },
    ],
  },
];

const multipleChoice: RuleCase[] = [
  {
    rule: "multiple choice: - A. options under a numbered question, answer in <details> (no <details>/<summary>/</br> markup)",
    text: note(
      "1. Which service hands out temporary credentials?",
      "    - A. STS",
      "    - B. KMS",
      "    - C. Config",
      "",
      "    <details><summary>Answer</summary>",
      "      Correct answer: A</br>",
      "      STS returns keys that expire.",
      "    </details>",
    ),
    cards: [
      {
        front: "Which service hands out temporary credentials?\n\n- A. STS\n- B. KMS\n- C. Config",
        back: "Correct answer: A\nSTS returns keys that expire.",
      },
    ],
  },
  {
    rule: "multiple choice: A. option lines in a paragraph, then an **Answer: B** line",
    text: note(
      "Which policy type can deny across the accounts of an organisation?",
      "A. Inline policy",
      "B. Service control policy",
      "C. Session policy",
      "",
      "**Answer: B**",
    ),
    cards: [
      {
        front:
          "Which policy type can deny across the accounts of an organisation?\nA. Inline policy\nB. Service control policy\nC. Session policy",
        back: expect.stringMatching(/\bB\b/),
      },
    ],
  },
  {
    rule: "multiple choice: (Choose TWO) after the ?",
    text: note("Which of these are IAM identities? (Choose TWO)", "A. Users", "B. Buckets", "C. Roles", "", "Answer: A, C"),
    cards: [{ front: "Which of these are IAM identities? (Choose TWO)\nA. Users\nB. Buckets\nC. Roles", back: "A, C" }],
  },
  {
    rule: "a ### Question 4 heading takes its front from the question under it",
    text: note(
      "### Question 4",
      "",
      "Which key can rotate itself every year?",
      "",
      "- A. An access key",
      "- B. A KMS managed key",
      "",
      "Answer: B",
      "",
      "### Question 5",
      "",
      "Which service is global?",
      "",
      "- A. IAM",
      "- B. EC2",
      "",
      "Answer: A",
    ),
    cards: [
      {
        front: "Which key can rotate itself every year?\n\n- A. An access key\n- B. A KMS managed key",
        back: "B",
        line: 1,
      },
      { front: "Which service is global?\n\n- A. IAM\n- B. EC2", back: "A" },
    ],
  },
];

const sections: RuleCase[] = [
  {
    rule: "a question heading (### How do roles work?) makes its whole section one card",
    text: note("# IAM", "### How do roles work?", "A principal assumes one.", "", "- credentials expire", "- the trust policy decides who"),
    cards: [
      {
        front: "IAM › How do roles work?",
        back: "A principal assumes one.\n\n- credentials expire\n- the trust policy decides who",
        line: 2,
      },
    ],
  },
  {
    rule: "a heading that opens like a question (### When to use roles) makes its whole section one card",
    text: note("# IAM", "### When to use roles", "For software running on EC2.", "```bash", "aws sts assume-role", "```"),
    cards: [{ front: "IAM › When to use roles", back: "For software running on EC2.\n\n```bash\naws sts assume-role\n```" }],
  },
];

const tables: RuleCase[] = [
  {
    rule: "two-column table | Question | Answer |: a card per row with the heading as context",
    text: note(
      "## Basics",
      "| Question | Answer |",
      "|---|---|",
      "| What hands out temporary keys? | STS |",
      "| Which service is global? | IAM |",
    ),
    cards: [
      { front: "Basics › What hands out temporary keys?", back: "STS", deckPath: ["note", "Basics"], line: 4 },
      { front: "Basics › Which service is global?", back: "IAM", line: 5 },
    ],
  },
  {
    rule: "two-column table | Scenario | Solution |",
    text: note("## Scenarios", "| Scenario | Solution |", "|---|---|", "| A Lambda needs to write to DynamoDB | An execution role |"),
    cards: [{ front: "Scenarios › A Lambda needs to write to DynamoDB", back: "An execution role" }],
  },
  {
    rule: "two-column table | Term | Definition |",
    text: note("## Words", "| Term | Definition |", "| --- | --- |", "| Principal | whoever makes the request |"),
    cards: [{ front: "Words › Principal", back: "whoever makes the request" }],
  },
  {
    rule: "a three-column table makes no card",
    text: note("## Identities", "| Feature | Users | Roles |", "|---|---|---|", "| Long-term keys | yes | no |"),
    cards: [],
  },
  {
    rule: "a table with \\| and pipes inside code in its cells",
    text: note(
      "## Shell",
      "| Question | Answer |",
      "|---|---|",
      "| What does `a \\| b` mean? | either a or b |",
      "| How to count lines? | `grep x \\| wc -l` |",
    ),
    cards: [
      { front: "Shell › What does `a | b` mean?", back: "either a or b" },
      { front: "Shell › How to count lines?", back: "`grep x | wc -l`" },
    ],
  },
];

const guessing: RuleCase[] = [
  {
    rule: "guessing: Name - description with a plain hyphen",
    text: note("# Policies", "* Inline policy - bound to a single principal"),
    cards: [{ front: "Policies › What is Inline policy?", back: "bound to a single principal" }],
  },
  {
    rule: "guessing: an en dash never splits a name",
    text: note("# Policies", "* Managed policy – reusable across principals"),
    cards: [],
  },
  {
    rule: "guessing: an em dash never splits a name",
    text: note("# Policies", "* Trust policy — names who may assume"),
    cards: [],
  },
  {
    rule: "guessing: a **Label**: bold label is not a name",
    text: note("# Pricing", "* **Cost**: free of charge"),
    cards: [],
  },
  {
    rule: "guessing: a colon inside a link is not a separator",
    text: note("# Links", "* [Roles: an overview](https://docs.aws.amazon.com/IAM/)"),
    cards: [],
  },
  {
    rule: "guessing: a sentence with a verb is not a name",
    text: note("# Roles", "* Roles are assumed by applications - not by people"),
    cards: [],
  },
  {
    rule: "guessing: an API name with a colon asks what it does",
    text: note("# STS", "* GetSessionToken: returns credentials for users with MFA"),
    cards: [{ front: "STS › What does GetSessionToken do?", back: "returns credentials for users with MFA" }],
  },
  {
    rule: "a table of contents of #anchor links makes no card",
    text: note("# Contents", "- [Users](#users)", "- [Roles](#roles)", "  - [Trust](#trust)", "", "## Users", "people"),
    cards: [],
  },
  {
    rule: "a table of contents of [[pages]] makes no card",
    text: note("# Index", "- [[IAM Users]]", "- [[IAM Roles]]", "  - [[Trust policies]]"),
    cards: [],
  },
  {
    rule: "setext headings (Title over ===, Sub over ---) become deck names",
    text: note("Identity", "========", "", "Roles", "-----", "", "* Trust policy", "\t* names who may assume"),
    cards: [{ front: "Roles › Trust policy", back: "- names who may assume", deckPath: ["Identity", "Roles"] }],
  },
  {
    rule: "a README.md takes its folder's name as its deck",
    path: "iam/README.md",
    text: note("* Trust policy", "\t* names who may assume"),
    cards: [{ front: "Trust policy", deckPath: ["iam"] }],
  },
];

describe("hand-written questions", () => {
  it.each(questions)("$rule", ({ text, path, cards }) => expectCards(text, cards, path));

  // The Q: marker is removed but the list bullet stays, so the front renders as a one-item list;
  // the A: side is turned into plain text. Expected the same for the question.
  it("- Q: / - A: items: the front is the question alone, without the list bullet", () => {
    const drafts = cardsOf(note("- Q: What signs API requests?", "- A: Signature Version 4"));
    expect(drafts.map((d) => [d.front, d.back])).toEqual([["What signs API requests?", "Signature Version 4"]]);
  });
});

describe("multiple choice", () => {
  it.each(multipleChoice)("$rule", ({ text, path, cards }) => expectCards(text, cards, path));
});

describe("question headings", () => {
  it.each(sections)("$rule", ({ text, path, cards }) => expectCards(text, cards, path));
});

describe("two-column tables", () => {
  it.each(tables)("$rule", ({ text, path, cards }) => expectCards(text, cards, path));
});

describe("tightened guessing", () => {
  it.each(guessing)("$rule", ({ text, path, cards }) => expectCards(text, cards, path));

  it("a README.md takes its folder's name through importPreview too", () => {
    const preview = importPreview([{ path: "iam/README.md", text: note("* Trust policy", "\t* names who may assume") }]);
    expect(preview.decks.map((d) => d.path)).toEqual([["iam"]]);
  });

  it("a bare list of facts under a heading that asks nothing makes no card and is listed as skipped", () => {
    const text = note("# IAM", "## Limits", "- 5000 users per account", "- 300 groups per account", "- 10 managed policies per user");
    expect(cardsOf(text, "limits.md")).toEqual([]);
    expect(skippedOf(text, "limits.md")).toEqual([
      { file: "limits.md", line: 2, text: "Limits", reason: expect.stringContaining("3 facts under a heading that asks nothing") },
    ]);
  });
});
