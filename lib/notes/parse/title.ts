// A note's title is the first part of every deck path. Explicit metadata wins; a note built around
// a single level-1 heading is titled by it; otherwise the file name is the title, the way
// Logseq and Obsidian name pages.

import type { HeadingNode, NoteNode, Property } from "../tree.ts";
import { findProperty } from "./properties.ts";

export interface NoteTitle {
  title: string;
  heading?: HeadingNode;
}

export function chooseTitle(path: string, properties: readonly Property[], nodes: readonly NoteNode[]): NoteTitle {
  const explicit = findProperty(properties, "title")?.value.trim();
  if (explicit) return { title: explicit };
  const heading = soleTopHeading(nodes);
  if (heading && heading.text) return { title: heading.text, heading };
  return { title: titleFromPath(path) };
}

function soleTopHeading(nodes: readonly NoteNode[]): HeadingNode | undefined {
  // Only when the heading opens the note and no other heading sits at its level or above.
  const first = nodes[0];
  if (!first || first.type !== "heading") return undefined;
  if (first.level !== 1) return undefined;
  const topLevel = nodes.filter((n): n is HeadingNode => n.type === "heading");
  if (topLevel.length !== 1) return undefined;
  return first;
}

export function titleFromPath(path: string): string {
  const parts = path.split("/");
  // A folder's README is that folder's note: "02-IAM/README.md" is about 02-IAM.
  if (parts.length > 1 && /^readme\.(?:md|markdown|txt)$/i.test(parts[parts.length - 1]!)) return parts[parts.length - 2]!;
  const base = parts.pop() ?? path;
  const stem = base.replace(/\.[^.]+$/, "");
  // Logseq file names encode namespaces: `aws___iam.md` (current) and `aws%2Fiam.md` (older).
  let name = stem.replace(/___/g, "/");
  if (/%[0-9A-Fa-f]{2}/.test(name)) {
    try {
      name = decodeURIComponent(name);
    } catch {
      // A stray % is just part of the name.
    }
  }
  return name || base;
}
