// The card rules (docs/importing.md): walks a parsed note section by section and turns blocks into
// card drafts. A note written with card markers of any supported syntax (Logseq `#card`, Obsidian
// SR `::` / `?` / `#flashcards`, the Flashcards plugin's `#card` headings, Anki clozes) has chosen
// its cards, and marked-rules.ts makes exactly those. Any other note is read by plain-rules.ts: the
// hand-written question forms, then the tightened guessing rules. Both write into a CardSink.

import { cardMarkerIn } from "../inline/tags.ts";
import { plainLine } from "../inline/text.ts";
import { splitPropertyList } from "../parse/properties.ts";
import type { NoteNode, ParsedNote } from "../tree.ts";
import type { CardDraft } from "../types.ts";
import { CardSink, type ExtractOptions, type Extraction } from "./card-sink.ts";
import { isNumberingHeading } from "./handwritten.ts";
import { MarkedRules } from "./marked-rules.ts";
import { isQuestion, isQuestionLike } from "./patterns.ts";
import { PlainRules } from "./plain-rules.ts";
import { underHeading, type Scope } from "./scope.ts";

export type { ExtractOptions, Extraction } from "./card-sink.ts";

export function extractNote(note: ParsedNote, options: ExtractOptions = {}): Extraction {
  return new NoteWalk(note, options).run();
}

export function extractCards(note: ParsedNote, options: ExtractOptions = {}): CardDraft[] {
  return extractNote(note, options).drafts;
}

class NoteWalk {
  private readonly sink: CardSink;
  private readonly marked: MarkedRules;
  private readonly plain: PlainRules;

  constructor(
    private readonly note: ParsedNote,
    options: ExtractOptions,
  ) {
    this.sink = new CardSink(note, options);
    this.marked = new MarkedRules(this.sink);
    this.plain = new PlainRules(this.sink, (nodes, scope, line) => this.walkSection(nodes, scope, line));
  }

  run(): Extraction {
    const note = this.note;
    const pageTags = splitPropertyList(
      note.properties
        .filter((p) => p.key === "tags" || p.key === "tag")
        .map((p) => p.value)
        .join(","),
    );
    const deck = this.sink.syntax.deck;
    const root: Scope = { deckPath: deck ? [...deck] : [note.title], ancestors: [], tags: pageTags };
    if (note.titleHeading && !cardMarkerIn(note.titleHeading.text)) {
      // The title heading's section is the note itself: its subheadings are top-level decks.
      const scope = { ...root, heading: note.title };
      const before = note.nodes.filter((n) => n !== note.titleHeading);
      this.walkSection([...before, ...note.titleHeading.children], scope, note.titleHeading.line, true);
    } else {
      this.walkSection(note.nodes, root, undefined, true);
    }
    return this.sink.result();
  }

  private walkSection(nodes: readonly NoteNode[], scope: Scope, headingLine: number | undefined, root = false): void {
    const explicit = this.sink.explicit;
    const asks = scope.heading !== undefined && (isQuestionLike(scope.heading) || isNumberingHeading(scope.heading));
    if (!explicit && !root && headingLine !== undefined && asks) {
      this.plain.questionSection(nodes, scope, headingLine);
      return;
    }
    if (explicit) this.marked.walkSection(nodes, scope);
    else this.plain.walkSection(nodes, scope, root ? undefined : headingLine);
    for (const node of nodes) {
      if (node.type !== "heading") continue;
      if (explicit && this.marked.isMarkedHeading(node)) {
        this.marked.headingCard(node, scope);
        continue;
      }
      const heading = this.headingName(node.text);
      if (heading) this.walkSection(node.children, underHeading(scope, heading), node.line);
      else this.walkSection(node.children, scope, node.line);
    }
  }

  /** Headings name decks; a question heading is kept whole, since it may be a card's front. */
  private headingName(raw: string): string {
    const full = plainLine(raw, this.sink.text, 1000);
    if (isQuestion(full) || full.length <= 120) return full;
    return `${full.slice(0, 119).trimEnd()}…`;
  }
}
