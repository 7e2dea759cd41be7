// The lines the optimize endpoint streams (NDJSON), shared by the route and the panel that reads them.

// A type-only import: the optimizer module itself (a native binding) never reaches the browser.
import type { ModelFit, OptimizeResult } from "@/lib/srs/optimize.ts";

export type { ModelFit };

/** The optimizer's result, and whether the new parameters were saved. */
export type OptimizeSummary = OptimizeResult & { applied: boolean };

export type OptimizeEvent =
  { type: "progress"; done: number; total: number } | { type: "result"; result: OptimizeSummary } | { type: "error"; message: string };
