// Notes whose authors marked their cards (docs/importing.md, "Card rules"): Logseq `#card` blocks,
// the Obsidian Spaced Repetition plugin, the Obsidian "Flashcards" plugin and Anki clozes. One test
// (or table row) per documented rule; where a rule comes from the tool's own documentation the page
// is named in the row or in the comment above its group.

import { describe, expect, it } from "vitest";
import { importPreview } from "../../lib/notes/index.ts";
import { cardsOf, expectCards, note, noticesOf, type RuleCase } from "./helpers.ts";

// Logseq flashcards: https://docs.logseq.com/#/page/flashcards (a block is a card when it refers to
// the "card" page: `#card`, `#[[card]]`, `[[card]]` or `tags:: card`; `{{cloze}}`; the `card-*`
// properties Logseq writes after each review).
const logseq: RuleCase[] = [
  {
    rule: "Logseq: #card after a space marks the block; its children are the back",
    text: note("- Inline policy #card", "\t- attached to exactly one principal"),
    cards: [{ front: "Inline policy", back: "- attached to exactly one principal", tags: [], line: 1 }],
  },
  {
    rule: "Logseq: #flashcard marks the block like #card",
    text: note("- Managed policy #flashcard", "\t- reusable across principals"),
    cards: [{ front: "Managed policy", back: "- reusable across principals", tags: [] }],
  },
  {
    rule: "Logseq: a tag right after text (Term#card) is a whole tag",
    text: note("- Principal#card", "\t- whoever makes the request"),
    cards: [{ front: "Principal", back: "- whoever makes the request" }],
  },
  {
    rule: "Logseq: #[[card]] marks the block",
    text: note("- Trust policy #[[card]]", "\t- says who may assume the role"),
    cards: [{ front: "Trust policy", back: "- says who may assume the role" }],
  },
  {
    rule: "Logseq: a [[card]] page reference marks the block",
    text: note("- Permissions boundary [[card]]", "\t- caps what identity policies grant"),
    cards: [{ front: "Permissions boundary", back: "- caps what identity policies grant" }],
  },
  {
    rule: "Logseq: tags:: card on the block marks it (and card is not kept as a tag)",
    text: note("- Service control policy", "  tags:: aws, card", "\t- limits every account of an organisation"),
    cards: [{ front: "Service control policy", back: "- limits every account of an organisation", tags: ["aws"] }],
  },
  {
    rule: "Logseq: #cards is an ordinary tag, not a marker, so the note is read by the guessing rules",
    text: note("- Session policy #cards", "\t- passed when assuming a role", "- Groups", "\t- collections of users"),
    cards: [
      { front: "Session policy", back: "- passed when assuming a role", tags: ["cards"] },
      { front: "Groups", back: "- collections of users" },
    ],
  },
  {
    rule: "Logseq: #cardboard is an ordinary tag, not a marker",
    text: note("- Packing notes #cardboard", "\t- boxes in the garage", "- Groups", "\t- collections of users"),
    cards: [
      { front: "Packing notes", back: "- boxes in the garage", tags: ["cardboard"] },
      { front: "Groups", back: "- collections of users" },
    ],
  },
  {
    rule: "Logseq: #card as the text of a link is not a marker",
    text: note("- Read [#card](https://example.com/guide) first", "\t- it explains review", "- Groups", "\t- collections of users"),
    cards: [
      { front: "Read [#card](https://example.com/guide) first", back: "- it explains review" },
      { front: "Groups", back: "- collections of users" },
    ],
  },
  {
    rule: "Logseq: #card inside a code span is not a marker",
    text: note("- Type `#card` after a block", "\t- to review it later", "- Groups", "\t- collections of users"),
    cards: [
      { front: "Type `#card` after a block", back: "- to review it later" },
      { front: "Groups", back: "- collections of users" },
    ],
  },
  {
    rule: "Logseq: #card inside a URL is not a marker (the note is guessed)",
    text: note("- Bookmarked https://example.com/tags#card today", "\t- a tag index", "- Groups", "\t- collections of users"),
    cards: [{ back: "- a tag index" }, { front: "Groups", back: "- collections of users" }],
  },
  {
    rule: "Logseq: a lone --- line indented in a block stays in that block",
    text: note("- Role chaining #card", "  ---", "  a role assuming another role", "\t- limited to one hour"),
    cards: [{ front: "Role chaining", back: "---\n\na role assuming another role\n\n- limited to one hour" }],
  },
  {
    rule: "Logseq: {{cloze}} hides every deletion of the block in one card, its children shown with the answer",
    text: note("- A {{cloze role}} is assumed by {{cloze a principal}}", "\t- through sts:AssumeRole"),
    cards: [{ kind: "cloze", front: "A {{c1::role}} is assumed by {{c1::a principal}}", back: "- through sts:AssumeRole" }],
  },
  {
    rule: "Logseq: the six card-* properties never show on a face and become the card's history",
    text: note(
      "- Root user #card",
      "  card-last-interval:: 4",
      "  card-repeats:: 2",
      "  card-ease-factor:: 2.6",
      "  card-next-schedule:: 2024-03-05T10:00:00.000Z",
      "  card-last-reviewed:: 2024-03-01T10:00:00.000Z",
      "  card-last-score:: 5",
      "\t- can close the account",
    ),
    cards: [
      {
        front: "Root user",
        back: "- can close the account",
        history: {
          source: "logseq",
          interval: 4,
          repeats: 2,
          ease: 2.6,
          due: "2024-03-05T10:00:00.000Z",
          lastReviewed: "2024-03-01T10:00:00.000Z",
          lastScore: 5,
        },
      },
    ],
  },
  {
    rule: "Logseq: card-* properties without a marker make no card (and do not switch guessing off)",
    text: note(
      "- Root user",
      "  card-last-interval:: 4",
      "  card-repeats:: 2",
      "  card-ease-factor:: 2.6",
      "- Groups",
      "\t- collections of users",
    ),
    cards: [{ front: "Groups", back: "- collections of users", history: undefined }],
  },
  {
    rule: "Logseq: a tag on a later line, after a whitespace-only line of the block, still marks it",
    text: note("- Session policy", "  ", "  #card", "\t- narrows an assumed role's session"),
    cards: [{ front: "Session policy", back: "- narrows an assumed role's session" }],
  },
  {
    rule: "Logseq: a ((block reference)) to a #card block shows its text without the tag",
    text: note(
      "- Access key #card",
      "  id:: 11111111-2222-3333-4444-555555555555",
      "\t- a long-term credential",
      "- Rotation #card",
      "\t- rotate each ((11111111-2222-3333-4444-555555555555)) often",
    ),
    cards: [
      { front: "Access key", back: "- a long-term credential" },
      { front: "Rotation", back: "- rotate each Access key often" },
    ],
  },
  {
    rule: "Logseq: a nested card is its own card and shows in its parent's back by title only",
    text: note("- IAM users #card", "\t- people or workloads", "\t- Root user #card", "\t\t- cannot be deleted"),
    cards: [
      { front: "IAM users", back: "- people or workloads\n- Root user", line: 1 },
      { front: "IAM users › Root user", back: "- cannot be deleted", line: 3 },
    ],
  },
  {
    rule: "Logseq: a heading block (- ## X #card) is a card the same way",
    text: note("- ## Identity providers #card", "\t- federate outside users"),
    cards: [{ front: "Identity providers", back: "- federate outside users" }],
  },
  {
    rule: "Logseq: markers switch the guessing rules off for the note (plain items and questions make no card)",
    text: note(
      "- Roles #card",
      "\t- assumed, never logged into",
      "- Groups",
      "\t- collections of users",
      "1. What is a policy?",
      "   a JSON document",
    ),
    cards: [{ front: "Roles", back: "- assumed, never logged into" }],
  },
];

