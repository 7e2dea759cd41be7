// Prisma reports a write that breaks a unique index as P2002 on every engine it supports, so this
// one check serves each data-access function that treats a duplicate as an answer, not a failure.

/** True when Prisma refused a write because a unique index already holds the value. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
