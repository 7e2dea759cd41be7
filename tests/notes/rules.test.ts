import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cardsOf, fronts, note, shapeOf, skippedOf, type RuleCase } from "./helpers.ts";

const cases: RuleCase[] = [
  {
    rule: "#card block: front is its text, back its children; properties never shown",
    text: note(
      "- Security Token Service #card",
      "  collapsed:: true",
      "  icon:: ![i](../assets/x.png)",
      "\t- grants temporary credentials",
      "\t- endpoint sts.amazonaws.com",
    ),
    cards: [{ front: "Security Token Service", back: "- grants temporary credentials\n- endpoint sts.amazonaws.com", line: 1 }],
  },
  {
    rule: "#card block: desc:: opens the back, as text without its key",
    text: note("- IAM Roles #card", "  desc:: permissions for AWS resources", "\t- assumed by services"),
    cards: [{ front: "IAM Roles", back: "permissions for AWS resources\n\n- assumed by services" }],
  },
  {
    rule: "#card block: a nested #card shows by title in its parent and is its own card",
    text: note("- IAM Users #card", "\t- end users", "\t- Root User #card", "\t\t- cannot be deleted"),
    cards: [
      { front: "IAM Users", back: "- end users\n- Root User" },
      { front: "IAM Users › Root User", back: "- cannot be deleted" },
    ],
  },
  {
    rule: "#card mode: plain outline items do not become cards",
    text: note("- Policies #card", "\t- JSON documents", "- Some loose note", "\t- with a child"),
    cards: [{ front: "Policies", back: "- JSON documents" }],
  },
  {
    rule: "#card block with nothing under it is skipped, not an empty card",
    text: note("- Lonely #card", "  id:: 65d38321-d79c-4de6-b0eb-ab0bfd9aa2f7"),
    cards: [],
  },
  {
    rule: "Q&A pair: question then **Ans** answer",
    text: note("## Sample Question", "Why do reads still work?", "", "**Ans** The bucket policy allows read"),
    cards: [{ front: "Why do reads still work?", back: "The bucket policy allows read", deckPath: ["note", "Sample Question"], line: 2 }],
  },
  {
    rule: "Q&A pairs separated by ---, question with code, `**Ans**:` on its own line",
    text: note(
      "First?",
      "**Ans** one",
      "-----",
      "What does this allow?",
      "",
      "```json",
      '{"Effect": "Allow"}',
      "```",
      "**Ans**:",
      "Everything",
    ),
    cards: [
      { front: "First?", back: "one" },
      { front: 'What does this allow?\n\n```json\n{"Effect": "Allow"}\n```', back: "Everything" },
    ],
  },
  {
    rule: "Q&A: Q:/A: markers are stripped",
    text: note("Q: What signs STS requests?", "A: SigV4"),
    cards: [{ front: "What signs STS requests?", back: "SigV4" }],
  },
  {
    rule: "outline item with children: front with its heading, back the children; a lone fact is no card",
    text: note("# IAM", "* Il permet de gérer", "\t* Users", "\t* Groupes", "# STS", "* x"),
    cards: [{ front: "IAM › Il permet de gérer", back: "- Users\n- Groupes", deckPath: ["note", "IAM"] }],
  },
  {
    rule: "outline item with children keeps ordered lists ordered",
    text: note("* Evaluation order", "\t1. explicit deny", "\t2. allow", "\t3. else deny"),
    cards: [{ front: "Evaluation order", back: "1. explicit deny\n2. allow\n3. else deny" }],
  },
  {
    rule: "`Name` - description item under a heading asks for the name",
    text: note("# STS", "* `AssumeRoleWithSAML` - return credentials for users **logged with SAML**"),
    cards: [{ front: "STS › What does `AssumeRoleWithSAML` do?", back: "return credentials for users **logged with SAML**" }],
  },
  {
    rule: "Name - description item; its children join the back and are not cards of their own",
    text: note("# STS", "* GetSessionToken - for MFA", "\t* Token - needs aws:MultiFactorAuthPresent"),
    cards: [{ front: "STS › What does GetSessionToken do?", back: "for MFA\n\n- Token - needs aws:MultiFactorAuthPresent" }],
  },
  {
    rule: "Name - description for a plain term, with a plain hyphen only",
    text: note(
      "# Policies",
      "* Inline policy - strict one-to-one with a principal",
      "* Managed policy – reusable",
      "* Trust — who may assume",
    ),
    cards: [{ front: "Policies › What is Inline policy?", back: "strict one-to-one with a principal" }],
  },
  {
    rule: "colons, bold labels, links and sentences are not names",
    text: note(
      "# T",
      "* Use the CLI : --dry-run on commands",
      "* **Cost**: free",
      "* See [the guide](https://docs.aws.amazon.com/IAM/) - for details",
      "* Roles are used by applications - not people",
    ),
    cards: [],
  },
  {
    rule: "situation => outcome asks for the outcome",
    text: note("* Bucket rules", "\t* Example 2: role allows RW + bucket denies => deny"),
    cards: [
      { front: "Bucket rules", back: "- Example 2: role allows RW + bucket denies => deny" },
      { front: "Bucket rules › Example 2: role allows RW + bucket denies ⇒ ?", back: "deny" },
    ],
  },
  {
    rule: "an Example: item with code joins the card before it",
    text: note(
      "* How do you give each user a home folder?",
      "  * use ${aws:username}",
      "* Example:",
      "  ```json",
      '  {"Resource": "home/${aws:username}"}',
      "  ```",
    ),
    cards: [
      {
        front: "How do you give each user a home folder?",
        back: '- use ${aws:username}\n\nExample:\n\n```json\n{"Resource": "home/${aws:username}"}\n```',
      },
    ],
  },
  {
    rule: "headings become deck paths, file title first; a question heading asks itself, its section the answer, in its parent's deck",
    text: note("# What is STS ?", "* STS is Security Token Service", "# IAM", "## When to use roles", "* used by services"),
    path: "notes/aws.md",
    cards: [
      { front: "What is STS ?", back: "- STS is Security Token Service", deckPath: ["aws"] },
      { front: "IAM › When to use roles", back: "- used by services", deckPath: ["aws", "IAM"] },
    ],
  },
  {
    rule: "a single top heading is the title; subheadings are decks under it",
    text: note("# AWS STS", "## How is MFA required?", "* Use `GetSessionToken`", "* `aws:MultiFactorAuthPresent: true`"),
    cards: [
      {
        front: "AWS STS › How is MFA required?",
        back: "- Use `GetSessionToken`\n- `aws:MultiFactorAuthPresent: true`",
        deckPath: ["AWS STS"],
      },
    ],
  },
  {
    rule: "Logseq heading blocks become decks",
    text: note("- #### IAM Identities", "\t- IAM Groups #card", "\t\t- users sharing permissions"),
    cards: [{ front: "IAM Identities › IAM Groups", deckPath: ["note", "IAM Identities"] }],
  },
  {
    rule: "Logseq {{cloze}}: all deletions of a block in one card",
    text: note("- The {{cloze root user}} can {{cloze close the account}}"),
    cards: [{ kind: "cloze", front: "The {{c1::root user}} can {{c1::close the account}}", back: "" }],
  },
  {
    rule: "==highlight== in a note tagged #flashcards: one cloze card per highlight, the other revealed",
    text: note("#flashcards", "- ==AssumeRole== returns ==temporary credentials=="),
    cards: [
      { kind: "cloze", front: "{{c1::AssumeRole}} returns temporary credentials" },
      { kind: "cloze", front: "AssumeRole returns {{c2::temporary credentials}}" },
    ],
  },
  {
    rule: "Anki {{c1::...}} numbers are kept, hints too; code spans are not clozes",
    text: note("`a == b` and {{c2::GetCallerIdentity::API}} says who you are"),
    cards: [{ kind: "cloze", front: "`a == b` and {{c2::GetCallerIdentity::API}} says who you are" }],
  },
  {
    rule: "Obsidian SR inline cards: front::back and ::: for both directions; ARNs are not separators; nothing else is guessed",
    text: note(
      "What does STS stand for?::Security Token Service",
      "",
      "MFA ::: multi-factor authentication",
      "",
      "arn:aws:iam::123456789012:role/demo",
    ),
    cards: [
      { front: "What does STS stand for?", back: "Security Token Service" },
      { front: "MFA", back: "multi-factor authentication" },
      { front: "multi-factor authentication", back: "MFA" },
    ],
  },
  {
    rule: "tags:: and inline #tags become tags; page tags apply to every card",
    text: note("tags:: AWS, [[AWS SIC]]", "- Roles #card #AWS-IAM", "  tags:: CCP", "\t- assumed", "- Users #card", "\t- people"),
    cards: [
      { front: "Roles", tags: ["AWS", "AWS SIC", "CCP", "AWS-IAM"] },
      { front: "Users", tags: ["AWS", "AWS SIC"] },
    ],
  },
  {
    rule: "front-matter tags apply too",
    text: note("---", "tags: [iam, exam]", "---", "* Roles", "\t* assumed"),
    cards: [{ front: "Roles", tags: ["iam", "exam"] }],
  },
  {
    rule: "code blocks keep their language fence",
    text: note("- CLI #card", "\t- ```bash", "\t  aws sts get-caller-identity", "\t  ```"),
    cards: [{ front: "CLI", back: "- ```bash\n  aws sts get-caller-identity\n  ```" }],
  },
  {
    rule: "text stays in its own language",
    text: note("# IAM", "* Bonnes pratiques :", "\t* Ne pas utiliser le root account", "\t* Privilégier les groupes"),
    cards: [{ front: "IAM › Bonnes pratiques", back: "- Ne pas utiliser le root account\n- Privilégier les groupes" }],
  },
  {
    rule: "images of missing assets become a placeholder; remote images and wiki links stay readable",
    text: note(
      "- Diagram #card",
      "\t- ![arch](../assets/arch%20v2.png) and ![[flow.png]]",
      "\t- ![remote](https://example.com/a.png) see [[AWS IAM]]",
    ),
    cards: [
      {
        front: "Diagram",
        back: "- [missing image: arch v2.png] and [missing image: flow.png]\n- ![remote](https://example.com/a.png) see AWS IAM",
      },
    ],
  },
  {
    rule: "Logseq block references resolve within the note",
    text: note(
      "- Principal",
      "  id:: 11111111-2222-3333-4444-555555555555",
      "- Trust #card",
      "\t- who may assume: ((11111111-2222-3333-4444-555555555555))",
    ),
    cards: [{ front: "Trust", back: "- who may assume: Principal" }],
  },
  {
    rule: "--deck puts cards under a named deck",
    text: note("# A", "* x", "\t* y"),
    cards: [{ deckPath: ["Exam", "A"] }],
  },
];

