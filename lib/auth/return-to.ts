/**
 * Where to send someone after sign-in. Checking characters is not enough: browsers and the URL
 * parser drop tabs and newlines and read "\" as "/", so "/\t/evil.example" becomes "//evil.example".
 * Resolving the value the way the browser will, against a stand-in origin, and keeping it only when
 * the origin is unchanged leaves nothing for a crafted value to slip through.
 */
const OWN_ORIGIN = "http://iam-recall.invalid";

export function safeReturnPath(value: unknown, fallback = "/decks"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== OWN_ORIGIN) return fallback;
  // The serialised form is percent-encoded, so no control character can reach a Location header.
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
