// Writes parsed blocks back out as card-face markdown: outline children become a nested list,
// code keeps its fence and language, property lines are already gone (the parser lifted them).

import { cardText, type TextOptions } from "../inline/text.ts";
import type { CodeNode, ItemNode, NoteNode, ParagraphNode } from "../tree.ts";

export interface MarkdownOptions extends TextOptions {
  /** The caller's (memoised) text cleaner; defaults to cardText with these options. */
  clean?: (raw: string) => string;
  /** Items listed by title only; their subtree is another card's answer (nested `#card` blocks). */
  titleOnly?: (item: ItemNode) => boolean;
}

export function codeFence(node: CodeNode): string {
  // A fence longer than any backtick run inside keeps embedded ``` from closing the block early.
  const longest = Math.max(2, ...[...node.code.matchAll(/^\s*(`{3,})/gm)].map((m) => m[1]!.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${node.lang}\n${node.code}\n${fence}`;
}

function cleanText(raw: string, options: MarkdownOptions): string {
  return options.clean ? options.clean(raw) : cardText(raw, options);
}

function paragraphText(node: ParagraphNode, options: MarkdownOptions): string {
  return cleanText(node.text, options);
}

export function isEmptyItem(item: ItemNode): boolean {
  return item.text.trim() === "" && item.body.length === 0 && item.children.every(isEmptyItem);
}

function indentLines(text: string, indent: string): string[] {
  return text.split("\n").map((line) => (line === "" ? "" : indent + line));
}

function bodyBlocks(body: ItemNode["body"], options: MarkdownOptions): string[] {
  return body
    .map((node) => (node.type === "code" ? codeFence(node) : node.type === "rule" ? "---" : paragraphText(node, options)))
    .filter((block) => block.trim() !== "");
}

function itemLines(item: ItemNode, indent: string, options: MarkdownOptions): string[] {
  if (isEmptyItem(item)) return [];
  // The author's own numbers: a list that starts at 3, or counts 1, 2, 4, reads as written.
  const marker = item.ordered ? item.marker : "-";
  const inner = indent + " ".repeat(marker.length + 1);
  const text = cleanText(item.text, options);
  const short = options.titleOnly?.(item) ?? false;
  const blocks = [...(text ? [text] : []), ...(short ? [] : bodyBlocks(item.body, options))];
  if (blocks.length === 0 && (short || item.children.length === 0)) return [];
  const lines: string[] = [];
  if (blocks.length === 0) lines.push(`${indent}${marker}`);
  blocks.forEach((block, i) => {
    const blockLines = block.split("\n");
    if (i === 0) {
      lines.push(`${indent}${marker} ${blockLines[0]}`);
      for (const line of blockLines.slice(1)) lines.push(line === "" ? "" : inner + line);
    } else {
      lines.push("", ...indentLines(block, inner));
    }
  });
  if (!short) lines.push(...listLines(item.children, inner, options));
  return lines;
}

function listLines(items: readonly ItemNode[], indent: string, options: MarkdownOptions): string[] {
  const lines: string[] = [];
  for (const item of items) lines.push(...itemLines(item, indent, options));
  return lines;
}

export function renderItems(items: readonly ItemNode[], options: MarkdownOptions = {}): string {
  return listLines(items, "", options).join("\n");
}

/** Body blocks then children, as one markdown answer. */
export function renderItemContent(item: ItemNode, options: MarkdownOptions = {}): string {
  return joinBlocks([...bodyBlocks(item.body, options), renderItems(item.children, options)]);
}

/** A run of sibling nodes (a section's leftovers, a Q&A answer); consecutive items form one list. */
export function renderNodes(nodes: readonly NoteNode[], options: MarkdownOptions = {}): string {
  const blocks: string[] = [];
  let run: ItemNode[] = [];
  const flush = () => {
    if (run.length > 0) blocks.push(renderItems(run, options));
    run = [];
  };
  for (const node of nodes) {
    if (node.type === "item") {
      run.push(node);
      continue;
    }
    flush();
    if (node.type === "paragraph") blocks.push(paragraphText(node, options));
    else if (node.type === "code") blocks.push(codeFence(node));
    else if (node.type === "heading") blocks.push(`**${cleanText(node.text, options)}**`);
  }
  flush();
  return joinBlocks(blocks);
}

export function joinBlocks(blocks: readonly string[]): string {
  return blocks
    .map((b) => b.trim())
    .filter((b) => b !== "")
    .join("\n\n");
}
