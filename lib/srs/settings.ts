// A learner's scheduler settings, with Anki's defaults, and the per-deck overrides merged over them.

import { default_w } from "ts-fsrs";
import { z } from "zod";
import { parseWith, type Parsed } from "./validation.ts";

/**
 * A (re)learning step as ts-fsrs reads it: a whole number of minutes, hours or days ("1m", "6h",
 * "1d"). A plain string so form values fit; the schema checks the shape.
 */
export type LearningStep = string;

const STEP_PATTERN = /^[1-9]\d{0,4}[mhd]$/;

const step = z.string().regex(STEP_PATTERN, { error: 'must be a whole number followed by m, h or d, like "1m", "6h" or "1d"' });

const steps = z.array(step).max(10, { error: "at most 10 steps" });

const desiredRetention = z
  .number({ error: "must be a number" })
  .min(0.7, { error: "must be between 0.70 and 0.99" })
  .max(0.99, { error: "must be between 0.70 and 0.99" });

const newPerDay = z
  .number({ error: "must be a number" })
  .int({ error: "must be a whole number" })
  .min(0, { error: "cannot be negative" })
  .max(9999, { error: "at most 9999" });

const reviewsPerDay = z
  .number({ error: "must be a number" })
  .int({ error: "must be a whole number" })
  .min(0, { error: "cannot be negative" })
  .max(99999, { error: "at most 99999" });

const maximumInterval = z
  .number({ error: "must be a number" })
  .int({ error: "must be a whole number of days" })
  .min(1, { error: "must be at least 1 day" })
  .max(36500, { error: "at most 36500 days (100 years)" });

/** FSRS-6 has 21 parameters; ts-fsrs clamps each one into its valid range before use. */
const parameters = z
  .array(z.number({ error: "must be a number" }).refine(Number.isFinite, { error: "must be finite" }))
  .length(21, { error: "FSRS-6 needs exactly 21 parameters" });

export const deckOverridesSchema = z.strictObject({
  desiredRetention: desiredRetention.optional(),
  newPerDay: newPerDay.optional(),
  reviewsPerDay: reviewsPerDay.optional(),
  learningSteps: steps.optional(),
  relearningSteps: steps.optional(),
});

export const DEFAULT_LEARNING_STEPS: readonly LearningStep[] = ["1m", "10m"];
export const DEFAULT_RELEARNING_STEPS: readonly LearningStep[] = ["10m"];

export const schedulerSettingsSchema = z.strictObject({
  desiredRetention: desiredRetention.default(0.9),
  newPerDay: newPerDay.default(20),
  reviewsPerDay: reviewsPerDay.default(200),
  learningSteps: steps.default(() => [...DEFAULT_LEARNING_STEPS]),
  relearningSteps: steps.default(() => [...DEFAULT_RELEARNING_STEPS]),
  maximumInterval: maximumInterval.default(36500),
  fuzz: z.boolean({ error: "must be true or false" }).default(true),
  /** Absent means ts-fsrs's FSRS-6 defaults; set by "Optimize my parameters". */
  parameters: parameters.optional(),
  /** Keyed by deck id. */
  decks: z.record(z.string().min(1), deckOverridesSchema).default(() => ({})),
});

export type DeckOverrides = z.output<typeof deckOverridesSchema>;
export type SchedulerSettings = z.output<typeof schedulerSettingsSchema>;
/** What a client may send: every field optional, defaults filled in by parsing. */
export type SchedulerSettingsInput = z.input<typeof schedulerSettingsSchema>;

/** The settings the scheduler needs for one card, after the deck's overrides are applied. */
export interface CardSettings {
  desiredRetention: number;
  learningSteps: readonly LearningStep[];
  relearningSteps: readonly LearningStep[];
  maximumInterval: number;
  fuzz: boolean;
  parameters?: readonly number[] | undefined;
}

export const DEFAULT_SETTINGS: SchedulerSettings = Object.freeze(schedulerSettingsSchema.parse({}));

export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

/** Validates stored or submitted settings; issues name the field, e.g. `decks.d1.newPerDay: cannot be negative`. */
export function parseSettings(input: unknown): Parsed<SchedulerSettings> {
  return parseWith(schedulerSettingsSchema, input ?? {});
}

/** The learner's settings with one deck's overrides merged over them. */
export function settingsForDeck(settings: SchedulerSettings, deckId: string): SchedulerSettings {
  const overrides = settings.decks[deckId];
  if (!overrides) return settings;
  return {
    ...settings,
    desiredRetention: overrides.desiredRetention ?? settings.desiredRetention,
    newPerDay: overrides.newPerDay ?? settings.newPerDay,
    reviewsPerDay: overrides.reviewsPerDay ?? settings.reviewsPerDay,
    learningSteps: overrides.learningSteps ?? settings.learningSteps,
    relearningSteps: overrides.relearningSteps ?? settings.relearningSteps,
  };
}
