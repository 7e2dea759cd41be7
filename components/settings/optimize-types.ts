// The lines the optimize endpoint streams (NDJSON), shared by the route and the panel that reads them.

/** Log loss and RMSE (bins) of a set of parameters on the learner's reviews; smaller is better. */
export interface ModelFit {
  logLoss: number;
  rmse: number;
}

export type OptimizeSummary =
  | { tooFewReviews: true; needed: number; reviewsUsed: number; items: number; applied: boolean }
  | {
      tooFewReviews: false;
      parameters: number[];
      before: ModelFit;
      after: ModelFit;
      better: boolean;
      reviewsUsed: number;
      items: number;
      applied: boolean;
    };

export type OptimizeEvent =
  | { type: "progress"; done: number; total: number }
  | { type: "result"; result: OptimizeSummary }
  | { type: "error"; message: string };
