// The card rules (docs/importing.md): walks a parsed note section by section and turns blocks into
// card drafts. A note written with card markers of any supported syntax (Logseq `#card`, Obsidian
// SR `::` / `?` / `#flashcards`, the Flashcards plugin's `#card` headings, Anki clozes) has chosen
// its cards: exactly the marked blocks become cards. Other notes are read by the hand-written
// rules, then the guessing rules, in this order for an outline item:
//   question with its answer > "Example:" item (joins the previous card) > "Name - description" >
//   "situation => outcome" > item with children.
// Prose in a section yields Q&A pairs; whatever a section leaves unused becomes one "key points"
// card so no note content is silently dropped.

import { frontForGroup, hasCloze, normaliseCloze, revealAll, type ClozeStyles } from "../inline/cloze.ts";
import { cardMarkerIn, inlineTags, mergeTags, type CardMarker } from "../inline/tags.ts";
import { cardText, plainLine, type TextOptions } from "../inline/text.ts";
import { findProperty, splitPropertyList } from "../parse/properties.ts";
import type { FlashcardNode, HeadingNode, ItemNode, NoteNode, ParagraphNode, ParsedNote } from "../tree.ts";
import type { CardDraft, CardKind, ImportProblem, ReviewHistory, SkippedBlock } from "../types.ts";
import { logseqHistory, srHistory } from "./history.ts";
import { inlineCards, type InlineSeparators } from "./inline-cards.ts";
import { DEFAULT_SR_SETTINGS, type SrSettings } from "../input/plugin-settings.ts";
import { derivedKey, disambiguate, idKey } from "./keys.ts";
import { isEmptyItem, joinBlocks, renderItemContent, renderNodes, type MarkdownOptions } from "./markdown.ts";
import { askForName, isGenericLabel, isQuestion, isQuestionLike, splitArrow, splitNameDescription } from "./patterns.ts";
import { findQaPairs, stripAnswerMarker, stripQuestionMarker, type QaPair } from "./qa.ts";
import { underHeading, underItem, withContext, type Scope } from "./scope.ts";
import { isMarkedItem, surveySyntax, type NoteSyntax } from "./syntax.ts";
import {
  choiceItemCard,
  fencedChoice,
  handwrittenCards,
  isChoiceItem,
  isNumberingHeading,
  questionWithAnswer,
  type HandwrittenCard,
} from "./handwritten.ts";
import { isTableOfContents } from "./contents.ts";

export interface ExtractOptions {
  /** A deck to put every card under (prefixed to the note's own deck path). */
  deck?: string;
  /** Resolves Logseq `((block refs))` across a whole import; the note's own blocks are always known. */
  resolveBlockRef?: (id: string) => string | undefined;
  /** The vault's Obsidian Spaced Repetition settings: separators and which markups are clozes. */
  spacedRepetition?: SrSettings;
}

export interface Extraction {
  drafts: CardDraft[];
  notices: ImportProblem[];
  /** Blocks that looked like cards but were not made into one, with the reason. */
  skipped: SkippedBlock[];
}

interface Pending {
  kind: CardKind;
  front: string;
  back: string;
  tags: string[];
  line: number;
  deckPath: string[];
  /** What the key is derived from (the front, or for clozes the revealed text). */
  identity: string;
  /** Cards of one block share it (a card and its reverse, a cloze's deletions). */
  noteIdentity?: string;
  blockId?: string;
  cloze?: number;
  history?: ReviewHistory;
  /** Made from a syntax the Obsidian SR plugin schedules, so a `<!--SR:...-->` after it is its own. */
  schedulable?: boolean;
}

const DESCRIPTION_KEYS = ["desc", "description", "definition"];

export function extractNote(note: ParsedNote, options: ExtractOptions = {}): Extraction {
  return new CardRules(note, options).run();
}

export function extractCards(note: ParsedNote, options: ExtractOptions = {}): CardDraft[] {
  return extractNote(note, options).drafts;
}

