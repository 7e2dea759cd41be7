// The lines the optimize endpoint streams (NDJSON), shared by the route and the panel that reads them.

// A type-only import: the optimizer module itself (a native binding) never reaches the browser.
import type { ModelFit } from "@/lib/srs/optimize.ts";

export type { ModelFit };

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
