"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/index.ts";
import { saveDeckOverrides, saveGeneralSettings } from "@/lib/db/index.ts";
import { formatJsonPath, type FieldIssue } from "@/lib/errors/index.ts";
import { DECK_FIELDS, GENERAL_FIELDS, type DeckOverridesState, type GeneralSettingsState } from "@/components/settings/settings-types.ts";
import { fieldErrors, numberText, optional, stepsText, text } from "./form-input.ts";

const GeneralForm = z.object({
  desiredRetention: numberText,
  newPerDay: numberText,
  reviewsPerDay: numberText,
  learningSteps: stepsText,
  relearningSteps: stepsText,
  maximumInterval: numberText,
  fuzz: z.boolean(),
  timeZone: z.string().trim().min(1, { error: "required" }).max(100, { error: "too long" }),
});

const DeckForm = z.object({
  deckId: z.string().min(1, { error: "Choose a deck." }).max(64),
  desiredRetention: optional(numberText),
  newPerDay: optional(numberText),
  reviewsPerDay: optional(numberText),
  learningSteps: optional(stepsText),
  relearningSteps: optional(stepsText),
});

/** Issues no field claims still reach the learner, as one message above the form. */
function leftover(issues: FieldIssue[], claimed: object): string | undefined {
  return Object.keys(claimed).length === 0 && issues.length > 0 ? issues.map((i) => i.message).join("; ") : undefined;
}

export async function saveSettingsAction(_previous: GeneralSettingsState, formData: FormData): Promise<GeneralSettingsState> {
  const user = await requireUser("/settings");
  const values = Object.fromEntries(GENERAL_FIELDS.map((f) => [f, text(formData.get(f))]));
  const parsed = GeneralForm.safeParse({ ...values, fuzz: formData.get("fuzz") === "on" });
  if (!parsed.success) return { values, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { timeZone, ...general } = parsed.data;
  const saved = await saveGeneralSettings(user, general, timeZone);
  if (!saved.ok) {
    const errors = fieldErrors(saved.issues, GENERAL_FIELDS);
    return { values, fieldErrors: errors, formError: leftover(saved.issues, errors) };
  }
  revalidatePath("/settings");
  revalidatePath("/stats");
  return { values, fieldErrors: {}, savedAt: Date.now() };
}

export async function saveDeckOverridesAction(_previous: DeckOverridesState, formData: FormData): Promise<DeckOverridesState> {
  const user = await requireUser("/settings");
  const values = Object.fromEntries(["deckId", ...DECK_FIELDS].map((f) => [f, text(formData.get(f))]));
  const deckId = values.deckId ?? "";
  const clear = formData.get("intent") === "clear";
  // Clearing ignores whatever half-typed values the fields hold.
  const parsed = clear ? DeckForm.pick({ deckId: true }).safeParse(values) : DeckForm.safeParse(values);
  if (!parsed.success) return { deckId, values, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { deckId: id, ...overrides } = parsed.data;
  const saved = await saveDeckOverrides(user, id, clear ? null : overrides);
  if (!saved.ok && "notFound" in saved)
    return { deckId, values, fieldErrors: { deckId: ["There is no such deck in your library or the starter decks."] } };
  if (!saved.ok) {
    const errors = fieldErrors(saved.issues, DECK_FIELDS, formatJsonPath(["decks", id], "(root)"));
    return { deckId, values, fieldErrors: errors, formError: leftover(saved.issues, errors) };
  }
  revalidatePath("/settings");
  return { deckId, values: clear ? { deckId } : values, fieldErrors: {}, savedAt: Date.now() };
}
