// Notes without card markers (docs/importing.md, "Hand-written Q&A" and "Guessing, tightened"): the
// question forms people write by hand first (numbered questions, Q:/A:, **Ans**, multiple choice,
// two-column tables, question headings), then the tightened guessing rules for outline items:
//   question with its answer > "Example:" item (joins the previous card) > "Name - description" >
//   "situation => outcome" > item with children.
// A bare list of facts under a heading that asks nothing makes no card; it is listed as skipped.

import { inlineTags, mergeTags } from "../inline/tags.ts";
import { oneLine, plainLine } from "../inline/text.ts";
import type { ItemNode, NoteNode, ParagraphNode } from "../tree.ts";
import type { CardSink, Pending } from "./card-sink.ts";
import { isTableOfContents } from "./contents.ts";
import {
  choiceItemCard,
  fencedChoice,
  handwrittenCards,
  isChoiceItem,
  isNumberingHeading,
  questionWithAnswer,
  type HandwrittenCard,
} from "./handwritten.ts";
import { isEmptyItem, joinBlocks, renderItemContent, renderNodes } from "./markdown.ts";
import { askForName, isGenericLabel, isQuestion, splitArrow, splitNameDescription } from "./patterns.ts";
import { findQaPairs, stripAnswerMarker, stripQuestionMarker, type QaPair } from "./qa.ts";
import { underHeading, underItem, withContext, type Scope } from "./scope.ts";

/** Walks a section's headings again (a Logseq heading block opens a section inside an outline). */
export type SectionWalker = (nodes: readonly NoteNode[], scope: Scope, headingLine: number) => void;

export class PlainRules {
  constructor(
    private readonly sink: CardSink,
    private readonly walkHeadingSection: SectionWalker,
  ) {}

  walkSection(nodes: readonly NoteNode[], scope: Scope, headingLine: number | undefined): void {
    const content = nodes.filter((n) => n.type !== "heading");
    const handwritten = handwrittenCards(content);
    for (const card of handwritten.cards) this.handwrittenCard(card, scope);
    const { pairs, rest } = findQaPairs(handwritten.rest);
    for (const pair of pairs) this.qaCard(pair, scope);

    let previous: Pending | undefined;
    const leftovers: ItemNode[] = [];
    for (const node of rest) {
      if (node.type === "item") {
        if (isTableOfContents(node)) {
          previous = undefined;
          continue;
        }
        const walked = this.walkItem(node, scope, previous);
        previous = walked.card;
        if (!walked.produced) leftovers.push(node);
      } else if (node.type !== "code") {
        previous = undefined;
      }
    }
    const onlyFacts = rest.every((n) => n.type === "item") && pairs.length === 0 && handwritten.cards.length === 0;
    if (onlyFacts && leftovers.length >= 2 && leftovers.length === rest.length) this.factsSkipped(leftovers, scope, headingLine);
  }

  /**
   * A section that is nothing but a list of plain facts under a topic heading asks nothing, so it
   * makes no card (measured on real notes, such cards were mostly junk); it is listed as skipped so
   * the learner can mark it.
   */
  private factsSkipped(items: readonly ItemNode[], scope: Scope, headingLine: number | undefined): void {
    if (headingLine === undefined || !scope.heading) return;
    this.sink.skipped.push({
      file: this.sink.note.path,
      line: headingLine,
      text: oneLine(scope.heading),
      reason: `${items.length} facts under a heading that asks nothing; add #card to the heading, or make it a question, to get a card`,
    });
  }

  /**
   * A heading that asks (`### How do roles work?`, `### Question 12`): its whole section is one
   * card. An exam heading that only numbers the question takes its front from the section's first
   * paragraph (and options), its back from the answer.
   */
  questionSection(nodes: readonly NoteNode[], scope: Scope, headingLine: number): void {
    const heading = scope.heading!;
    // The question is a card, not a deck: its cards go in the deck of the section around it.
    const deckPath = scope.deckPath.slice(0, -1);
    const tags = scope.tags;
    const context = scope.parentHeading ? { ...scope, heading: scope.parentHeading } : { ...scope, heading: undefined };
    if (isNumberingHeading(heading)) {
      const content = nodes.filter((n) => n.type !== "heading");
      const card = handwrittenCards(content).cards[0] ?? questionWithAnswer(content);
      if (card) {
        this.sink.add({
          kind: "basic",
          front: renderNodes(card.question, this.sink.markdown),
          back: renderNodes(card.answer, this.sink.markdown),
          tags,
          line: headingLine,
          deckPath,
        });
        return;
      }
    }
    const firstContent = nodes.find((n) => n.type !== "heading");
    const fenced = fencedChoice(firstContent);
    if (fenced) {
      this.sink.add({
        kind: "basic",
        front: joinBlocks([withContext(context, heading), renderNodes([fenced.options], this.sink.markdown)]),
        back: renderNodes([fenced.answer, ...nodes.filter((n) => n !== firstContent && n.type !== "heading")], this.sink.markdown),
        tags,
        line: headingLine,
        deckPath,
      });
      return;
    }
    const answer = nodes.map((n, i) => (i === 0 ? mapParagraph(n, stripAnswerMarker) : n));
    this.sink.add({
      kind: "basic",
      front: withContext(context, heading),
      back: this.sink.renderSection(answer, scope),
      tags,
      line: headingLine,
      deckPath,
    });
  }