class CardRules {
  private readonly pending: Pending[] = [];
  private readonly notices: ImportProblem[] = [];
  private readonly skipped: SkippedBlock[] = [];
  private readonly syntax: NoteSyntax;
  private readonly clozeStyles: ClozeStyles;
  private readonly separators: InlineSeparators;
  private readonly text: TextOptions;
  private readonly markdown: MarkdownOptions;

  constructor(
    private readonly note: ParsedNote,
    private readonly options: ExtractOptions,
  ) {
    const ownBlocks = new Map<string, string>();
    visitItems(note.nodes, (item) => {
      const id = findProperty(item.properties, "id")?.value;
      if (id) ownBlocks.set(id.toLowerCase(), item.text);
    });
    const sr = options.spacedRepetition ?? DEFAULT_SR_SETTINGS;
    this.separators = { basic: sr.inline, reversed: sr.inlineReversed };
    this.syntax = surveySyntax(note, this.separators);
    this.clozeStyles = {
      ...sr.cloze,
      highlight: this.syntax.obsidian && sr.cloze.highlight === true,
      single: this.syntax.flashcardsPlugin,
    };
    this.text = {
      resolveBlockRef: (id) => ownBlocks.get(id) ?? options.resolveBlockRef?.(id),
    };
    this.markdown = { ...this.text, clean: (raw) => this.clean(raw) };
  }

  private get explicit(): boolean {
    return this.syntax.explicit;
  }

  // An item's text is read by several rules and again in its parent's back: clean it once.
  private readonly cleaned = new Map<string, string>();
  private readonly plained = new Map<string, string>();

  private clean(raw: string): string {
    return remembered(this.cleaned, raw, () => cardText(raw, this.text));
  }

  private plain(raw: string): string {
    return remembered(this.plained, raw, () => plainLine(raw, this.text));
  }

  run(): Extraction {
    const note = this.note;
    const pageTags = splitPropertyList(
      note.properties
        .filter((p) => p.key === "tags" || p.key === "tag")
        .map((p) => p.value)
        .join(","),
    );
    const root: Scope = { deckPath: this.syntax.deck ? [...this.syntax.deck] : [note.title], ancestors: [], tags: pageTags };
    if (note.titleHeading && !cardMarkerIn(note.titleHeading.text)) {
      // The title heading's section is the note itself: its subheadings are top-level decks.
      const scope = { ...root, heading: note.title };
      const before = note.nodes.filter((n) => n !== note.titleHeading);
      this.walkSection([...before, ...note.titleHeading.children], scope, note.titleHeading.line, true);
    } else {
      this.walkSection(note.nodes, root, undefined, true);
    }
    this.attachSchedules();
    return { drafts: this.finish(), notices: [...note.notices, ...this.notices], skipped: this.skipped };
  }

  private finish(): CardDraft[] {
    const prefix = this.options.deck?.trim() ? [this.options.deck.trim()] : [];
    // Document order, so `~2` suffixes and previews follow the note as written.
    const ordered = [...this.pending].sort((a, b) => a.line - b.line);
    const drafts = ordered.map((p): CardDraft => {
      const base = p.blockId ? idKey(p.blockId) : derivedKey(this.note.path, p.deckPath, p.identity);
      const key = p.cloze === undefined ? base : `${base}#c${p.cloze}`;
      const noteKey = p.noteIdentity !== undefined && !p.blockId ? derivedKey(this.note.path, p.deckPath, p.noteIdentity) : base;
      return {
        key,
        kind: p.kind,
        deckPath: [...prefix, ...p.deckPath],
        front: p.front,
        back: p.back,
        tags: p.tags,
        source: { file: this.note.path, line: p.line },
        noteKey,
        ...(p.history ? { history: p.history } : {}),
      };
    });
    return disambiguate(drafts);
  }

  /** Each `<!--SR:...-->` belongs to the card block right before it; its entries go to that block's cards in order. */
  private attachSchedules(): void {
    const schedulable = this.pending.filter((p) => p.schedulable).sort((a, b) => a.line - b.line || (a.cloze ?? 0) - (b.cloze ?? 0));
    for (const schedule of this.note.schedules) {
      let line = -1;
      for (const card of schedulable) if (card.line <= schedule.line) line = card.line;
      const block = schedulable.filter((card) => card.line === line && card.history === undefined);
      block.forEach((card, i) => {
        const entry = schedule.entries[i];
        if (entry) card.history = srHistory(entry);
      });
    }
  }

