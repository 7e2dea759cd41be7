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

/** A raise outlives its day only in storage; a day has few decks studied, so a few slots suffice. */
const MAX_RAISES = 50;

/**
 * One "study N more new cards today": for one deck (`deckId`) or for every deck (null), valid
 * until `until`, the end of the learner's day when it was asked for (an ISO instant).
 */
export const raisedNewSchema = z.strictObject({
  deckId: z.string().min(1).nullable(),
  extra: z.number().int({ error: "must be a whole number" }).min(1, { error: "must be at least 1" }).max(9999, { error: "at most 9999" }),
  until: z.iso.datetime({ error: "must be an ISO date and time" }),
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
  /** "Study N more today": extra new cards until the learner's day ends; see `settingsAt`. */
  raisedNew: z
    .array(raisedNewSchema)
    .max(MAX_RAISES, { error: `at most ${MAX_RAISES} raises` })
    .optional(),
});

export type DeckOverrides = z.output<typeof deckOverridesSchema>;
export type RaisedNew = z.output<typeof raisedNewSchema>;
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

const stillRaised = (raise: RaisedNew, now: Date) => now.getTime() < Date.parse(raise.until);

/**
 * The settings in force at `now`: each raise still running adds its extra new cards to the
 * learner's overall limit and to its deck's own limit when the deck has one (every deck's, for a
 * raise over all decks). Raises past their day are dropped, so a day's raise never outlives it.
 * Callers pass the result to `queueLimits`, on the server and on the device alike.
 */
export function settingsAt(settings: SchedulerSettings, now: Date): SchedulerSettings {
  const running = (settings.raisedNew ?? []).filter((raise) => stillRaised(raise, now));
  if (running.length === 0) return settings.raisedNew ? { ...settings, raisedNew: undefined } : settings;
  let newPerDay = settings.newPerDay;
  const decks = { ...settings.decks };
  for (const raise of running) {
    newPerDay += raise.extra;
    for (const [deckId, overrides] of Object.entries(decks)) {
      if (overrides.newPerDay === undefined || (raise.deckId !== null && raise.deckId !== deckId)) continue;
      decks[deckId] = { ...overrides, newPerDay: overrides.newPerDay + raise.extra };
    }
  }
  return { ...settings, newPerDay, decks, raisedNew: undefined };
}

/**
 * Adds a raise to the stored settings: raises past their day are dropped first, and a second raise
 * for the same deck on the same day adds to the first.
 */
export function withRaisedNew(settings: SchedulerSettings, raise: RaisedNew, now: Date): SchedulerSettings {
  const running = (settings.raisedNew ?? []).filter((r) => stillRaised(r, now));
  const same = running.find((r) => r.deckId === raise.deckId && r.until === raise.until);
  const raisedNew = same
    ? running.map((r) => (r === same ? { ...r, extra: Math.min(9999, r.extra + raise.extra) } : r))
    : [...running, raise].slice(-MAX_RAISES);
  return { ...settings, raisedNew };
}
