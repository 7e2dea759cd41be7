// Action matching: service prefix and action name compare case-insensitively, with * and ?.

import { compileEncoded, encodeWildcards, type TextMatcher } from "./wildcard.ts";

/** A matcher for one Action/NotAction entry; it expects the request action already lower-cased. */
export function compileActionPattern(pattern: string): TextMatcher {
  return compileEncoded(encodeWildcards(pattern.toLowerCase()));
}

export function matchesAction(pattern: string, action: string): boolean {
  return compileActionPattern(pattern)(action.toLowerCase());
}
