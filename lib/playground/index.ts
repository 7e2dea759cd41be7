// Public face of the policy playground: the editable state and its shareable link, the evaluator
// that computes a decision for it, the editors' per-policy check, the presets, and the state as a
// scenario document with the answers of the endpoint that saves it as cards. Browser-safe: the
// playground runs in the page.

export {
  POLICY_KINDS,
  REPEATABLE_KINDS,
  KIND_LABELS,
  type ContextRow,
  type PlaygroundState,
  type PolicyDraft,
  type PolicyKind,
  type RequestDraft,
} from "./types.ts";
export { encodeState, decodeState, type DecodedState } from "./url-state.ts";
export { createEvaluator, type PlaygroundEvaluator, type PlaygroundOutcome, type RequestField } from "./evaluate-state.ts";
export type { EditorProblem, PolicyCheck } from "./check-policy.ts";
export { lineCount, type LineRange } from "./lines.ts";
export { PRESETS, DEFAULT_PRESET, presetById, type Preset } from "./presets.ts";
export { buildScenario, type BuiltScenario } from "./scenario.ts";
