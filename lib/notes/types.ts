// The shapes that flow out of lib/notes: what a parsed note is, and the card drafts it yields.
// lib/db turns drafts into Card rows; nothing here knows about the database.

export interface NoteFile {
  /** Path relative to the import root, with forward slashes; it is part of every card's key. */
  path: string;
  text: string;
}

export interface SourceRef {
  file: string;
  /** 1-based line of the block the card was made from. */
  line: number;
}

/** "scenario" cards hold a scenario document; their faces are computed by lib/scenarios when shown. */
export type CardKind = "basic" | "cloze" | "scenario";

export interface CardDraft {
  /** Stable identity across re-imports: from a Logseq `id::` when present, else derived from the
   * file path, the deck path and the card's front text (never from its line number). */
  key: string;
  kind: CardKind;
  /** Deck path from the file title and headings, e.g. ["AWS STS", "STS with MFA"]. */
  deckPath: string[];
  /** Markdown. For cloze cards the text with `{{c1::...}}` markers. */
  front: string;
  /** Markdown; empty for cloze cards (the back is the front revealed). */
  back: string;
  tags: string[];
  source: SourceRef;
  /** Cards that come from one block share it, so review can keep siblings apart. */
  noteKey: string;
}

export interface ImportProblem {
  file: string;
  line?: number;
  message: string;
}
