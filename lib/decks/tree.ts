// Decks as a tree, built from their paths ("AWS IAM › Policies › Conditions"): a path's parents
// need not be decks themselves, so a node may hold no deck and only stand for its children; and a
// learner's deck may have a starter deck's path, so a node may hold two.

import { DECK_SEPARATOR } from "../notes/index.ts";

const PATH_SEPARATOR = DECK_SEPARATOR;

export interface DeckNode<T> {
  /** The last segment of the path. */
  name: string;
  path: string;
  /** The decks at exactly this path: usually one, none for a parent that only groups, two when an import repeats a starter deck's path. */
  decks: T[];
  children: DeckNode<T>[];
}

/** Nodes in path order; `decks` may come in any order. */
export function deckTree<T extends { path: string }>(decks: readonly T[], separator = PATH_SEPARATOR): DeckNode<T>[] {
  const roots: DeckNode<T>[] = [];
  const byPath = new Map<string, DeckNode<T>>();
  const nodeAt = (segments: string[]): DeckNode<T> => {
    const path = segments.join(separator);
    let node = byPath.get(path);
    if (!node) {
      node = { name: segments.at(-1)!, path, decks: [], children: [] };
      byPath.set(path, node);
      (segments.length === 1 ? roots : nodeAt(segments.slice(0, -1)).children).push(node);
    }
    return node;
  };
  for (const deck of [...decks].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    nodeAt(deck.path.split(separator)).decks.push(deck);
  }
  return roots;
}

/** Every deck at or under a node, the node's own first. */
export function decksUnder<T>(node: DeckNode<T>): T[] {
  return [...node.decks, ...node.children.flatMap((child) => decksUnder(child))];
}

/** The paths that lie under `path` in a tree of paths (its sub-decks), not `path` itself. */
export function isUnder(path: string, parent: string, separator = PATH_SEPARATOR): boolean {
  return path.startsWith(parent + separator);
}

export interface SummedNode<T, S> extends DeckNode<T> {
  /** Over the node's own deck and every deck under it. */
  sum: S;
  children: SummedNode<T, S>[];
}

/** The tree with each node's decks rolled up by `sum`. */
export function summedTree<T, S>(nodes: readonly DeckNode<T>[], sum: (decks: T[]) => S): SummedNode<T, S>[] {
  return nodes.map((node) => ({ ...node, sum: sum(decksUnder(node)), children: summedTree(node.children, sum) }));
}
