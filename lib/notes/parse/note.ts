// parseNote: text -> tree. Reads page-level metadata first (YAML front matter, then leading
// Logseq `key:: value` lines), then the blocks, then nests them under headings.

import type { NoteFile } from "../types.ts";
import type { ParsedNote, Property } from "../tree.ts";
import { parseBlocks } from "./blocks.ts";
import type { MultilineSeparators } from "./flashcards.ts";
import { removeComments } from "./comments.ts";
import { readFrontMatter } from "./front-matter.ts";
import { isBlank } from "./lines.ts";
import { matchProperty } from "./properties.ts";
import { nestSections } from "./sections.ts";
import { chooseTitle } from "./title.ts";

export interface ParseOptions {
  /** The vault's Obsidian SR multi-line separators (`?` and `??` unless its settings say otherwise). */
  multiline?: MultilineSeparators;
}

export function parseNote(file: NoteFile, options: ParseOptions = {}): ParsedNote {
  const text = file.text.replace(/^\uFEFF/, "");
  const raw = text.split(/\r\n|\r|\n/);
  // Most notes hold no comment or block id: skip the pass that looks for them.
  const hidden = text.includes("<!--") || text.includes("%%") || text.includes("^");
  const { lines, schedules, unclosedAt } = hidden ? removeComments(raw) : { lines: raw, schedules: [], unclosedAt: undefined };
  const properties: Property[] = [];
  let start = 0;

  const frontMatter = readFrontMatter(lines);
  if (frontMatter) {
    properties.push(...frontMatter.properties);
    start = frontMatter.lineCount;
  }
  while (start < lines.length && isBlank(lines[start]!)) start += 1;
  for (; start < lines.length; start += 1) {
    const line = lines[start]!;
    if (/^[ \t]/.test(line)) break;
    const property = matchProperty(line, start + 1);
    if (!property) break;
    properties.push(property);
  }

  const blocks = parseBlocks(lines, start, file.path, options.multiline);
  properties.push(...blocks.properties);
  const nodes = nestSections(blocks.nodes);
  const title = chooseTitle(file.path, properties, nodes);
  return {
    path: file.path,
    title: title.title,
    ...(title.heading ? { titleHeading: title.heading } : {}),
    properties,
    nodes,
    notices: unclosedAt
      ? [
          { file: file.path, line: unclosedAt, message: "an HTML comment (<!--) is never closed; the rest of the note is hidden by it" },
          ...blocks.notices,
        ]
      : blocks.notices,
    schedules,
  };
}