// Obsidian Spaced Repetition plugin, https://github.com/st3v3nmw/obsidian-spaced-repetition:
// docs/en/flashcards/qanda-cards.md (single- and multi-line cards), docs/en/flashcards/cloze-cards/
// basic-cloze-cards.md, docs/en/flashcards/decks.md, docs/en/data-storage.md (`<!--SR:` comments).
const spacedRepetition: RuleCase[] = [
  {
    rule: "Obsidian SR (qanda-cards.md): question::answer on one line",
    text: note("What does IAM stand for?::Identity and Access Management"),
    cards: [{ front: "What does IAM stand for?", back: "Identity and Access Management", line: 1 }],
  },
  {
    rule: "Obsidian SR (qanda-cards.md): side one:::side two makes two cards, one each way",
    text: note("Principal:::an entity that can make a request"),
    cards: [
      { front: "Principal", back: "an entity that can make a request" },
      { front: "an entity that can make a request", back: "Principal" },
    ],
  },
  {
    rule: "Obsidian SR (qanda-cards.md): a list item can be a card (- question::answer)",
    text: note("- Which policy type belongs to one identity only?::an inline policy", "- Plain item", "\t- with a child"),
    cards: [{ front: "Which policy type belongs to one identity only?", back: "an inline policy" }],
  },
  {
    rule: "Obsidian SR (qanda-cards.md): multi-line card split by ?, with a list and code on the back",
    text: note("Name the two main policy kinds", "?", "- identity-based", "- resource-based", "```json", '{"Effect": "Deny"}', "```"),
    cards: [{ front: "Name the two main policy kinds", back: '- identity-based\n- resource-based\n```json\n{"Effect": "Deny"}\n```' }],
  },
  {
    rule: "Obsidian SR (qanda-cards.md): ?? makes the multi-line card both ways",
    text: note("Permissions boundary", "??", "the most an identity policy can grant"),
    cards: [
      { front: "Permissions boundary", back: "the most an identity policy can grant" },
      { front: "the most an identity policy can grant", back: "Permissions boundary" },
    ],
  },
  {
    rule: "Obsidian SR: a :: line right above a ? card is a card of its own",
    text: note("What is STS?::Security Token Service", "Which call is made with an MFA code?", "?", "GetSessionToken"),
    cards: [
      { front: "What is STS?", back: "Security Token Service", line: 1 },
      { front: "Which call is made with an MFA code?", back: "GetSessionToken", line: 2 },
    ],
  },
  {
    rule: "Obsidian SR (basic-cloze-cards.md): each ==highlight== is a cloze in a note tagged #flashcards",
    text: note("#flashcards", "An ==SCP== limits every ==account== of an organisation"),
    cards: [
      { kind: "cloze", front: "An {{c1::SCP}} limits every account of an organisation", tags: [] },
      { kind: "cloze", front: "An SCP limits every {{c2::account}} of an organisation" },
    ],
  },
  {
    rule: "Obsidian SR: ==highlight== is a cloze in a note holding the plugin's cards, untagged",
    text: note("What is STS?::Security Token Service", "", "An ==SCP== limits accounts"),
    cards: [
      { kind: "basic", front: "What is STS?", back: "Security Token Service" },
      { kind: "cloze", front: "An {{c1::SCP}} limits accounts", line: 3 },
    ],
  },
  {
    rule: "Obsidian SR: ==highlight== elsewhere is plain emphasis, kept as written",
    text: note("# IAM", "* SCP", "\t* limits ==accounts== in an organisation"),
    cards: [{ kind: "basic", front: "IAM › SCP", back: "- limits ==accounts== in an organisation" }],
  },
  {
    rule: "Obsidian SR (decks.md): #flashcards/a/b names the deck",
    text: note("#flashcards/aws/iam", "What is STS?::Security Token Service"),
    cards: [{ front: "What is STS?", deckPath: ["aws", "iam"], tags: [] }],
  },
  {
    rule: "Obsidian SR (data-storage.md): <!--SR:!date,interval,ease--> never shows and becomes the history",
    text: note("Which call is made with an MFA code?", "?", "GetSessionToken", "<!--SR:!2024-03-05,12,250-->"),
    cards: [
      {
        front: "Which call is made with an MFA code?",
        back: "GetSessionToken",
        history: { source: "obsidian-sr", due: "2024-03-05", interval: 12, ease: 250 },
      },
    ],
  },
  {
    rule: "Obsidian SR: a schedule on the same line as an inline card is that card's history",
    text: note("What is STS?::Security Token Service <!--SR:!2024-03-05,12,250-->"),
    cards: [
      {
        front: "What is STS?",
        back: "Security Token Service",
        history: { source: "obsidian-sr", due: "2024-03-05", interval: 12, ease: 250 },
      },
    ],
  },
  {
    rule: "Obsidian SR (data-storage.md): a reversed card's schedules go one to each card, in order",
    text: note("Principal:::an entity that can make a request", "<!--SR:!2024-03-05,12,250!2024-04-01,20,270-->"),
    cards: [
      { front: "Principal", history: { source: "obsidian-sr", due: "2024-03-05", interval: 12, ease: 250 } },
      { front: "an entity that can make a request", history: { source: "obsidian-sr", due: "2024-04-01", interval: 20, ease: 270 } },
    ],
  },
  {
    rule: "Obsidian SR: a card wrapped in <!-- --> is retired, not imported",
    text: note("What is STS?::Security Token Service", "<!--", "Which call is made with an MFA code?", "?", "GetSessionToken", "-->"),
    cards: [{ front: "What is STS?", back: "Security Token Service" }],
  },
  {
    rule: "Obsidian SR: a card wrapped in %% %% is retired, not imported",
    text: note("What is STS?::Security Token Service", "%% What is IAM?::Identity and Access Management %%"),
    cards: [{ front: "What is STS?", back: "Security Token Service" }],
  },
  {
    rule: "Obsidian SR: block ids (^1661987725427) are dropped from both kinds of card",
    text: note(
      "What is STS?::Security Token Service ^1661987725427",
      "",
      "Which call is made with an MFA code?",
      "?",
      "GetSessionToken ^abc123",
    ),
    cards: [
      { front: "What is STS?", back: "Security Token Service" },
      { front: "Which call is made with an MFA code?", back: "GetSessionToken" },
    ],
  },
];

