// Errors that are nobody's fault and pass: the database busy with another writer, or out of reach
// for a moment. Nothing was written, and the same request can simply be sent again. A library
// between the thrower and the route (Prisma wraps what its driver adapter throws) keeps only the
// code, so routes find their answer from the code, with these words.

export const PASSING_ERROR_MESSAGES = {
  database_busy: "The database is busy with another change, so nothing was saved. Try again in a moment.",
  database_unavailable: "The database cannot be reached right now, so nothing was saved. Try again in a moment.",
} as const;

export type PassingCode = keyof typeof PASSING_ERROR_MESSAGES;

/** The passing code an error carries, itself or wrapped, or null for any other error. */
export function passingCodeOf(error: unknown): PassingCode | null {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && Object.hasOwn(PASSING_ERROR_MESSAGES, code) ? (code as PassingCode) : null;
}
