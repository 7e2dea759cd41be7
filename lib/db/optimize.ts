import "server-only";
import { optimizeParameters, type OptimizeResult } from "../srs/optimize.ts";
import { prisma } from "./client.ts";
import { loadSchedulerSettings } from "./review/settings.ts";
import { saveParameters } from "./settings.ts";
import type { SessionUser } from "./users.ts";

export type LearnerOptimizeResult = OptimizeResult & { applied: boolean };

export interface LearnerOptimizeOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Fits FSRS-6 parameters to the learner's own review log and keeps them only when they predict
 * this learner's grades better than the parameters in use (lower RMSE on the same reviews).
 */
export async function optimizeForLearner(user: SessionUser, options: LearnerOptimizeOptions = {}): Promise<LearnerOptimizeResult> {
  const [settings, logs] = await Promise.all([
    loadSchedulerSettings(user.id),
    prisma.reviewLog.findMany({ where: { userId: user.id }, select: { cardId: true, review: true, rating: true, state: true } }),
  ]);
  const result = await optimizeParameters(logs, {
    timeZone: user.timeZone,
    currentParameters: settings.parameters,
    relearningSteps: settings.relearningSteps,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  if (result.tooFewReviews || !result.better) return { ...result, applied: false };
  const saved = await saveParameters(user, result.parameters);
  return { ...result, applied: saved.ok };
}
