// "Did you mean": the closest name by edit distance (fastest-levenshtein), if it is close enough to
// be a typo rather than a different word.

import { distance } from "fastest-levenshtein";

/** The candidate nearest to `typed` (case-insensitive), or undefined when none is within reach. */
export function closest(typed: string, candidates: Iterable<string>): string | undefined {
  const lower = typed.toLowerCase();
  // One edit per four characters, at least one and at most three: "GetObjekt" -> "GetObject".
  const reach = Math.min(3, Math.max(1, Math.floor(lower.length / 4)));
  let best: string | undefined;
  let bestDistance = reach + 1;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
