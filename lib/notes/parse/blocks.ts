// Turns lines into blocks: headings, outline items (markdown lists and Logseq blocks), paragraphs,
// fenced code and separators. Headings are emitted flat here; sections.ts nests them.
//
// Nesting is by column and deliberately lenient: an item is the child of the nearest open item
// that starts left of it, whatever the exact indent width, because real notes mix tabs, two and
// four spaces (one seed indents a whole section, headings included, by two spaces).

import type { ImportProblem } from "../types.ts";
import type { ItemNode, NoteNode, ParagraphNode, Property } from "../tree.ts";
import { readFence } from "./fences.ts";
import { findFlashcardSpans, type MultilineSeparators } from "./flashcards.ts";
import { dedent, indentColumns, isBlank, isRule, matchFenceOpen, matchHeading, matchListItem } from "./lines.ts";
import { matchProperty } from "./properties.ts";

export interface BlockParse {
  nodes: NoteNode[];
  /** Property lines that belong to no block (page-level metadata). */
  properties: Property[];
  notices: ImportProblem[];
}

interface OpenItem {
  node: ItemNode;
  markerCol: number;
}

export function parseBlocks(lines: readonly string[], start: number, path: string, separators?: MultilineSeparators): BlockParse {
  const nodes: NoteNode[] = [];
  const properties: Property[] = [];
  const notices: ImportProblem[] = [];
  const stack: OpenItem[] = [];
  // Where a following non-blank line continues: an item's own text or an open paragraph.
  let openText: { append: (line: string) => void } | undefined;
  // The last top-level paragraph while it is one line long: a `===` or `---` under it makes it a
  // setext heading.
  let setextCandidate: ParagraphNode | undefined;
  let lastBlank = true;
  // Whether the open text is a blockquote, whose `>` lines continue it.
  let openQuote = false;
  const { spans: flashcards, orphans } = findFlashcardSpans(lines, start, separators);
  for (const orphan of orphans) {
    notices.push({
      file: path,
      line: orphan + 1,
      message: `"${lines[orphan]!.trim()}" alone on a line separates a card's front from its back, but nothing touches it on one side; no card made`,
    });
  }
  let nextFlashcard = 0;

  const closeItemsFrom = (col: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.markerCol >= col) stack.pop();
  };
  const owner = (): ItemNode | undefined => stack[stack.length - 1]?.node;

  for (let i = start; i < lines.length; i += 1) {
    const line = lines[i]!;
    const lineNumber = i + 1;
    if (isBlank(line)) {
      openText = undefined;
      lastBlank = true;
      continue;
    }
    const col = indentColumns(line);
    const wasBlank = lastBlank;
    lastBlank = false;
    const candidate = wasBlank ? undefined : setextCandidate;
    setextCandidate = undefined;

    const flashcard = flashcards[nextFlashcard];
    if (flashcard && flashcard.start === i) {
      nextFlashcard += 1;
      stack.length = 0;
      openText = undefined;
      const side = (from: number, to: number) => sideText(lines.slice(from, to));
      nodes.push({
        type: "flashcard",
        line: lineNumber,
        front: side(flashcard.start, flashcard.separator),
        back: side(flashcard.separator + 1, flashcard.end + 1),
        reversed: flashcard.reversed,
        endLine: flashcard.end + 1,
      });
      i = flashcard.end;
      continue;
    }

    if (candidate && !candidate.text.includes("\n") && /^[ \t]{0,3}(?:=+|-{2,})[ \t]*$/.test(line)) {
      // Setext heading: `Title` over `===` (level 1) or `---` (level 2).
      nodes.splice(nodes.indexOf(candidate), 1, {
        type: "heading",
        level: line.includes("=") ? 1 : 2,
        text: candidate.text,
        line: candidate.line,
        children: [],
      });
      openText = undefined;
      continue;
    }

    const fence = matchFenceOpen(line);
    if (fence) {
      closeItemsFrom(col);
      const read = readFence(lines, i, col, fence);
      if (!read.node.closed) notices.push(unclosedFence(path, lineNumber, line));
      const item = owner();
      if (item) item.body.push(read.node);
      else nodes.push(read.node);
      i = read.lastIndex;
      openText = undefined;
      continue;
    }

    if (isRule(line)) {
      const inside = owner();
      if (inside && col > stack[stack.length - 1]!.markerCol) {
        // Indented under a block's first line, Logseq keeps a `---` line in the block.
        inside.body.push({ type: "rule", line: lineNumber });
        openText = undefined;
        continue;
      }
      stack.length = 0;
      openText = undefined;
      nodes.push({ type: "rule", line: lineNumber });
      continue;
    }

    const heading = matchHeading(line);
    if (heading) {
      stack.length = 0;
      openText = undefined;
      nodes.push({ type: "heading", level: heading.level, text: heading.text, line: lineNumber, children: [] });
      continue;
    }

    const marker = matchListItem(line);
    if (marker) {
      closeItemsFrom(marker.markerCol);
      const item: ItemNode = {
        type: "item",
        line: lineNumber,
        marker: marker.marker,
        ordered: marker.ordered,
        text: "",
        properties: [],
        body: [],
        children: [],
      };
      const parent = owner();
      if (parent) parent.children.push(item);
      else nodes.push(item);
      stack.push({ node: item, markerCol: marker.markerCol });
      openText = undefined;

      const inlineFence = matchFenceOpen(marker.text);
      const firstProperty = matchProperty(marker.text, lineNumber);
      const inlineHeading = matchHeading(marker.text);
      if (inlineFence) {
        // Logseq writes `- ```bash` for a block that is only code.
        const read = readFence(lines, i, marker.contentCol, inlineFence);
        if (!read.node.closed) notices.push(unclosedFence(path, lineNumber, line));
        item.body.push(read.node);
        i = read.lastIndex;
        continue;
      }
      if (firstProperty) item.properties.push(firstProperty);
      else if (inlineHeading) {
        item.heading = inlineHeading.level;
        item.text = inlineHeading.text;
      } else item.text = marker.text;
      openText = { append: (l) => (item.text = item.text ? `${item.text}\n${l}` : l) };
      openQuote = false;
      continue;
    }

    const property = matchProperty(line, lineNumber);
    if (property) {
      // Properties sit right under their block's first line; a dedented one closes deeper blocks.
      closeItemsFrom(col);
      const item = owner();
      if (item) item.properties.push(property);
      else properties.push(property);
      continue;
    }

    const text = line.trim();
    // A blockquote (or Obsidian callout) line starts a block of its own, as in CommonMark.
    const opensQuote = text.startsWith(">") && !openQuote;
    if (!wasBlank && openText && !opensQuote) {
      // A line right after text continues it, whatever its indentation (markdown's lazy lines).
      openText.append(text);
      continue;
    }
    closeItemsFrom(col);
    const paragraph: ParagraphNode = { type: "paragraph", text, line: lineNumber };
    openQuote = text.startsWith(">");
    const item = owner();
    if (item) item.body.push(paragraph);
    else {
      nodes.push(paragraph);
      if (!isAnswerLine(text)) setextCandidate = paragraph;
    }
    openText = { append: (l) => (paragraph.text = `${paragraph.text}\n${l}`) };
  }
  return { nodes, properties, notices };
}

/** `**Ans** ...` over a `---` closes a Q&A pair (a separator), it is not a heading. */
function isAnswerLine(text: string): boolean {
  return /^(?:\*\*|__)?\s*(?:ans(?:wer)?|a|r[ée]ponse)\b/i.test(text);
}

/** A side of a multi-line card, its common indentation removed. */
function sideText(lines: readonly string[]): string {
  const indent = Math.min(...lines.filter((l) => !isBlank(l)).map(indentColumns));
  return lines
    .map((l) => dedent(l, indent).trimEnd())
    .join("\n")
    .trim();
}

function unclosedFence(path: string, line: number, text: string): ImportProblem {
  const opening = text
    .trim()
    .replace(/^[-*+]\s+/, "")
    .slice(0, 40);
  return {
    file: path,
    line,
    message: `the code block opened by "${opening}" is never closed (missing \`\`\`); it ends where its block ends`,
  };
}
