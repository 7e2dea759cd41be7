// Prisma keeps a DateTime on SQLite as ISO-8601 text with "+00:00" for the zone. The raw reads and
// writes beside Prisma use the same spelling, so each side reads the other's rows as its own, and
// dates compare correctly as text.

export function toStoredDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

export function fromStoredDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** A value as a statement binds it: dates in Prisma's text form, booleans as 0/1 (SQLite has no boolean). */
export function toStoredValue<T>(value: T): Exclude<T, Date | boolean> | string | number {
  if (value instanceof Date) return toStoredDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value as Exclude<T, Date | boolean>;
}
