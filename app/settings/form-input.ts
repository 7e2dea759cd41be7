// Turns the settings forms' text into settings values, and validation issues back into per-field
// messages. The ranges themselves are checked once, by lib/srs's settings schema.
import { z } from "zod";
import type { FieldIssue } from "@/lib/errors/index.ts";

/** A number typed into a text field; NaN is refused here so the range checks see numbers only. */
export const numberText = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .transform(Number)
  .pipe(z.number({ error: "must be a number" }));

/** Steps typed as "1m 10m" (spaces or commas between them); blank means no steps. */
export const stepsText = z
  .string()
  .max(200, { error: "too long" })
  .transform((text) => text.split(/[\s,]+/).filter(Boolean));

/** Empty means "not set here" (a deck then uses the learner's own setting). */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** `learningSteps[1]: must be …` becomes, under learningSteps, `Step 2: must be …`. */
export function fieldErrors<F extends string>(issues: FieldIssue[], fields: readonly F[], prefix = ""): Partial<Record<F, string[]>> {
  const out: Partial<Record<F, string[]>> = {};
  for (const issue of issues) {
    const path = (issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path).replace(/^\./, "");
    const match = /^([A-Za-z]+)(?:\[(\d+)\])?/.exec(path);
    const field = fields.find((f) => f === match?.[1]);
    const text = issue.message.slice(issue.path.length + 2);
    const message = match?.[2] !== undefined ? `Step ${Number(match[2]) + 1}: ${text}` : text;
    if (field) (out[field] ??= []).push(message);
  }
  return out;
}

export const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");
