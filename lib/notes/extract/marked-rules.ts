// Notes whose author marked the cards (docs/importing.md, "The author's markers decide"): exactly
// the marked blocks become cards. Logseq `#card` blocks and clozes, Obsidian Spaced Repetition
// `::` lines and multi-line `?` cards, the Flashcards plugin's `#card` headings, paragraphs and
// callout clozes. Nothing else in such a note is guessed.

import { hasCloze } from "../inline/cloze.ts";
import { cardMarkerIn, inlineTags, mergeTags } from "../inline/tags.ts";
import { cardText, plainLine } from "../inline/text.ts";
import type { FlashcardNode, HeadingNode, ItemNode, NoteNode, ParagraphNode } from "../tree.ts";
import type { CardSink } from "./card-sink.ts";
import { logseqHistory } from "./history.ts";
import { isEmptyItem, renderItemContent } from "./markdown.ts";
import { underHeading, underItem, withContext, type Scope } from "./scope.ts";
import { isMarkedItem } from "./syntax.ts";

export class MarkedRules {
  constructor(private readonly sink: CardSink) {}

  walkSection(nodes: readonly NoteNode[], scope: Scope): void {
    for (const node of nodes) {
      if (node.type === "item") this.walkItem(node, scope);
      else if (node.type === "flashcard") this.flashcardCards(node, scope);
      else if (node.type === "paragraph") this.paragraph(node, scope);
    }
  }

  private walkItem(item: ItemNode, scope: Scope): void {
    if (isEmptyItem(item)) return;
    const tags = this.sink.itemTags(item, scope);
    const itemScope = { ...scope, tags };
    if (item.heading) {
      const heading = plainLine(item.text, this.sink.text, 120);
      const inner = heading ? underHeading(itemScope, heading) : itemScope;
      if (isMarkedItem(item)) this.sink.blockCard(item, this.sink.clean(item.text), itemScope, this.sink.blockId(item));
      for (const child of item.children) this.walkItem(child, inner);
      this.walkSection(item.body, inner);
      return;
    }
    const text = this.sink.clean(item.text);
    const blockId = this.sink.blockId(item);
    if (isMarkedItem(item)) this.sink.blockCard(item, text, itemScope, blockId);
    else if (hasCloze(text, this.sink.clozeStyles)) {
      this.sink.clozeCards(
        text,
        item.line,
        itemScope,
        blockId,
        logseqHistory(item.properties),
        renderItemContent(item, this.sink.markdown),
      );
    } else this.sink.inlineCards(item.text, item.line, itemScope, tags);
    this.walkSection(item.body, underItem(itemScope, this.sink.plain(item.text), tags));
    const childScope = underItem(itemScope, this.sink.plain(item.text), tags);
    for (const child of item.children) this.walkItem(child, childScope);
  }

  /** A paragraph in a marked note: a `Front #card` line (Flashcards plugin), a cloze, or `::` cards. */
  private paragraph(quoted: ParagraphNode, scope: Scope): void {
    const node = unquote(quoted);
    const marker = cardMarkerIn(node.text.split("\n")[0] ?? "");
    const tags = mergeTags(scope.tags, inlineTags(node.text));
    if (marker) {
      const [first = "", ...rest] = node.text.split("\n");
      const front = this.sink.clean(first);
      if (!front) return; // a lone `#card` under a heading: the heading is the card (isMarkedHeading)
      this.sink.addBothWays(
        {
          kind: "basic",
          front: withContext(scope, front),
          back: this.sink.clean(rest.join("\n")),
          tags,
          line: node.line,
          deckPath: scope.deckPath,
          schedulable: true,
        },
        marker === "reverse",
      );
      return;
    }
    const text = this.sink.clean(node.text);
    if (hasCloze(text, this.sink.clozeStyles)) this.sink.clozeCards(text, node.line, { ...scope, tags }, undefined);
    else this.sink.inlineCards(node.text, node.line, scope, tags);
  }

  /** `## Front #card` (or `#card` alone on the heading's first line): the whole section is the back. */
  isMarkedHeading(heading: HeadingNode): boolean {
    if (cardMarkerIn(heading.text)) return true;
    const first = heading.children[0];
    return first?.type === "paragraph" && isOnlyMarker(first.text.split("\n")[0] ?? "");
  }

  headingCard(heading: HeadingNode, scope: Scope): void {
    const firstLine = heading.children[0]?.type === "paragraph" ? (heading.children[0].text.split("\n")[0] ?? "") : "";
    const marker = cardMarkerIn(heading.text) ?? cardMarkerIn(firstLine);
    const content = heading.children.flatMap((node, i): NoteNode[] => {
      if (i === 0 && node.type === "paragraph" && isOnlyMarker(firstLine)) {
        const rest = node.text.split("\n").slice(1).join("\n");
        return rest.trim() ? [{ ...node, text: rest }] : [];
      }
      return [node];
    });
    const front = this.sink.clean(heading.text);
    const inner = underHeading(scope, plainLine(heading.text, this.sink.text, 120) || front);
    this.walkSection(content, inner);
    this.sink.addBothWays(
      {
        kind: "basic",
        front: withContext(scope, front),
        back: this.sink.renderSection(content, inner, (h, s) => this.ownHeadingCard(h, s)),
        tags: mergeTags(scope.tags, inlineTags(heading.text)),
        line: heading.line,
        deckPath: scope.deckPath,
        schedulable: true,
      },
      marker === "reverse",
    );
  }

  private flashcardCards(node: FlashcardNode, scope: Scope): void {
    const tags = mergeTags(scope.tags, inlineTags(node.front));
    this.sink.addBothWays(
      {
        kind: "basic",
        front: withContext(scope, this.sink.clean(node.front)),
        back: this.sink.clean(node.back),
        tags,
        line: node.line,
        deckPath: scope.deckPath,
        schedulable: true,
      },
      node.reversed,
    );
  }

  /** A marked subheading inside a heading card's section is a card of its own. */
  private ownHeadingCard(heading: HeadingNode, scope: Scope): boolean {
    if (!this.isMarkedHeading(heading)) return false;
    this.headingCard(heading, scope);
    return true;
  }
}

/** A blockquote or Obsidian callout read as its content: `>` marks and the `[!info] title` line dropped. */
function unquote(node: ParagraphNode): ParagraphNode {
  if (!node.text.startsWith(">")) return node;
  const lines = node.text.split("\n").map((line) => line.replace(/^>\s?/, ""));
  if (/^\[![\w-]+\][+-]?/.test(lines[0] ?? "")) lines.shift();
  return { ...node, text: lines.join("\n") };
}

function isOnlyMarker(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== "" && cardMarkerIn(trimmed) !== undefined && cardText(trimmed) === "";
}
