// Parsing with a zod schema into a result a caller can branch on; the issues are spelled by
// lib/errors, the same way for settings, backups and every other document.
import type { z } from "zod";
import { fieldIssues, type FieldIssue } from "../errors/index.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: fieldIssues(result.error) };
}
