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
  /** Markdown. For cloze cards (whose answer is the front revealed) an extra shown with the
   * answer, such as a Logseq cloze block's children; usually empty. */
  back: string;
  tags: string[];
  source: SourceRef;
  /** Cards that come from one block share it, so review can keep siblings apart. */
  noteKey: string;
  /** The review history the note itself carries for this card (Logseq `card-*` properties,
   * Obsidian SR `<!--SR:...-->` comments); absent for a card never reviewed elsewhere. */
  history?: ReviewHistory;
}

/**
 * Scheduling written into a note by the tool the learner used before. Both tools schedule with
 * SM-2 (an interval in days and an ease factor); lib/srs derives an FSRS state from it
 * (docs/scheduling.md). Dates are as written in the note (ISO 8601 or YYYY-MM-DD).
 */
export type ReviewHistory =
  | {
      source: "logseq";
      /** `card-last-interval::`, days. */
      interval?: number;
      /** `card-repeats::`, reviews so far. */
      repeats?: number;
      /** `card-ease-factor::`, e.g. 2.5. */
      ease?: number;
      /** `card-next-schedule::`, when Logseq would show the card next. */
      due?: string;
      /** `card-last-reviewed::`. */
      lastReviewed?: string;
      /** `card-last-score::`, Logseq's 1 (forgotten), 3 (remembered) or 5 (easy). */
      lastScore?: number;
    }
  | {
      source: "obsidian-sr";
      /** The date in `<!--SR:!2024-03-05,12,250-->`: when the plugin would show the card next. */
      due: string;
      /** Days, the second number. */
      interval: number;
      /** The plugin's ease in percent (250 = 2.5), the third number. */
      ease: number;
    };

/**
 * A block that looked like a card but was not made into one, shown to the learner in the preview
 * and by the CLI's --dry-run so nothing is dropped silently.
 */
export interface SkippedBlock {
  file: string;
  line: number;
  /** The block's own words, shortened to one line, so the learner can find it. */
  text: string;
  /** Why no card was made, in a sentence ("a #card block with nothing under it"). */
  reason: string;
}

export interface ImportProblem {
  file: string;
  line?: number;
  message: string;
}