// Obsidian "Flashcards" plugin, https://github.com/reuseman/flashcards-obsidian (docs/wiki.md).
const flashcardsPlugin: RuleCase[] = [
  {
    rule: "Flashcards plugin (wiki.md): ## Front #card, its whole section (subsections included) is the back",
    text: note(
      "## What does a permissions boundary limit? #card",
      "The most an identity policy can grant.",
      "### Scope",
      "Applies to users and roles.",
      "## Unrelated",
      "other words",
    ),
    cards: [
      {
        front: "What does a permissions boundary limit?",
        back: "The most an identity policy can grant.\n\n**Scope**\n\nApplies to users and roles.",
        line: 1,
      },
    ],
  },
  {
    rule: "Flashcards plugin (wiki.md): #card alone on the line under a heading",
    text: note("## Permissions boundary", "#card", "Caps what identity policies can grant.", "## Other", "words"),
    cards: [{ front: "Permissions boundary", back: "Caps what identity policies can grant." }],
  },
  {
    rule: "Flashcards plugin (wiki.md): #card-reverse adds the reverse card",
    text: note("## Principal #card-reverse", "an entity that makes requests"),
    cards: [
      { front: "Principal", back: "an entity that makes requests" },
      { front: "an entity that makes requests", back: "Principal" },
    ],
  },
  {
    rule: "Flashcards plugin (wiki.md): #card/reverse adds the reverse card",
    text: note("## Principal #card/reverse", "an entity that makes requests"),
    cards: [
      { front: "Principal", back: "an entity that makes requests" },
      { front: "an entity that makes requests", back: "Principal" },
    ],
  },
  {
    rule: "Flashcards plugin (wiki.md): a paragraph line ending in #card is the front, the other lines the back",
    text: note("What does STS hand out? #card", "Short-lived credentials.", "", "A paragraph that is no card."),
    cards: [{ front: "What does STS hand out?", back: "Short-lived credentials." }],
  },
  {
    rule: "Flashcards plugin (wiki.md): cards-deck: A::B names the deck",
    text: note("---", "cards-deck: AWS::IAM", "---", "## What does a permissions boundary limit? #card", "The most a policy can grant."),
    cards: [{ front: "What does a permissions boundary limit?", deckPath: ["AWS", "IAM"], line: 4 }],
  },
  {
    rule: "Flashcards plugin (wiki.md): {1:x} and {x} clozes inside a >[!info] card callout, header not shown",
    text: note("---", "cards-deck: AWS", "---", ">[!info] card", ">{1:STS} issues {short-lived credentials}"),
    cards: [
      { kind: "cloze", front: "{{c1::STS}} issues short-lived credentials", deckPath: ["AWS"] },
      { kind: "cloze", front: "STS issues {{c2::short-lived credentials}}", deckPath: ["AWS"] },
    ],
  },
];

