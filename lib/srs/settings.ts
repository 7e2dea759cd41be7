// A learner's scheduler settings, with Anki's defaults, and the per-deck overrides merged over them.
// Their schema (what may be stored or submitted) is in settings-schema.ts.

import { default_w } from "ts-fsrs";
import type { RaisedNew, SchedulerSettings } from "./settings-schema.ts";

export type { DeckOverrides, RaisedNew, SchedulerSettings, SchedulerSettingsInput } from "./settings-schema.ts";

/**
 * A (re)learning step as ts-fsrs reads it: a whole number of minutes, hours or days ("1m", "6h",
 * "1d"). A plain string so form values fit; the schema checks the shape.
 */
export type LearningStep = string;

/** Anki's defaults, which the schema fills in (typed on their own: the schema's type is built from them). */
export const ANKI_DEFAULTS = {
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: ["1m", "10m"] as readonly LearningStep[],
  relearningSteps: ["10m"] as readonly LearningStep[],
  maximumInterval: 36500,
  fuzz: true,
} as const;

/** The settings of a learner who never changed any: what parsing `{}` gives. */
export const DEFAULT_SETTINGS: SchedulerSettings = Object.freeze({
  ...ANKI_DEFAULTS,
  learningSteps: [...ANKI_DEFAULTS.learningSteps],
  relearningSteps: [...ANKI_DEFAULTS.relearningSteps],
  decks: {},
});

/** The settings the scheduler needs for one card, after the deck's overrides are applied. */
export interface CardSettings {
  desiredRetention: number;
  learningSteps: readonly LearningStep[];
  relearningSteps: readonly LearningStep[];
  maximumInterval: number;
  fuzz: boolean;
  parameters?: readonly number[] | undefined;
}

export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

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

/** A raise outlives its day only in storage; a day has few decks studied, so a few slots suffice. */
export const MAX_RAISES = 50;

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
