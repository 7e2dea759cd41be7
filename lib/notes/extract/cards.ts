// The card rules (docs/importing.md): walks a parsed note section by section and turns blocks into
// card drafts. Order of precedence for an outline item:
//   #card block > cloze > inline `front::back` > "Example:" item (joins the previous card) >
//   "Name - description" > "situation => outcome" > item with children.
// Prose in a section yields Q&A pairs; whatever a section leaves unused becomes one "key points"
// card so no note content is silently dropped. A note that uses #card anywhere is taken to
// choose its cards explicitly: then only #card blocks, clozes, inline cards and Q&A count.

import { hasCloze, frontForGroup, normaliseCloze, revealAll } from "../inline/cloze.ts";
import { hasCardMarker, inlineTags, mergeTags } from "../inline/tags.ts";
import { cardText, plainLine, type TextOptions } from "../inline/text.ts";
import { findProperty, splitPropertyList } from "../parse/properties.ts";
import type { ItemNode, NoteNode, ParagraphNode, ParsedNote } from "../tree.ts";
import type { CardDraft, CardKind, ImportProblem, SkippedBlock } from "../types.ts";
import { derivedKey, disambiguate, idKey } from "./keys.ts";
import { isEmptyItem, joinBlocks, renderItemContent, renderNodes, type MarkdownOptions } from "./markdown.ts";
import { askForName, isGenericLabel, isQuestion, splitArrow, splitNameDescription } from "./patterns.ts";
import { findQaPairs, stripAnswerMarker, stripQuestionMarker, type QaPair } from "./qa.ts";
import { underHeading, underItem, withContext, type Scope } from "./scope.ts";
import { inlineCards } from "./inline-cards.ts";

export interface ExtractOptions {
  /** A deck to put every card under (prefixed to the note's own deck path). */
  deck?: string;
  /** Resolves Logseq `((block refs))` across a whole import; the note's own blocks are always known. */
  resolveBlockRef?: (id: string) => string | undefined;
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
  blockId?: string;
  cloze?: number;
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
  private readonly explicit: boolean;
  private readonly text: TextOptions;
  private readonly markdown: MarkdownOptions;

  constructor(
    private readonly note: ParsedNote,
    private readonly options: ExtractOptions,
  ) {
    const ownBlocks = new Map<string, string>();
    let explicit = false;
    visitItems(note.nodes, (item) => {
      const id = findProperty(item.properties, "id")?.value;
      if (id) ownBlocks.set(id.toLowerCase(), item.text);
      if (hasCardMarker(item.text)) explicit = true;
    });
    this.explicit = explicit;
    this.text = {
      resolveBlockRef: (id) => ownBlocks.get(id) ?? options.resolveBlockRef?.(id),
    };
    this.markdown = { ...this.text, clean: (raw) => this.clean(raw) };
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
    const root: Scope = { deckPath: [note.title], ancestors: [], tags: pageTags };
    if (note.titleHeading) {
      // The title heading's section is the note itself: its subheadings are top-level decks.
      const scope = { ...root, heading: note.title };
      const before = note.nodes.filter((n) => n !== note.titleHeading);
      this.walkSection([...before, ...note.titleHeading.children], scope, note.titleHeading.line);
    } else {
      this.walkSection(note.nodes, root, undefined);
    }
    return { drafts: this.finish(), notices: [...note.notices, ...this.notices], skipped: this.skipped };
  }

