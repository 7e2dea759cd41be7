// What every card rule writes into: the drafts made from one note so far, the blocks skipped and
// the notices, and the shared ways of making a card (a basic card, one both ways, a cloze, the
// inline `::` cards, a Logseq `#card` block). The rules themselves are in marked-rules.ts (notes
// whose author marked the cards) and plain-rules.ts (notes without markers); cards.ts walks a note
// and hands each section to one or the other.

import { frontForGroup, hasCloze, normaliseCloze, revealAll, type ClozeStyles } from "../inline/cloze.ts";
import { cardMarkerIn, inlineTags, mergeTags, type CardMarker } from "../inline/tags.ts";
import { cardText, oneLine, plainLine, type TextOptions } from "../inline/text.ts";
import { DEFAULT_SR_SETTINGS, type SrSettings } from "../input/plugin-settings.ts";
import { findProperty, splitPropertyList } from "../parse/properties.ts";
import type { HeadingNode, ItemNode, NoteNode, ParsedNote } from "../tree.ts";
import type { CardDraft, CardKind, ImportProblem, ReviewHistory, SkippedBlock } from "../types.ts";
import { logseqHistory, srHistory } from "./history.ts";
import { inlineCards, type InlineSeparators } from "./inline-cards.ts";
import { derivedKey, disambiguate, idKey } from "./keys.ts";
import { joinBlocks, renderItemContent, renderNodes, type MarkdownOptions } from "./markdown.ts";
import { underHeading, withContext, type Scope } from "./scope.ts";
import { isMarkedItem, surveySyntax, type NoteSyntax } from "./syntax.ts";

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

export interface Pending {
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

export class CardSink {
  readonly pending: Pending[] = [];
  readonly notices: ImportProblem[] = [];
  readonly skipped: SkippedBlock[] = [];
  readonly syntax: NoteSyntax;
  readonly clozeStyles: ClozeStyles;
  private readonly separators: InlineSeparators;
  readonly text: TextOptions;
  readonly markdown: MarkdownOptions;

  constructor(
    readonly note: ParsedNote,
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

  get explicit(): boolean {
    return this.syntax.explicit;
  }

  // An item's text is read by several rules and again in its parent's back: clean it once.
  private readonly cleaned = new Map<string, string>();
  private readonly plained = new Map<string, string>();

  clean(raw: string): string {
    return remembered(this.cleaned, raw, () => cardText(raw, this.text));
  }

  plain(raw: string): string {
    return remembered(this.plained, raw, () => plainLine(raw, this.text));
  }

  /** The drafts in document order with their keys, and what was skipped or worth telling. */
  result(): Extraction {
    this.attachSchedules();
    return { drafts: this.finish(), notices: [...this.note.notices, ...this.notices], skipped: this.skipped };
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

  add(card: Omit<Pending, "identity"> & { identity?: string }): Pending | undefined {
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
  addBothWays(card: Omit<Pending, "identity">, reverse: boolean): Pending | undefined {
    const made = this.add(reverse ? { ...card, noteIdentity: card.front } : card);
    if (made && reverse) this.add({ ...card, front: card.back, back: card.front, noteIdentity: made.front });
    return made;
  }

  itemTags(item: ItemNode, scope: Scope): string[] {
    return mergeTags(scope.tags, splitPropertyList(findProperty(item.properties, "tags")?.value ?? ""), inlineTags(item.text));
  }

  blockId(item: ItemNode): string | undefined {
    return findProperty(item.properties, "id")?.value || undefined;
  }

  /** A `#card` block: front is its text, back its description, body and children. */
  blockCard(item: ItemNode, text: string, scope: Scope, blockId: string | undefined): void {
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
  clozeCards(text: string, line: number, scope: Scope, blockId: string | undefined, history?: ReviewHistory, extra = ""): void {
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
  inlineCards(raw: string, line: number, scope: Scope, tags: string[]): boolean {
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

  descriptions(item: ItemNode): string {
    return joinBlocks(item.properties.filter((p) => DESCRIPTION_KEYS.includes(p.key)).map((p) => cardText(p.value, this.text)));
  }

  /**
   * A section as one answer: its content, then each subsection under its title. `ownCard` makes a
   * subsection a card of its own (a marked heading): then it shows here by title only.
   */
  renderSection(nodes: readonly NoteNode[], scope: Scope, ownCard?: (heading: HeadingNode, scope: Scope) => boolean): string {
    const blocks: string[] = [
      renderNodes(
        nodes.filter((n) => n.type !== "heading"),
        this.markdown,
      ),
    ];
    for (const node of nodes) {
      if (node.type !== "heading") continue;
      blocks.push(`**${this.clean(node.text)}**`);
      if (ownCard?.(node, scope)) continue;
      blocks.push(this.renderSection(node.children, underHeading(scope, plainLine(node.text, this.text, 120)), ownCard));
    }
    return joinBlocks(blocks);
  }
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