  private add(card: Omit<Pending, "identity"> & { identity?: string }): Pending | undefined {
    const front = card.front.trim();
    const back = card.back.trim();
    if (!front || (card.kind === "basic" && !back)) {
      this.skipped.push({
        file: this.note.path,
        line: card.line,
        text: oneLine(front || back),
        reason: front ? "nothing under it to use as the answer" : "no text to ask",
      });
      return undefined;
    }
    const pending: Pending = { ...card, front, back, identity: card.identity ?? front };
    this.pending.push(pending);
    return pending;
  }

  /** A card and, for the markers that ask both ways, its reverse (sharing one note key). */
  private addBothWays(card: Omit<Pending, "identity">, reverse: boolean): Pending | undefined {
    const made = this.add(reverse ? { ...card, noteIdentity: card.front } : card);
    if (made && reverse) this.add({ ...card, front: card.back, back: card.front, noteIdentity: made.front });
    return made;
  }

  private skip(line: number, text: string, reason: string): void {
    this.skipped.push({ file: this.note.path, line, text: oneLine(this.clean(text)), reason });
  }

  // ---- sections -------------------------------------------------------------------------------

  private walkSection(nodes: readonly NoteNode[], scope: Scope, headingLine: number | undefined, root = false): void {
    if (
      !this.explicit &&
      !root &&
      headingLine !== undefined &&
      scope.heading &&
      (isQuestionLike(scope.heading) || isNumberingHeading(scope.heading))
    ) {
      this.questionSection(nodes, scope, headingLine);
      return;
    }
    if (this.explicit) this.walkMarkedSection(nodes, scope);
    else this.walkPlainSection(nodes, scope, root ? undefined : headingLine);
    for (const node of nodes) {
      if (node.type !== "heading") continue;
      if (this.explicit && this.isMarkedHeading(node)) {
        this.headingCard(node, scope);
        continue;
      }
      const heading = this.headingName(node.text);
      if (heading) this.walkSection(node.children, underHeading(scope, heading), node.line);
      else this.walkSection(node.children, scope, node.line);
    }
  }

  /** Headings name decks; a question heading is kept whole, since it may be a card's front. */
  private headingName(raw: string): string {
    const full = plainLine(raw, this.text, 1000);
    return isQuestion(full) ? full : plainLine(raw, this.text, 120);
  }

  // ---- notes with markers: exactly the marked cards ---------------------------------------------

  private walkMarkedSection(nodes: readonly NoteNode[], scope: Scope): void {
    for (const node of nodes) {
      if (node.type === "item") this.walkMarkedItem(node, scope);
      else if (node.type === "flashcard") this.flashcardCards(node, scope);
      else if (node.type === "paragraph") this.markedParagraph(node, scope);
    }
  }

  private walkMarkedItem(item: ItemNode, scope: Scope): void {
    if (isEmptyItem(item)) return;
    const tags = this.itemTags(item, scope);
    const itemScope = { ...scope, tags };
    if (item.heading) {
      const heading = plainLine(item.text, this.text, 120);
      const inner = heading ? underHeading(itemScope, heading) : itemScope;
      if (isMarkedItem(item)) this.blockCard(item, this.clean(item.text), itemScope, this.blockId(item));
      for (const child of item.children) this.walkMarkedItem(child, inner);
      this.walkMarkedSection(item.body, inner);
      return;
    }
    const text = this.clean(item.text);
    const blockId = this.blockId(item);
    if (isMarkedItem(item)) this.blockCard(item, text, itemScope, blockId);
    else if (hasCloze(text, this.clozeStyles)) {
      this.clozeCards(text, item.line, itemScope, blockId, logseqHistory(item.properties), renderItemContent(item, this.markdown));
    } else this.inlineCards(item.text, item.line, itemScope, tags);
    this.walkMarkedSection(item.body, underItem(itemScope, this.plain(item.text), tags));
    const childScope = underItem(itemScope, this.plain(item.text), tags);
    for (const child of item.children) this.walkMarkedItem(child, childScope);
  }