  private finish(): CardDraft[] {
    const prefix = this.options.deck?.trim() ? [this.options.deck.trim()] : [];
    // Document order, so `~2` suffixes and previews follow the note as written.
    const ordered = [...this.pending].sort((a, b) => a.line - b.line);
    const drafts = ordered.map((p): CardDraft => {
      const base = p.blockId ? idKey(p.blockId) : derivedKey(this.note.path, p.deckPath, p.identity);
      const key = p.cloze === undefined ? base : `${base}#c${p.cloze}`;
      return {
        key,
        kind: p.kind,
        deckPath: [...prefix, ...p.deckPath],
        front: p.front,
        back: p.kind === "cloze" ? "" : p.back,
        tags: p.tags,
        source: { file: this.note.path, line: p.line },
        noteKey: base,
      };
    });
    return disambiguate(drafts);
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

  // ---- sections -------------------------------------------------------------------------------

  private walkSection(nodes: readonly NoteNode[], scope: Scope, headingLine: number | undefined): void {
    const content = nodes.filter((n) => n.type !== "heading");
    const { pairs, rest } = findQaPairs(content);
    for (const pair of pairs) this.qaCard(pair, scope);

    const leftovers: NoteNode[] = [];
    let previous: Pending | undefined;
    for (const node of rest) {
      if (node.type === "item") {
        const result = this.walkItem(node, scope, previous);
        previous = result.card;
        if (!result.produced) leftovers.push(node);
      } else if (node.type === "paragraph") {
        previous = undefined;
        if (!this.inlineCards(node.text, node.line, scope, scope.tags)) leftovers.push(node);
      } else if (node.type === "code") {
        leftovers.push(node);
      } else {
        previous = undefined;
      }
    }
    if (!this.explicit) this.sectionCard(leftovers, scope, headingLine);

    for (const node of nodes) {
      if (node.type !== "heading") continue;
      const heading = plainLine(node.text, this.text, 120);
      if (heading) this.walkSection(node.children, underHeading(scope, heading), node.line);
      else this.walkSection(node.children, scope, node.line);
    }
  }

  /** What a section says outside any other card, asked as "What are the key points about X?". */
  private sectionCard(leftovers: readonly NoteNode[], scope: Scope, headingLine: number | undefined): void {
    if (!leftovers.some((n) => n.type === "paragraph" || n.type === "item" || n.type === "code")) return;
    const back = renderNodes(leftovers, this.markdown);
    if (!back) return;
    const topic = scope.heading ?? this.note.title;
    const question = isQuestion(topic) ? topic : `What are the key points about ${topic}?`;
    const front = scope.parentHeading ? `${scope.parentHeading} › ${question}` : question;
    this.add({
      kind: "basic",
      front,
      back,
      tags: scope.tags,
      line: headingLine ?? leftovers[0]!.line,
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

  // ---- outline items --------------------------------------------------------------------------

  private walkItem(item: ItemNode, scope: Scope, previous: Pending | undefined): { produced: boolean; card?: Pending } {
    if (isEmptyItem(item)) return { produced: true };
    const tags = mergeTags(scope.tags, splitPropertyList(findProperty(item.properties, "tags")?.value ?? ""), inlineTags(item.text));
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
    const blockId = findProperty(item.properties, "id")?.value || undefined;

    if (hasCardMarker(item.text)) {
      const card = this.blockCard(item, text, itemScope, blockId);
      walkChildren();
      return { produced: true, ...(card ? { card } : {}) };
    }
    if (hasCloze(text)) {
      this.clozeCards(text, item.line, itemScope, blockId);
      walkChildren();
      return { produced: true };
    }
    if (this.inlineCards(item.text, item.line, itemScope, tags)) {
      walkChildren();
      return { produced: true };
    }
    if (this.explicit) {
      walkChildren();
      return { produced: true };
    }

    const answer = renderItemContent(item, this.markdown);
    const descriptions = this.descriptions(item);
    const hasContent = answer !== "" || descriptions !== "";

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
      walkChildren();
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
  private blockCard(item: ItemNode, text: string, scope: Scope, blockId: string | undefined): Pending | undefined {
    if (hasCloze(text)) {
      this.clozeCards(text, item.line, scope, blockId);
      return undefined;
    }
    const back = joinBlocks([
      this.descriptions(item),
      renderItemContent(item, { ...this.markdown, titleOnly: (child) => hasCardMarker(child.text) }),
    ]);
    return this.add({
      kind: "basic",
      front: text ? withContext(scope, text) : "",
      back,
      tags: scope.tags,
      line: item.line,
      deckPath: scope.deckPath,
      ...(blockId ? { blockId } : {}),
    });
  }

  private clozeCards(text: string, line: number, scope: Scope, blockId: string | undefined): void {
    const { marked, groups } = normaliseCloze(text);
    for (const group of groups) {
      this.add({
        kind: "cloze",
        front: withContext(scope, frontForGroup(marked, group)),
        back: "",
        tags: scope.tags,
        line,
        deckPath: scope.deckPath,
        identity: revealAll(marked),
        cloze: group,
        ...(blockId ? { blockId } : {}),
      });
    }
  }

  /** Obsidian SR cards written inline in a paragraph or item; true when any was found. */
  private inlineCards(raw: string, line: number, scope: Scope, tags: string[]): boolean {
    if (!raw.includes("::") && !raw.includes("{{") && !raw.includes("==") && !raw.includes("\n?")) return false;
    const text = this.clean(raw);
    if (hasCloze(text)) {
      this.clozeCards(text, line, scope, undefined);
      return true;
    }
    const found = inlineCards(text);
    for (const card of found) {
      this.add({
        kind: "basic",
        front: withContext(scope, card.front),
        back: card.back,
        tags: mergeTags(tags, inlineTags(raw)),
        line: line + card.lineOffset,
        deckPath: scope.deckPath,
      });
    }
    return found.length > 0;
  }

  private descriptions(item: ItemNode): string {
    return joinBlocks(item.properties.filter((p) => DESCRIPTION_KEYS.includes(p.key)).map((p) => cardText(p.value, this.text)));
  }
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
