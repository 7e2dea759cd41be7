// `key:: value` lines (Logseq block and page properties, Obsidian Dataview fields). They are
// metadata: the parser lifts them out of the text so they never reach a card face.

import type { Property } from "../tree.ts";

// A key is a single word; "What is X::answer" (spaces in the left side) is a card, not a property.
const PROPERTY_LINE = /^[ \t]*([A-Za-z][\w\-.]*)::(?:[ \t]+(.*))?$/;

export function matchProperty(line: string, lineNumber: number): Property | undefined {
  const m = PROPERTY_LINE.exec(line);
  if (!m) return undefined;
  return { key: m[1]!.toLowerCase(), value: (m[2] ?? "").trim(), line: lineNumber };
}

export function findProperty(properties: readonly Property[], key: string): Property | undefined {
  return properties.find((p) => p.key === key);
}

/** Splits a list-valued property (`tags:: AWS, [[AWS SIC]], #iam`) into clean names. */
export function splitPropertyList(value: string): string[] {
  const names: string[] = [];
  if (!value) return names;
  for (const raw of value.split(",")) {
    const name = raw
      .trim()
      .replace(/^#/, "")
      .replace(/^\[\[(.*)\]\]$/, "$1")
      .replace(/^"(.*)"$/, "$1")
      .trim();
    if (name) names.push(name);
  }
  return names;
}
