/** Only paths inside this app are followed after sign-in; anything else would be an open redirect. */
export function safeReturnPath(value: unknown, fallback = "/decks"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
