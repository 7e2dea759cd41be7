// Resource matching: case-sensitive, with * and ? matching any characters, "/" and ":" included.

import { compileEncoded, encodeWildcards, matchEncoded, type TextMatcher } from "./wildcard.ts";

export function compileResourcePattern(pattern: string): TextMatcher {
  return compileEncoded(encodeWildcards(pattern));
}

export function matchesResource(pattern: string, resource: string): boolean {
  return matchEncoded(encodeWildcards(pattern), resource);
}