  private handwrittenCard(card: HandwrittenCard, scope: Scope): void {
    const front = renderNodes(card.question, this.sink.markdown);
    const tags = mergeTags(
      scope.tags,
      ...card.question.map((n) => (n.type === "paragraph" || n.type === "item" ? inlineTags(n.text) : [])),
    );
    this.sink.add({
      kind: "basic",
      front: card.context ? withContext(scope, front) : front,
      back: renderNodes(card.answer, this.sink.markdown),
      tags,
      line: card.line,
      deckPath: scope.deckPath,
    });
  }

  private qaCard(pair: QaPair, scope: Scope): void {
    const question = pair.question.map((n, i) => (i === 0 ? mapParagraph(n, stripQuestionMarker) : n));
    const answer = pair.answer.map((n, i) => (i === 0 ? mapParagraph(n, stripAnswerMarker) : n));
    const front = renderNodes(question, this.sink.markdown);
    const tags = mergeTags(scope.tags, ...pair.question.map((n) => (n.type === "paragraph" ? inlineTags(n.text) : [])));
    this.sink.add({ kind: "basic", front, back: renderNodes(answer, this.sink.markdown), tags, line: pair.line, deckPath: scope.deckPath });
  }

  private walkItem(item: ItemNode, scope: Scope, previous: Pending | undefined): { produced: boolean; card?: Pending } {
    if (isChoiceItem(item)) {
      this.handwrittenCard(choiceItemCard(item), scope);
      return { produced: true };
    }
    if (isEmptyItem(item)) return { produced: true };
    const tags = this.sink.itemTags(item, scope);
    const text = this.sink.clean(item.text);
    const itemScope = { ...scope, tags };

    if (item.heading) {
      const heading = plainLine(item.text, this.sink.text, 120);
      this.walkHeadingSection([...item.body, ...item.children], heading ? underHeading(itemScope, heading) : itemScope, item.line);
      return { produced: true };
    }

    const childScope = underItem(itemScope, this.sink.plain(item.text), tags);
    const walkChildren = () => {
      let before: Pending | undefined;
      for (const child of item.children) before = this.walkItem(child, childScope, before).card;
    };
    const blockId = this.sink.blockId(item);
    const answer = renderItemContent(item, this.sink.markdown);
    const descriptions = this.sink.descriptions(item);
    const hasContent = answer !== "" || descriptions !== "";

    // One question, one card: a question's whole subtree is its answer, and its children are not
    // cards of their own.
    const asked = splitQuestion(text);
    if (asked && (asked.answer || hasContent)) {
      const card = this.sink.add({
        kind: "basic",
        front: withContext(scope, asked.question),
        back: joinBlocks([asked.answer, descriptions, answer]),
        tags,
        line: item.line,
        deckPath: scope.deckPath,
        ...(blockId ? { blockId } : {}),
      });
      return { produced: true, ...(card ? { card } : {}) };
    }

    if (isGenericLabel(this.sink.plain(item.text)) && hasContent) {
      // "Example:" with code under it illustrates the card just before it.
      if (!previous) return { produced: false };
      previous.back = joinBlocks([previous.back, text, answer]);
      return { produced: true, card: previous };
    }

    const named = isQuestion(text) ? undefined : splitNameDescription(text);
    if (named) {
      const front = withContext(scope, askForName(named));
      const card = this.sink.add({
        kind: "basic",
        front,
        back: joinBlocks([named.description, descriptions, answer]),
        tags,
        line: item.line,
        deckPath: scope.deckPath,
        ...(blockId ? { blockId } : {}),
      });
      return { produced: true, ...(card ? { card } : {}) };
    }

    const arrow = hasContent ? undefined : splitArrow(text);
    if (arrow) {
      const card = this.sink.add({
        kind: "basic",
        front: withContext(scope, `${arrow.prompt} ⇒ ?`),
        back: arrow.answer,
        tags,
        line: item.line,
        deckPath: scope.deckPath,
        ...(blockId ? { blockId } : {}),
      });
      return { produced: true, ...(card ? { card } : {}) };
    }

    if (hasContent && text) {
      const card = this.sink.add({
        kind: "basic",
        front: withContext(scope, text.replace(/\s*[:：]$/, "")),
        back: joinBlocks([descriptions, answer]),
        tags,
        line: item.line,
        deckPath: scope.deckPath,
        ...(blockId ? { blockId } : {}),
      });
      walkChildren();
      return { produced: true, ...(card ? { card } : {}) };
    }
    if (hasContent) {
      walkChildren();
      return { produced: false };
    }
    return { produced: false };
  }
}

/** "What is X?" alone, or a question line followed by its answer in the same block. */
function splitQuestion(text: string): { question: string; answer: string } | undefined {
  const lines = text.split("\n");
  const at = lines.findIndex((line) => isQuestion(line));
  if (at < 0) return undefined;
  // Only a block that opens with its question: a list of facts that ends with one is not a question.
  if (at > 2) return undefined;
  return {
    question: lines
      .slice(0, at + 1)
      .join("\n")
      .trim(),
    answer: lines
      .slice(at + 1)
      .join("\n")
      .trim(),
  };
}

function mapParagraph(node: NoteNode, change: (text: string) => string): NoteNode {
  return node.type === "paragraph" ? ({ ...node, text: change(node.text) } satisfies ParagraphNode) : node;
}
