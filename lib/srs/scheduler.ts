// The scheduler: a thin, pure layer over ts-fsrs. Every function takes `now` so a request handler,
// a test and a replay all compute the same thing, and fuzz is seeded from the card id and its
// repetition count so a retried grade lands on exactly the same due date.

import {
  createEmptyCard,
  default_w,
  fsrs,
  GenSeedStrategyWithCardId,
  State,
  StrategyMode,
  type FSRS,
  type FSRSParameters,
  type StepUnit,
} from "ts-fsrs";
import { fromFsrsCard, fromFsrsLog, toFsrsCard, toFsrsLog, type SeededCard } from "./card.ts";
import { intervalUntil } from "./intervals.ts";
import type { CardSettings } from "./settings.ts";
import { RATING_NAMES, isRating, type Rating, type ReviewLogValues, type SchedulingState } from "./types.ts";

const DAY_MS = 86_400_000;

export interface GradePreview {
  rating: Rating;
  /** "Again", "Hard", "Good" or "Easy". */
  name: (typeof RATING_NAMES)[Rating];
  /** The card's state if this grade is given now. */
  next: SchedulingState;
  /** The wait until the card is due again, e.g. "10m", "3d", "2.1mo". */
  interval: string;
}

/** Again, Hard, Good, Easy in that order. */
export type GradePreviews = [GradePreview, GradePreview, GradePreview, GradePreview];

export interface GradeResult {
  next: SchedulingState;
  log: ReviewLogValues;
}

export function toFsrsParameters(settings: CardSettings): FSRSParameters {
  return {
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumInterval,
    w: settings.parameters ? [...settings.parameters] : [...default_w],
    enable_fuzz: settings.fuzz,
    enable_short_term: true,
    // The settings schema admits only ts-fsrs's step shapes.
    learning_steps: settings.learningSteps.map((step) => step as StepUnit),
    relearning_steps: settings.relearningSteps.map((step) => step as StepUnit),
  };
}

// Building an FSRS instance clips parameters and precomputes the interval modifier; learners share
// a handful of distinct settings, so instances are kept per settings value.
const instances = new Map<string, FSRS>();
const MAX_INSTANCES = 256;

function schedulerFor(settings: CardSettings): FSRS {
  const key = JSON.stringify([
    settings.desiredRetention,
    settings.maximumInterval,
    settings.fuzz,
    settings.learningSteps,
    settings.relearningSteps,
    settings.parameters ?? null,
  ]);
  let instance = instances.get(key);
  if (!instance) {
    instance = fsrs(toFsrsParameters(settings)).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId("card_id"));
    if (instances.size >= MAX_INSTANCES) instances.clear();
    instances.set(key, instance);
  }
  return instance;
}

function checkNow(now: Date): void {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError("now must be a valid Date");
}

function cardFor(state: SchedulingState | null, now: Date, cardId: string): SeededCard {
  if (state) return toFsrsCard(state, cardId);
  return { ...createEmptyCard(now), card_id: cardId };
}

/** What each grade would do to the card now: the next state and the interval to print on the button. */
export function previewGrades(state: SchedulingState | null, now: Date, settings: CardSettings, cardId: string): GradePreviews {
  checkNow(now);
  const record = schedulerFor(settings).repeat(cardFor(state, now, cardId), now);
  const preview = (rating: Rating): GradePreview => {
    const { card } = record[rating];
    return { rating, name: RATING_NAMES[rating], next: fromFsrsCard(card), interval: intervalUntil(card.due, now) };
  };
  return [preview(1), preview(2), preview(3), preview(4)];
}

/** Applies a grade: the card's next state and the values of the review log row to append. */
export function gradeCard(state: SchedulingState | null, rating: Rating, now: Date, settings: CardSettings, cardId: string): GradeResult {
  checkNow(now);
  if (!isRating(rating)) throw new RangeError(`Unknown rating ${String(rating)}: expected 1 (Again) to 4 (Easy)`);
  const { card, log } = schedulerFor(settings).next(cardFor(state, now, cardId), now, rating);
  return { next: fromFsrsCard(card), log: fromFsrsLog(log) };
}

const rollbackScheduler = fsrs();

/**
 * The state before the grade recorded in `log`, through ts-fsrs's `rollback`. A result in state
 * 0 (New) means the card is new again. ts-fsrs cannot know a learning card's earlier due time and
 * returns the review time instead (the card was being shown then, so it is due); for a card that
 * was in Review the due date is recomputed from its last review and interval, which is exact.
 */
export function undoGrade(stateAfter: SchedulingState, log: ReviewLogValues): SchedulingState {
  const before = fromFsrsCard(rollbackScheduler.rollback(toFsrsCard(stateAfter), toFsrsLog(log)));
  if (before.state === State.Review && before.lastReview) {
    before.due = new Date(before.lastReview.getTime() + before.scheduledDays * DAY_MS);
  }
  return before;
}

/** Probability of recalling the card at `now` (0 for a card never studied), from FSRS's forgetting curve. */
export function retrievability(state: SchedulingState | null, now: Date, settings: CardSettings): number {
  checkNow(now);
  if (!state || state.state === State.New || !state.lastReview) return 0;
  return schedulerFor(settings).get_retrievability(toFsrsCard(state), now, false);
}
