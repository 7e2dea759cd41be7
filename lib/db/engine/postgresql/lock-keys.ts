// The text an advisory lock of this app is named by, hashed by the server to its one 64-bit key.
// One-key locks never meet the two-key locks the bulk import takes (bulk-import.ts): PostgreSQL
// keeps the two forms apart. The kind keeps a learner's restore from blocking their review.
export function lockKey(kind: string, key: string): string {
  return `iam-recall:${kind}:${key}`;
}
