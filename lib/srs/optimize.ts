// "Optimize my parameters": fits FSRS-6 parameters to one learner's review log with
// @open-spaced-repetition/binding (fsrs-rs compiled for Node), and measures log loss and RMSE
// (bins) of the current and the new parameters on the same reviews so the caller applies the new
// ones only when they predict this learner's memory better.
//
// This module loads a native addon: import it from server code only (`@/lib/srs/optimize.ts`),
// never through `@/lib/srs/index.ts`, which browser bundles may use.

import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import { ConvertStepUnitToMinutes, default_w, type StepUnit } from "ts-fsrs";
import { trainingData, type OptimizerLog, type TrainingData } from "./optimizer-data.ts";
import type { LearningStep } from "./settings.ts";

export type { OptimizerLog, TrainingData } from "./optimizer-data.ts";

/**
 * Training items (reviews on a later day than the card's previous review) needed before we run
 * the optimizer. fsrs-rs itself returns the default parameters untouched until its outlier filter
 * leaves enough first-interval reviews, and its evaluation refuses tiny sets (NotEnoughData);
 * Anki's backend notes 400 items as the point below which results should not be trusted, so the
 * app asks for that many.
 */
export const MIN_TRAINING_ITEMS = 400;

export interface ModelFit {
  /** Binary cross-entropy of predicted recall against what happened; smaller is better. */
  logLoss: number;
  /** RMSE between predicted and actual recall over bins of similar reviews; smaller is better. */
  rmse: number;
}

export interface OptimizeOptions {
  /** The learner's zone: review gaps are counted in learner days (4 a.m. rollover). */
  timeZone?: string;
  rolloverHour?: number;
  /** Parameters in use now (defaults: ts-fsrs's FSRS-6 defaults). */
  currentParameters?: readonly number[];
  /** The learner's relearning steps; fsrs-rs bounds the short-term parameters by how many fit in a day. */
  relearningSteps?: readonly LearningStep[];
  /** Called from time to time while training, with work done and total work. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops training; the promise then rejects. */
  signal?: AbortSignal;
}

export type OptimizeResult =
  | {
      tooFewReviews: false;
      /** 21 FSRS-6 parameters. */
      parameters: number[];
      before: ModelFit;
      after: ModelFit;
      /** True when the new parameters have a lower RMSE (bins) on this learner's reviews, Anki's criterion. */
      better: boolean;
      reviewsUsed: number;
      items: number;
    }
  | {
      tooFewReviews: true;
      /** How many more reviews on a later day than the card's previous one are needed. */
      needed: number;
      reviewsUsed: number;
      items: number;
    };

/** Relearning steps that fit within one day, as Anki counts them for the optimizer. */
export function relearningStepsInDay(steps: readonly LearningStep[]): number {
  let minutes = 0;
  let count = 0;
  for (const step of steps) {
    minutes += ConvertStepUnitToMinutes(step as StepUnit);
    if (minutes >= 1440) break;
    count++;
  }
  return count;
}

function bindingItems(data: TrainingData): FSRSBindingItem[] {
  const items: FSRSBindingItem[] = [];
  for (const history of data.histories) {
    const reviews = history.reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT));
    for (const target of history.targets) items.push(new FSRSBindingItem(reviews.slice(0, target + 1)));
  }
  return items;
}

function isNotEnoughData(error: unknown): boolean {
  return error instanceof Error && /NotEnoughData/.test(error.message);
}

function fit(parameters: readonly number[], items: FSRSBindingItem[]): ModelFit {
  const { logLoss, rmseBins } = new FSRSBinding([...parameters]).evaluate(items);
  return { logLoss, rmse: rmseBins };
}

// The binding hands back f32 values widened to f64 (0.2119999974966049); six decimals keep every
// meaningful digit and store cleanly.
const tidy = (value: number) => Math.round(value * 1e6) / 1e6;

export async function optimizeParameters(logs: Iterable<OptimizerLog>, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const data = trainingData(logs, { timeZone: options.timeZone, rolloverHour: options.rolloverHour });
  const counts = { reviewsUsed: data.reviewsUsed, items: data.items };
  if (data.items < MIN_TRAINING_ITEMS) return { tooFewReviews: true, needed: MIN_TRAINING_ITEMS - data.items, ...counts };
  options.signal?.throwIfAborted();

  const items = bindingItems(data);
  const current = options.currentParameters && options.currentParameters.length === 21 ? options.currentParameters : default_w;
  const { onProgress, signal } = options;
  const raw = await computeParameters(items, {
    enableShortTerm: true,
    numRelearningSteps: relearningStepsInDay(options.relearningSteps ?? ["10m"]),
    // How often the progress callback fires (ms); the default of 500 also delays completion.
    timeout: 100,
    progress: (done, total) => {
      if (signal?.aborted) return false;
      onProgress?.(done, total);
      return true;
    },
  });
  signal?.throwIfAborted();
  const parameters = raw.map(tidy);
  if (parameters.length !== 21 || !parameters.every(Number.isFinite)) {
    throw new Error(`The optimizer returned ${parameters.length} parameters, expected 21 finite numbers`);
  }

  try {
    const before = fit(current, items);
    const after = fit(parameters, items);
    return { tooFewReviews: false, parameters, before, after, better: after.rmse < before.rmse, ...counts };
  } catch (error) {
    // Enough items by count, but too few the evaluator can use (e.g. all in one narrow bin).
    if (isNotEnoughData(error)) return { tooFewReviews: true, needed: Math.max(1, data.items), ...counts };
    throw error;
  }
}
