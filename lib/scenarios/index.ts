// Public face of the scenario engine: scenario cards whose answers are computed by lib/iam every
// time. Browser-safe (no Node-only imports): the action catalogue for "summary" questions is passed
// in; lib/scenarios/scenario-files.node.ts holds the Node-only file loading for the CLI.

export { parseScenario, readScenarioText, renameScenario } from "./parse.ts";
export { answerScenario } from "./answer.ts";
export { renderScenarioCard, renderScenarioCards, type ScenarioCard } from "./render.ts";
export { ScenarioError, type ScenarioErrorCode } from "./errors.ts";
export { scenarioNames, nameProblem, type ScenarioName } from "./names.ts";
export { describeScenarioQuestions } from "./describe.ts";
export { describePolicyId } from "./refs.ts";
export { formatPolicy, type LineRange, type PolicyText } from "./policy-text.ts";
export { scenarioSchema, NAME_KINDS } from "./schema.ts";
export type { ScenarioDocument, ScenarioQuestionSpec, StepSpec, ChangeSpec, CallerSpec, NameKind } from "./schema.ts";
export type { DecidingStatement } from "./statements.ts";
export type { PolicyCategory } from "./verdict.ts";
export type {
  AnsweredScenario,
  AnswerScenarioOptions,
  AnswerValue,
  Choice,
  RequestState,
  Scenario,
  ScenarioQuestion,
  ScenarioQuestionKind,
  StepNarrative,
} from "./types.ts";
export { scenarioDrafts, scenarioCardRef, type ScenarioCardRef, type ScenarioDraftsResult } from "./drafts.ts";
