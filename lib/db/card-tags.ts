// A card's tags as the Card.tags Json column holds them: an array of strings. Reads are lenient
// (anything else counts as no tags), so a damaged row is rewritten by the next import of its note
// instead of failing the import or the export that meets it.

/** The tags in a Card.tags value, as Prisma or a raw read gives it. */
export function cardTags(stored: unknown): string[] {
  return Array.isArray(stored) ? stored.filter((tag): tag is string => typeof tag === "string") : [];
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}
