// Glob matching for actions, resources, StringLike and ArnLike. Patterns are first encoded so that
// wildcards are private-use characters: then a literal "*" (from the ${*} escape or from a variable's
// value) can never be mistaken for a wildcard, and one matcher serves every caller.

export const ANY = "\uE000";
export const ONE = "\uE001";

/** Encodes raw policy text, where "*" and "?" are wildcards. */
export function encodeWildcards(raw: string): string {
  if (raw.indexOf("*") < 0 && raw.indexOf("?") < 0) return raw;
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    out += c === "*" ? ANY : c === "?" ? ONE : c;
  }
  return out;
}

/** Matches an encoded pattern against text; backtracks only to the most recent ANY. */
export function matchEncoded(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  const pl = pattern.length;
  const tl = text.length;
  while (t < tl) {
    if (p < pl) {
      const c = pattern.charCodeAt(p);
      if (c === 0xe000) {
        starP = p++;
        starT = t;
        continue;
      }
      if (c === 0xe001 || c === text.charCodeAt(t)) {
        p++;
        t++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP + 1;
    t = ++starT;
  }
  while (p < pl && pattern.charCodeAt(p) === 0xe000) p++;
  return p === pl;
}

export type TextMatcher = (text: string) => boolean;

const always: TextMatcher = () => true;

/** Picks the cheapest test for an encoded pattern: equality, prefix, suffix, or the full matcher. */
export function compileEncoded(pattern: string): TextMatcher {
  const anyCount = pattern.split(ANY).length - 1;
  const hasOne = pattern.indexOf(ONE) >= 0;
  if (!hasOne) {
    if (anyCount === 0) return (text) => text === pattern;
    if (anyCount === pattern.length) return always;
    if (anyCount === 1 && pattern.endsWith(ANY)) {
      const prefix = pattern.slice(0, -1);
      return (text) => text.startsWith(prefix);
    }
    if (anyCount === 1 && pattern.startsWith(ANY)) {
      const suffix = pattern.slice(1);
      return (text) => text.endsWith(suffix);
    }
  }
  return (text) => matchEncoded(pattern, text);
}
