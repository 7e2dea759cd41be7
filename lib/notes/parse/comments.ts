// Comments never reach a card: HTML `<!-- -->` and Obsidian's `%% %%`. Obsidian's Spaced
// Repetition plugin keeps its schedule in `<!--SR:!2024-03-05,12,250-->` after each card and wraps
// a card in a comment to retire it; the schedules are kept (with their line) so the card they
// follow can carry its review history. Obsidian block ids (`^1661987725427` ending a line or alone
// on one) are anchors for links, not text, and go too. Inside fenced code all of these are code.

import { isFenceClose, matchFenceOpen } from "./lines.ts";

export interface SrSchedule {
  /** 1-based line the comment sat on. */
  line: number;
  /** One entry per card of the block (two for `:::`/`??`, one per cloze deletion), in order. */
  entries: Array<{ due: string; interval: number; ease: number }>;
}

export interface CommentsRemoved {
  lines: string[];
  schedules: SrSchedule[];
  /** Line of a `<!--` that never closes (everything after it is hidden, as a browser would). */
  unclosedAt?: number;
}

const BLOCK_ID = /(?:^|\s)\^[A-Za-z0-9-]+\s*$/;
const SR_ENTRY = /!?(\d{4}-\d{2}-\d{2}),(\d+),(\d+)/g;

export function removeComments(input: readonly string[]): CommentsRemoved {
  const lines = [...input];
  const schedules: SrSchedule[] = [];
  let fence: string | undefined;
  let inComment = false;
  let comment = "";
  let commentLine = 0;
  let closer = "-->";
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i]!;
    if (!inComment) {
      if (fence) {
        if (isFenceClose(line, fence)) fence = undefined;
        continue;
      }
      const open = matchFenceOpen(line.replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/, ""));
      if (open && !line.includes("<!--")) {
        fence = open.fence;
        continue;
      }
      if (!line.includes("<!--") && !line.includes("%%") && !line.includes("^")) continue;
    }
    let out = "";
    let rest = line;
    while (rest.length > 0) {
      if (inComment) {
        const close = rest.indexOf(closer);
        if (close < 0) {
          comment += `${rest}\n`;
          rest = "";
          break;
        }
        comment += rest.slice(0, close);
        rest = rest.slice(close + closer.length);
        inComment = false;
        const schedule = readSchedule(comment, commentLine);
        if (schedule) schedules.push(schedule);
        comment = "";
        continue;
      }
      const html = rest.indexOf("<!--");
      const obsidian = rest.indexOf("%%");
      if (html < 0 && obsidian < 0) {
        out += rest;
        break;
      }
      const isHtml = html >= 0 && (obsidian < 0 || html < obsidian);
      const open = isHtml ? html : obsidian;
      closer = isHtml ? "-->" : "%%";
      out += rest.slice(0, open);
      rest = rest.slice(open + (isHtml ? 4 : 2));
      inComment = true;
      commentLine = i + 1;
    }
    line = out.replace(BLOCK_ID, "").trimEnd();
    lines[i] = line.trim() === "" ? "" : line;
  }
  return inComment ? { lines, schedules, unclosedAt: commentLine } : { lines, schedules };
}

function readSchedule(comment: string, line: number): SrSchedule | undefined {
  if (!comment.startsWith("SR:")) return undefined;
  const entries = [...comment.matchAll(SR_ENTRY)].map((m) => ({ due: m[1]!, interval: Number(m[2]), ease: Number(m[3]) }));
  return entries.length > 0 ? { line, entries } : undefined;
}