  /** A paragraph in a marked note: a `Front #card` line (Flashcards plugin), a cloze, or `::` cards. */
  private markedParagraph(quoted: ParagraphNode, scope: Scope): void {
    const node = unquote(quoted);
    const marker = cardMarkerIn(node.text.split("\n")[0] ?? "");
    const tags = mergeTags(scope.tags, inlineTags(node.text));
    if (marker) {
      const [first = "", ...rest] = node.text.split("\n");
      const front = this.clean(first);
      if (!front) return; // a lone `#card` under a heading: the heading is the card (isMarkedHeading)
      this.addBothWays(
        {
          kind: "basic",
          front: withContext(scope, front),
          back: this.clean(rest.join("\n")),
          tags,
          line: node.line,
          deckPath: scope.deckPath,
          schedulable: true,
        },
        marker === "reverse",
      );
      return;
    }
    const text = this.clean(node.text);
    if (hasCloze(text, this.clozeStyles)) this.clozeCards(text, node.line, { ...scope, tags }, undefined);
    else this.inlineCards(node.text, node.line, scope, tags);
  }

  /** `## Front #card` (or `#card` alone on the heading's first line): the whole section is the back. */
  private isMarkedHeading(heading: HeadingNode): boolean {
    if (cardMarkerIn(heading.text)) return true;
    const first = heading.children[0];
    return first?.type === "paragraph" && isOnlyMarker(first.text.split("\n")[0] ?? "");
  }

  private headingCard(heading: HeadingNode, scope: Scope): void {
    const firstLine = heading.children[0]?.type === "paragraph" ? (heading.children[0].text.split("\n")[0] ?? "") : "";
    const marker = cardMarkerIn(heading.text) ?? cardMarkerIn(firstLine);
    const content = heading.children.flatMap((node, i): NoteNode[] => {
      if (i === 0 && node.type === "paragraph" && isOnlyMarker(firstLine)) {
        const rest = node.text.split("\n").slice(1).join("\n");
        return rest.trim() ? [{ ...node, text: rest }] : [];
      }
      return [node];
    });
    const front = this.clean(heading.text);
    const inner = underHeading(scope, plainLine(heading.text, this.text, 120) || front);
    this.walkMarkedSection(content, inner);
    this.addBothWays(
      {
        kind: "basic",
        front: withContext(scope, front),
        back: this.renderSection(content, inner),
        tags: mergeTags(scope.tags, inlineTags(heading.text)),
        line: heading.line,
        deckPath: scope.deckPath,
        schedulable: true,
      },
      marker === "reverse",
    );
  }

  /** A section as one answer: its content, and its subsections under their titles unless they are cards of their own. */
  private renderSection(nodes: readonly NoteNode[], scope: Scope): string {
    const blocks: string[] = [
      renderNodes(
        nodes.filter((n) => n.type !== "heading"),
        this.markdown,
      ),
    ];
    for (const node of nodes) {
      if (node.type !== "heading") continue;
      if (this.isMarkedHeading(node)) {
        this.headingCard(node, scope);
        blocks.push(`**${this.clean(node.text)}**`);
        continue;
      }
      blocks.push(
        `**${this.clean(node.text)}**`,
        this.renderSection(node.children, underHeading(scope, plainLine(node.text, this.text, 120))),
      );
    }
    return joinBlocks(blocks);
  }

  private flashcardCards(node: FlashcardNode, scope: Scope): void {
    const tags = mergeTags(scope.tags, inlineTags(node.front));
    this.addBothWays(
      {
        kind: "basic",
        front: withContext(scope, this.clean(node.front)),
        back: this.clean(node.back),
        tags,
        line: node.line,
        deckPath: scope.deckPath,
        schedulable: true,
      },
      node.reversed,
    );
  }

  // ---- notes without markers: hand-written Q&A, then the guessing rules ----------------------

