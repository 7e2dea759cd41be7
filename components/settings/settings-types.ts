// What the settings forms send back from their server actions.

export const GENERAL_FIELDS = [
  "desiredRetention",
  "newPerDay",
  "reviewsPerDay",
  "learningSteps",
  "relearningSteps",
  "maximumInterval",
  "fuzz",
  "timeZone",
] as const;
export type GeneralField = (typeof GENERAL_FIELDS)[number];

export const DECK_FIELDS = ["desiredRetention", "newPerDay", "reviewsPerDay", "learningSteps", "relearningSteps"] as const;
export type DeckField = (typeof DECK_FIELDS)[number];

export interface FormState<F extends string> {
  /** The text the learner typed, given back so a refused form keeps it. */
  values: Partial<Record<F, string>>;
  fieldErrors: Partial<Record<F, string[]>>;
  formError?: string;
  /** Set after a save that went through. */
  savedAt?: number;
}

export type GeneralSettingsState = FormState<GeneralField>;
export type DeckOverridesState = FormState<DeckField | "deckId"> & { deckId?: string };
