// YAML front matter as Obsidian writes it. Only the subset notes use is read: scalar `key: value`
// pairs, inline lists `[a, b]` and block lists (`- a`). Values become page properties so `tags`
// and `title` work the same as their Logseq `key::` counterparts.

import type { Property } from "../tree.ts";

export interface FrontMatter {
  properties: Property[];
  /** Number of lines the front matter occupies, fences included. */
  lineCount: number;
}

export function readFrontMatter(lines: readonly string[]): FrontMatter | undefined {
  if (lines[0]?.trim() !== "---") return undefined;
  let end = -1;
  for (let i = 1; i < Math.min(lines.length, 500); i += 1) {
    const t = lines[i]!.trim();
    if (t === "---" || t === "...") {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;

  const properties: Property[] = [];
  let listKey: { key: string; line: number; items: string[] } | undefined;
  const flush = () => {
    if (listKey) properties.push({ key: listKey.key, value: listKey.items.join(", "), line: listKey.line });
    listKey = undefined;
  };
  for (let i = 1; i < end; i += 1) {
    const line = lines[i]!;
    const item = /^[ \t]+-[ \t]+(.*)$/.exec(line) ?? /^-[ \t]+(.*)$/.exec(line);
    if (item && listKey) {
      listKey.items.push(unquote(item[1]!.trim()));
      continue;
    }
    const pair = /^([A-Za-z][\w\-.]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!pair) continue;
    flush();
    const key = pair[1]!.toLowerCase();
    const raw = pair[2]!.trim();
    if (raw === "") {
      listKey = { key, line: i + 1, items: [] };
    } else if (raw.startsWith("[") && raw.endsWith("]")) {
      const items = raw
        .slice(1, -1)
        .split(",")
        .map((s) => unquote(s.trim()))
        .filter(Boolean);
      properties.push({ key, value: items.join(", "), line: i + 1 });
    } else {
      properties.push({ key, value: unquote(raw), line: i + 1 });
    }
  }
  flush();
  return { properties, lineCount: end + 1 };
}

function unquote(s: string): string {
  const m = /^(["'])(.*)\1$/.exec(s);
  return m ? m[2]! : s;
}
