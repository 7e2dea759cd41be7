// Resource matching: case-sensitive, with * and ? matching any characters, "/" and ":" included.

import { encodeWildcards, matchEncoded } from "./wildcard.ts";

export function matchesResource(pattern: string, resource: string): boolean {
  return matchEncoded(encodeWildcards(pattern), resource);
}
