import type { z } from "zod";

/** One validation problem, with the field it concerns written as a JSON path (`reviewLogs[3].rating`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      // Card keys and deck ids can hold dots or dashes; brackets keep the path unambiguous.
      if (PLAIN_KEY.test(key)) out += out === "" ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out === "" ? "(root)" : out;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    return { path, message: `${path}: ${issue.message}` };
  });
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: fieldIssues(result.error) };
}
