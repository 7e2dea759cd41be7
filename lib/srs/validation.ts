// Parsing with a zod schema into a result a caller can branch on; the issues are spelled by
// lib/errors, the same way for settings, backups and every other document.
import * as z from "zod/mini";
import { fieldIssues, type FieldIssue } from "../errors/index.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Takes zod and zod/mini schemas alike (the review screen's are zod/mini, to keep its bundle small). */
export function parseWith<S extends z.core.$ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = z.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: fieldIssues(result.error) };
}
