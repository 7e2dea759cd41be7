// Nests the flat block list under headings: a heading owns what follows it up to the next heading
// of the same or a higher level, which is how both readers and deck paths see a document.

import type { HeadingNode, NoteNode } from "../tree.ts";

export function nestSections(flat: readonly NoteNode[]): NoteNode[] {
  const root: NoteNode[] = [];
  const open: HeadingNode[] = [];
  for (const node of flat) {
    if (node.type === "heading") {
      while (open.length > 0 && open[open.length - 1]!.level >= node.level) open.pop();
    }
    const parent = open[open.length - 1];
    (parent ? parent.children : root).push(node);
    if (node.type === "heading") open.push(node);
  }
  return root;
}