// Anki cloze deletions: https://docs.ankiweb.net/editing.html#cloze-deletion
const anki: RuleCase[] = [
  {
    rule: "Anki (editing.html#cloze-deletion): {{c1::x}} / {{c2::y::hint}} keep their numbers, one card a number",
    text: note("{{c1::STS}} issues {{c2::short-lived credentials::what kind}} to {{c1::roles}}"),
    cards: [
      { kind: "cloze", front: "{{c1::STS}} issues short-lived credentials to {{c1::roles}}", back: "" },
      { kind: "cloze", front: "STS issues {{c2::short-lived credentials::what kind}} to roles", back: "" },
    ],
  },
];

describe("Logseq #card", () => {
  it.each(logseq)("$rule", ({ text, path, cards }) => expectCards(text, cards, path));

  // The marker is not a marker inside a URL, so it must not be cut out of the URL either.
  it("Logseq: #card inside a URL is left in the URL", () => {
    const drafts = cardsOf(note("- Bookmarked https://example.com/tags#card today", "\t- a tag index"));
    expect(drafts[0]?.front).toBe("Bookmarked https://example.com/tags#card today");
  });

  it("Logseq: #card inside a markdown link's URL is left in the link", () => {
    const drafts = cardsOf(note("- See [the index](https://example.com/tags#card) today", "\t- a tag index"));
    expect(drafts[0]?.front).toBe("See [the index](https://example.com/tags#card) today");
  });
});

