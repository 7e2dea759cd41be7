// The schema of a learner's scheduler settings: what may be stored or submitted, with Anki's
// defaults filled in by parsing. The settings' logic is in settings.ts, which the review screen
// imports without this file (the device reads settings the server's day already checked).
// zod/mini: the device checks the day's settings when it fetches them, and zod's method-chaining
// API cannot be tree-shaken out of a bundle.
import * as z from "zod/mini";
import { ANKI_DEFAULTS, MAX_RAISES } from "./settings.ts";
import { parseWith, type Parsed } from "./validation.ts";

const STEP_PATTERN = /^[1-9]\d{0,4}[mhd]$/;

const step = z.string().check(z.regex(STEP_PATTERN, { error: 'must be a whole number followed by m, h or d, like "1m", "6h" or "1d"' }));

const steps = z.array(step).check(z.maxLength(10, { error: "at most 10 steps" }));

const desiredRetention = z
  .number({ error: "must be a number" })
  .check(z.gte(0.7, { error: "must be between 0.70 and 0.99" }), z.lte(0.99, { error: "must be between 0.70 and 0.99" }));

/** A whole number from `min` to `max`, with the messages a learner reads when it is not one. */
const wholeNumber = (min: number, max: number, messages: { min: string; max: string; whole?: string }) =>
  z
    .number({ error: "must be a number" })
    .check(
      z.int({ error: messages.whole ?? "must be a whole number" }),
      z.gte(min, { error: messages.min }),
      z.lte(max, { error: messages.max }),
    );

const newPerDay = wholeNumber(0, 9999, { min: "cannot be negative", max: "at most 9999" });
const reviewsPerDay = wholeNumber(0, 99999, { min: "cannot be negative", max: "at most 99999" });
const maximumInterval = wholeNumber(1, 36500, {
  min: "must be at least 1 day",
  max: "at most 36500 days (100 years)",
  whole: "must be a whole number of days",
});

/** FSRS-6 has 21 parameters; ts-fsrs clamps each one into its valid range before use. */
const parameters = z
  .array(z.number({ error: "must be a number" }).check(z.refine(Number.isFinite, { error: "must be finite" })))
  .check(z.length(21, { error: "FSRS-6 needs exactly 21 parameters" }));

export const deckOverridesSchema = z.strictObject({
  desiredRetention: z.optional(desiredRetention),
  newPerDay: z.optional(newPerDay),
  reviewsPerDay: z.optional(reviewsPerDay),
  learningSteps: z.optional(steps),
  relearningSteps: z.optional(steps),
});

/**
 * One "study N more new cards today": for one deck (`deckId`) or for every deck (null), valid
 * until `until`, the end of the learner's day when it was asked for (an ISO instant).
 */
export const raisedNewSchema = z.strictObject({
  deckId: z.nullable(z.string().check(z.minLength(1))),
  extra: wholeNumber(1, 9999, { min: "must be at least 1", max: "at most 9999" }),
  until: z.iso.datetime({ error: "must be an ISO date and time" }),
});

export const schedulerSettingsSchema = z.strictObject({
  desiredRetention: z._default(desiredRetention, ANKI_DEFAULTS.desiredRetention),
  newPerDay: z._default(newPerDay, ANKI_DEFAULTS.newPerDay),
  reviewsPerDay: z._default(reviewsPerDay, ANKI_DEFAULTS.reviewsPerDay),
  learningSteps: z._default(steps, () => [...ANKI_DEFAULTS.learningSteps]),
  relearningSteps: z._default(steps, () => [...ANKI_DEFAULTS.relearningSteps]),
  maximumInterval: z._default(maximumInterval, ANKI_DEFAULTS.maximumInterval),
  fuzz: z._default(z.boolean({ error: "must be true or false" }), ANKI_DEFAULTS.fuzz),
  /** Absent means ts-fsrs's FSRS-6 defaults; set by "Optimize my parameters". */
  parameters: z.optional(parameters),
  /** Keyed by deck id. */
  decks: z._default(z.record(z.string().check(z.minLength(1)), deckOverridesSchema), () => ({})),
  /** "Study N more today": extra new cards until the learner's day ends; see `settingsAt`. */
  raisedNew: z.optional(z.array(raisedNewSchema).check(z.maxLength(MAX_RAISES, { error: `at most ${MAX_RAISES} raises` }))),
});

export type DeckOverrides = z.output<typeof deckOverridesSchema>;
export type RaisedNew = z.output<typeof raisedNewSchema>;
export type SchedulerSettings = z.output<typeof schedulerSettingsSchema>;
/** What a client may send: every field optional, defaults filled in by parsing. */
export type SchedulerSettingsInput = z.input<typeof schedulerSettingsSchema>;

/** Validates stored or submitted settings; issues name the field, e.g. `decks.d1.newPerDay: cannot be negative`. */
export function parseSettings(input: unknown): Parsed<SchedulerSettings> {
  return parseWith(schedulerSettingsSchema, input ?? {});
}