describe("card rules", () => {
  it.each(cases)("$rule", ({ text, path, cards, rule }) => {
    const options = rule.startsWith("--deck") ? { deck: "Exam" } : {};
    const drafts = cardsOf(text, path ?? "note.md", options);
    expect(drafts.map((d, i) => shapeOf(d, cards[i] ?? {}))).toEqual(cards);
  });
});

describe("what is never a card", () => {
  const samples = [
    note("# Only a heading"),
    note("# A", "## B", "### C"),
    note("tags:: x", "title:: y"),
    note("- ", "-", "\t-"),
    note("- collapsed:: true", "- id:: 11111111-2222-3333-4444-555555555555"),
  ];
  it.each(samples)("no card from %j", (text) => {
    expect(cardsOf(text)).toEqual([]);
  });

  it("never puts a property line or an empty face on a card", () => {
    const text = note(
      "tags:: a",
      "# H",
      "- a #card",
      "  id:: 1",
      "  collapsed:: true",
      "\t- b",
      "\t  background-color:: red",
      "* c",
      "\t* d",
      "\t  foo:: bar",
    );
    for (const card of cardsOf(text)) {
      expect(card.front.trim()).not.toBe("");
      expect(card.back.trim()).not.toBe("");
      for (const face of [card.front, card.back]) expect(face).not.toMatch(/^\s*(?:[-*]\s+)?[\w-]+:: /m);
    }
  });

  it("tells why a #card block was skipped", () => {
    expect(skippedOf(note("- Lonely #card"), "p.md")).toEqual([
      { file: "p.md", line: 1, text: "Lonely", reason: expect.stringContaining("nothing under it") },
    ]);
  });

  it("keeps a front unambiguous by naming its heading and parent items", () => {
    const drafts = cardsOf(note("# IAM", "* To test policies :", "\t* Use the simulator", "\t\t* in the console"));
    expect(fronts(drafts)).toEqual(["IAM › To test policies", "IAM › To test policies › Use the simulator"]);
  });
});

describe("docs/importing.md", () => {
  const doc = readFileSync(new URL("../../docs/importing.md", import.meta.url), "utf8");
  const examples = [...doc.matchAll(/^(`{3,4})markdown\n([\s\S]*?)\n\1$/gm)].map((m) => m[2]!);
  it("has an example for each rule", () => expect(examples.length).toBeGreaterThanOrEqual(9));
  it.each(examples)("example yields the cards it documents:\n%s", (example) => {
    const drafts = cardsOf(example, "aws.md");
    expect(drafts.length).toBeGreaterThan(0);
    const following = doc.slice(doc.indexOf(example) + example.length, doc.indexOf(example) + example.length + 400);
    const promised = /→ [^`\n]*?(`+)(.+?)\1/.exec(following)?.[2];
    expect(
      drafts.map((d) => d.front.split("\n")[0]),
      `documented front ${promised}`,
    ).toContain(promised ?? drafts[0]!.front.split("\n")[0]);
  });
});
