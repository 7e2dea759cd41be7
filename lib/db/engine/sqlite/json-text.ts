// SQLite keeps a Json column's value as JSON text (in a JSONB-declared column, as Prisma writes
// it), and a raw read hands over that text: parsed here, so the engine's raw reads give the same
// values as Prisma's reads and PostgreSQL's (whose pg driver parses jsonb itself).

/** The value of a Json column's text; undefined for no row or text that is not JSON. */
export function parseJsonText(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
