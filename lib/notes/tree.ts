// The parsed form of a note: what the card rules walk over. Line numbers are 1-based and point at
// the first line of each block in the original text, so every card can say where it came from.

import type { SrSchedule } from "./parse/comments.ts";
import type { ImportProblem } from "./types.ts";

export interface Property {
  key: string;
  value: string;
  line: number;
}

export interface HeadingNode {
  type: "heading";
  level: number;
  text: string;
  line: number;
  /** Everything up to the next heading of the same or a higher level. */
  children: NoteNode[];
}

export interface ParagraphNode {
  type: "paragraph";
  text: string;
  line: number;
}

export interface CodeNode {
  type: "code";
  /** The fence's info word as written ("" when the fence has none). */
  lang: string;
  code: string;
  line: number;
  /** False when the file ended (or the block dedented) before a closing fence. */
  closed: boolean;
}

/** A `---` / `***` separator; Q&A sections use it between questions. */
export interface RuleNode {
  type: "rule";
  line: number;
}

/** One outline block: a markdown list item or a Logseq `- ` block. */
export interface ItemNode {
  type: "item";
  line: number;
  /** "-", "*", "+", or an ordered marker such as "1." as written. */
  marker: string;
  ordered: boolean;
  /** The block's own text (first line plus its continuation lines), property lines removed. */
  text: string;
  /** Set for Logseq heading blocks such as `- #### IAM Identities`. */
  heading?: number;
  properties: Property[];
  /** Content inside the block after its text: further paragraphs, fenced code, and `---` lines
   * indented inside the block (Logseq keeps them in the block). */
  body: Array<ParagraphNode | CodeNode | RuleNode>;
  children: ItemNode[];
}

/**
 * An Obsidian Spaced Repetition multi-line card: front lines, a line holding only `?` (or `??`
 * for a card both ways), back lines, read as raw text because both sides may hold lists and code.
 */
export interface FlashcardNode {
  type: "flashcard";
  line: number;
  front: string;
  back: string;
  reversed: boolean;
  /** Last line of the back, so a schedule comment right after it belongs to this card. */
  endLine: number;
}

export type NoteNode = HeadingNode | ParagraphNode | CodeNode | RuleNode | ItemNode | FlashcardNode;

export interface ParsedNote {
  path: string;
  title: string;
  /** The sole top-level heading when it served as the title; its section is the note's root. */
  titleHeading?: HeadingNode;
  /** Page-level properties: YAML front matter, leading Logseq `key:: value` lines. */
  properties: Property[];
  nodes: NoteNode[];
  /** Things worth telling the author that do not stop the import (an unclosed code fence...). */
  notices: ImportProblem[];
  /** Obsidian SR schedules found in comments, by line; the extractor hands each to its card. */
  schedules: SrSchedule[];
}