describe("Obsidian Spaced Repetition plugin", () => {
  it.each(spacedRepetition)("$rule", ({ text, path, cards }) => expectCards(text, cards, path));

  it("Obsidian SR: the two cards of Q:::A share one noteKey", () => {
    const [a, b] = cardsOf(note("Principal:::an entity that can make a request"));
    expect(a?.noteKey).toBeDefined();
    expect(b?.noteKey).toBe(a?.noteKey);
    expect(b?.key).not.toBe(a?.key);
  });

  it("Obsidian SR: an unclosed <!-- hides the rest of the note, with a notice naming its line", () => {
    const text = note("What is STS?::Security Token Service", "", "<!-- draft", "What is IAM?::Identity and Access Management");
    expect(cardsOf(text).map((c) => c.front)).toEqual(["What is STS?"]);
    expect(noticesOf(text)).toEqual([{ file: "note.md", line: 3, message: expect.stringContaining("never closed") }]);
  });

  it("Obsidian SR: a lone ? with nothing above it gives a notice naming the line", () => {
    expect(noticesOf(note("?", "GetSessionToken"))).toEqual([{ file: "note.md", line: 1, message: expect.stringContaining('"?"') }]);
  });

  // The notice says "no card made", but a card whose front is the separator itself is made.
  it("Obsidian SR: a lone ? with nothing above it makes no card", () => {
    expect(cardsOf(note("?", "GetSessionToken"))).toEqual([]);
  });
});

describe("Obsidian SR vault settings (.obsidian/plugins/obsidian-spaced-repetition/data.json)", () => {
  // docs/en/plugin-settings.md of the plugin: the separators and cloze switches a vault chose.
  const SETTINGS = "vault/.obsidian/plugins/obsidian-spaced-repetition/data.json";
  const body = note(
    "What is STS;;Security Token Service",
    "",
    "What is IAM::Identity and Access Management",
    "",
    "An **SCP** limits accounts",
  );

  it("reads Q;;A cards and **bold** clozes in its vault only; a note outside it keeps the defaults", () => {
    const preview = importPreview([
      { path: SETTINGS, text: JSON.stringify({ singleLineCardSeparator: ";;", convertBoldTextToClozes: true }) },
      { path: "vault/n.md", text: body },
      { path: "other/n.md", text: body },
    ]);
    expect(preview.problems).toEqual([]);
    expect(preview.drafts.map((d) => [d.source.file, d.kind, d.front, d.back])).toEqual([
      ["vault/n.md", "basic", "What is STS", "Security Token Service"],
      ["vault/n.md", "cloze", "An {{c1::SCP}} limits accounts", ""],
      ["other/n.md", "basic", "What is IAM", "Identity and Access Management"],
    ]);
    expect(preview.notes).toBe(2);
  });

  it("invalid JSON there is a problem naming the file, and the defaults apply", () => {
    const preview = importPreview([
      { path: SETTINGS, text: "{ not json" },
      { path: "vault/n.md", text: body },
    ]);
    expect(preview.problems).toEqual([{ file: SETTINGS, message: expect.stringContaining("not valid JSON") }]);
    expect(preview.drafts.map((d) => [d.kind, d.front, d.back])).toEqual([["basic", "What is IAM", "Identity and Access Management"]]);
  });
});

describe("Obsidian Flashcards plugin", () => {
  it.each(flashcardsPlugin)("$rule", ({ text, path, cards }) => expectCards(text, cards, path));
});

describe("Anki clozes", () => {
  it.each(anki)("$rule", ({ text, path, cards }) => expectCards(text, cards, path));

  it("Anki: the cards of one cloze block share a noteKey", () => {
    const drafts = cardsOf(note("{{c1::STS}} issues {{c2::short-lived credentials}}"));
    expect(new Set(drafts.map((d) => d.noteKey)).size).toBe(1);
    expect(drafts).toHaveLength(2);
  });
});
