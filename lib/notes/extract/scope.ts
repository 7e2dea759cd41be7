// Where a block sits: its deck path, the headings and parent items a learner needs to read its
// front out of context, and the tags it inherits (page tags, then enclosing blocks' tags, the way
// Logseq's path-refs work).

export interface Scope {
  /** Title then headings; the `--deck` prefix is added later and is not part of keys. */
  deckPath: string[];
  heading?: string;
  parentHeading?: string;
  /** Plain texts of the enclosing outline items, outermost first. */
  ancestors: string[];
  tags: string[];
}

export function underHeading(scope: Scope, heading: string): Scope {
  return {
    deckPath: [...scope.deckPath, heading],
    heading,
    ...(scope.heading ? { parentHeading: scope.heading } : {}),
    ancestors: [],
    tags: scope.tags,
  };
}

export function underItem(scope: Scope, itemText: string, tags: string[]): Scope {
  return { ...scope, ancestors: itemText ? [...scope.ancestors, itemText] : scope.ancestors, tags };
}

/**
 * Prefixes a front with the nearest heading and up to two parent items ("IAM › To test policies ›
 * ..."), leaving out any part the front already names, so "Il permet de gérer" becomes answerable.
 */
export function withContext(scope: Scope, front: string): string {
  const folded = front.toLowerCase();
  const parts = [scope.heading, ...scope.ancestors.slice(-2)].filter((p): p is string => !!p && !folded.includes(p.toLowerCase()));
  return parts.length > 0 ? `${parts.join(" › ")} › ${front}` : front;
}