  private walkPlainSection(nodes: readonly NoteNode[], scope: Scope, headingLine: number | undefined): void {
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
    this.skipped.push({
      file: this.note.path,
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
  private questionSection(nodes: readonly NoteNode[], scope: Scope, headingLine: number): void {
    const heading = scope.heading!;
    // The question is a card, not a deck: its cards go in the deck of the section around it.
    const deckPath = scope.deckPath.slice(0, -1);
    const tags = scope.tags;
    const context = scope.parentHeading ? { ...scope, heading: scope.parentHeading } : { ...scope, heading: undefined };
    if (isNumberingHeading(heading)) {
      const content = nodes.filter((n) => n.type !== "heading");
      const card = handwrittenCards(content).cards[0] ?? questionWithAnswer(content);
      if (card) {
        this.add({
          kind: "basic",
          front: renderNodes(card.question, this.markdown),
          back: renderNodes(card.answer, this.markdown),
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
      this.add({
        kind: "basic",
        front: joinBlocks([withContext(context, heading), renderNodes([fenced.options], this.markdown)]),
        back: renderNodes([fenced.answer, ...nodes.filter((n) => n !== firstContent && n.type !== "heading")], this.markdown),
        tags,
        line: headingLine,
        deckPath,
      });
      return;
    }
    const answer = nodes.map((n, i) => (i === 0 ? mapParagraph(n, stripAnswerMarker) : n));
    this.add({
      kind: "basic",
      front: withContext(context, heading),
      back: this.renderSection(answer, scope),
      tags,
      line: headingLine,
      deckPath,
    });
  }

  private handwrittenCard(card: HandwrittenCard, scope: Scope): void {
    const front = renderNodes(card.question, this.markdown);
    const tags = mergeTags(
      scope.tags,
      ...card.question.map((n) => (n.type === "paragraph" || n.type === "item" ? inlineTags(n.text) : [])),
    );
    this.add({
      kind: "basic",
      front: card.context ? withContext(scope, front) : front,
      back: renderNodes(card.answer, this.markdown),
      tags,
      line: card.line,
      deckPath: scope.deckPath,
    });
  }

  private qaCard(pair: QaPair, scope: Scope): void {
    const question = pair.question.map((n, i) => (i === 0 ? mapParagraph(n, stripQuestionMarker) : n));
    const answer = pair.answer.map((n, i) => (i === 0 ? mapParagraph(n, stripAnswerMarker) : n));
    const front = renderNodes(question, this.markdown);
    const tags = mergeTags(scope.tags, ...pair.question.map((n) => (n.type === "paragraph" ? inlineTags(n.text) : [])));
    this.add({ kind: "basic", front, back: renderNodes(answer, this.markdown), tags, line: pair.line, deckPath: scope.deckPath });
  }

  private itemTags(item: ItemNode, scope: Scope): string[] {
    return mergeTags(scope.tags, splitPropertyList(findProperty(item.properties, "tags")?.value ?? ""), inlineTags(item.text));
  }

  private blockId(item: ItemNode): string | undefined {
    return findProperty(item.properties, "id")?.value || undefined;
  }

  private walkItem(item: ItemNode, scope: Scope, previous: Pending | undefined): { produced: boolean; card?: Pending } {
    if (isChoiceItem(item)) {
      this.handwrittenCard(choiceItemCard(item), scope);
      return { produced: true };
    }
    if (isEmptyItem(item)) return { produced: true };
    const tags = this.itemTags(item, scope);
    const text = this.clean(item.text);
    const itemScope = { ...scope, tags };

    if (item.heading) {
      const heading = plainLine(item.text, this.text, 120);
      this.walkSection([...item.body, ...item.children], heading ? underHeading(itemScope, heading) : itemScope, item.line);
      return { produced: true };
    }

    const childScope = underItem(itemScope, this.plain(item.text), tags);
    const walkChildren = () => {
      let before: Pending | undefined;
      for (const child of item.children) before = this.walkItem(child, childScope, before).card;
    };
    const blockId = this.blockId(item);
    const answer = renderItemContent(item, this.markdown);
    const descriptions = this.descriptions(item);
    const hasContent = answer !== "" || descriptions !== "";

    // One question, one card: a question's whole subtree is its answer, and its children are not
    // cards of their own.
    const asked = splitQuestion(text);
    if (asked && (asked.answer || hasContent)) {
      const card = this.add({
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

    if (isGenericLabel(this.plain(item.text)) && hasContent) {
      // "Example:" with code under it illustrates the card just before it.
      if (!previous) return { produced: false };
      previous.back = joinBlocks([previous.back, text, answer]);
      return { produced: true, card: previous };
    }

    const named = isQuestion(text) ? undefined : splitNameDescription(text);
    if (named) {
      const front = withContext(scope, askForName(named));
      const card = this.add({
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
      const card = this.add({
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
      const card = this.add({
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

  /** A `#card` block: front is its text, back its description, body and children. */
  private blockCard(item: ItemNode, text: string, scope: Scope, blockId: string | undefined): void {
    const history = logseqHistory(item.properties);
    if (hasCloze(text, this.clozeStyles)) {
      this.clozeCards(text, item.line, scope, blockId, history, renderItemContent(item, this.markdown));
      return;
    }
    const marker: CardMarker = cardMarkerIn(item.text) ?? "card";
    const back = joinBlocks([
      this.descriptions(item),
      renderItemContent(item, { ...this.markdown, titleOnly: (child) => isMarkedItem(child) }),
    ]);
    const made = this.addBothWays(
      {
        kind: "basic",
        front: text ? withContext(scope, text) : "",
        back,
        tags: scope.tags,
        line: item.line,
        deckPath: scope.deckPath,
        schedulable: true,
        ...(blockId ? { blockId } : {}),
      },
      marker === "reverse",
    );
    if (made && history) made.history = history;
  }

  /** One card per deletion group; `extra` (a block's children) shows with the answer. */
  private clozeCards(text: string, line: number, scope: Scope, blockId: string | undefined, history?: ReviewHistory, extra = ""): void {
    const { marked, groups } = normaliseCloze(text, this.clozeStyles);
    for (const group of groups) {
      const made = this.add({
        kind: "cloze",
        front: withContext(scope, frontForGroup(marked, group)),
        back: extra,
        tags: scope.tags,
        line,
        deckPath: scope.deckPath,
        identity: revealAll(marked),
        cloze: group,
        schedulable: true,
        ...(blockId ? { blockId } : {}),
      });
      if (made && history) made.history = history;
    }
  }

  /** Obsidian SR cards written inline in a paragraph or item; true when any was found. */
  private inlineCards(raw: string, line: number, scope: Scope, tags: string[]): boolean {
    const found = inlineCards(this.clean(raw), this.separators);
    for (const card of found) {
      this.add({
        kind: "basic",
        front: withContext(scope, card.front),
        back: card.back,
        tags: mergeTags(tags, inlineTags(raw)),
        line: line + card.lineOffset,
        deckPath: scope.deckPath,
        schedulable: true,
        ...(card.pair !== undefined ? { noteIdentity: card.pair } : {}),
      });
    }
    return found.length > 0;
  }

  private descriptions(item: ItemNode): string {
    return joinBlocks(item.properties.filter((p) => DESCRIPTION_KEYS.includes(p.key)).map((p) => cardText(p.value, this.text)));
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

function mapParagraph(node: NoteNode, change: (text: string) => string): NoteNode {
  return node.type === "paragraph" ? ({ ...node, text: change(node.text) } satisfies ParagraphNode) : node;
}

function visitItems(nodes: readonly NoteNode[], visit: (item: ItemNode) => void): void {
  for (const node of nodes) {
    if (node.type === "item") {
      visit(node);
      visitItems(node.children, visit);
    } else if (node.type === "heading") visitItems(node.children, visit);
  }
}

function remembered(cache: Map<string, string>, raw: string, compute: () => string): string {
  let text = cache.get(raw);
  if (text === undefined) {
    text = compute();
    cache.set(raw, text);
  }
  return text;
}

/** A block's words on one line, short enough to show in a list of skipped blocks. */
function oneLine(text: string, max = 80): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
