// Turns lines into blocks: headings, outline items (markdown lists and Logseq blocks), paragraphs,
// fenced code and separators. Headings are emitted flat here; sections.ts nests them.
//
// Nesting is by column and deliberately lenient: an item is the child of the nearest open item
// that starts left of it, whatever the exact indent width, because real notes mix tabs, two and
// four spaces (one seed indents a whole section, headings included, by two spaces).

import type { ImportProblem } from "../types.ts";
import type { ItemNode, NoteNode, ParagraphNode, Property } from "../tree.ts";
import { readFence } from "./fences.ts";
import { indentColumns, isBlank, isRule, matchFenceOpen, matchHeading, matchListItem } from "./lines.ts";
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

export function parseBlocks(lines: readonly string[], start: number, path: string): BlockParse {
  const nodes: NoteNode[] = [];
  const properties: Property[] = [];
  const notices: ImportProblem[] = [];
  const stack: OpenItem[] = [];
  // Where a following non-blank line continues: an item's own text or an open paragraph.
  let openText: { append: (line: string) => void } | undefined;
  let lastBlank = true;

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

    const fence = matchFenceOpen(line);
    if (fence) {
      closeItemsFrom(col);
      const read = readFence(lines, i, col, fence);
      if (!read.node.closed) notices.push(unclosedFence(path, lineNumber));
      const item = owner();
      if (item) item.body.push(read.node);
      else nodes.push(read.node);
      i = read.lastIndex;
      openText = undefined;
      continue;
    }

    if (isRule(line)) {
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
        if (!read.node.closed) notices.push(unclosedFence(path, lineNumber));
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
    if (!wasBlank && openText) {
      // A line right after text continues it, whatever its indentation (markdown's lazy lines).
      openText.append(text);
      continue;
    }
    closeItemsFrom(col);
    const paragraph: ParagraphNode = { type: "paragraph", text, line: lineNumber };
    const item = owner();
    if (item) item.body.push(paragraph);
    else nodes.push(paragraph);
    openText = { append: (l) => (paragraph.text = `${paragraph.text}\n${l}`) };
  }
  return { nodes, properties, notices };
}

function unclosedFence(path: string, line: number): ImportProblem {
  return { file: path, line, message: "code block is never closed (missing ```); it ends where its block ends" };
}
