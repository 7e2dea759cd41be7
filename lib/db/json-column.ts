// The Json columns (settings, tags, quiz papers and answers, a replay's base, an optimizer result)
// hold values, not text: jsonb on PostgreSQL, JSON text in a JSONB-declared column on SQLite
// (docs/postgresql.md, "JSON columns"). Writes go through `jsonColumn`, reads through `storedJson`.
import type { z } from "zod";
import type { Prisma } from "./generated/client.ts";

/** What a Json column takes on a write. */
export type JsonColumnValue = Prisma.InputJsonValue;

/**
 * A value for a Json column. Prisma's input type asks for an index signature, which the app's
 * interfaces (Paper, SchedulerSettings) lack although they hold nothing but JSON data; the cast is
 * made here once. Never pass JSON text: a string is stored as a JSON string, not parsed.
 */
export function jsonColumn(value: object): JsonColumnValue {
  return value as JsonColumnValue;
}

/**
 * A Json column's value checked against the shape the app wrote. Rows are written by this code
 * alone, so a mismatch means a damaged row: it fails with the column named rather than half-working.
 */
export function storedJson<Schema extends z.ZodType>(schema: Schema, value: unknown, column: string): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  throw new Error(`${column} holds JSON of an unexpected shape${where}: ${issue?.message ?? "invalid"}`);
}
