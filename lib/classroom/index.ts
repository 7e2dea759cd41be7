// Public face of the classroom domain: join codes, card and scenario questions, per-learner
// variants and papers, scoring, quiz windows, results and their CSV. Pure: no Prisma, no clock.

export { makeJoinCode, normaliseJoinCode, isJoinCode, formatJoinCode, JOIN_CODE_LENGTH } from "./join-code.ts";
export { cardQuestion, canAskCard, CardQuestionError, CARD_QUESTION_OPTIONS, type DeckCard } from "./card-question.ts";
export {
  playScenario,
  askableQuestions,
  quizDraftOfScenarioQuestion,
  singleQuestionSource,
  scenarioSeed,
  type PlayedScenario,
  type PlayOptions,
} from "./scenario-question.ts";
export { variantNames, variantSeed } from "./variants.ts";
export { buildPaper, type PaperOptions } from "./paper.ts";
export { scoreAttempt, isCorrectChoice, maxScoreOf, type AttemptScore, type QuestionMark } from "./score.ts";
export { quizWindowState, attemptDeadline, type QuizWindowState, type QuizWindowTimes } from "./quiz-window.ts";
export {
  ANSWER_GRACE_MS,
  answerRefusal,
  submitRefusal,
  startRefusal,
  attemptEnd,
  withinGrace,
  formatUtc,
  type AttemptRefusal,
  type AttemptRefusalCode,
  type AttemptState,
} from "./attempt-rules.ts";
export {
  summariseResults,
  WRONG_ANSWERS_SHOWN,
  type QuizResults,
  type QuestionResult,
  type LearnerResult,
  type ResultAnswer,
  type ResultAttempt,
  type ResultQuestion,
  type WrongAnswer,
} from "./results.ts";
export { resultsCsv, csvCell } from "./csv.ts";
export { optionLetter, questionLine, plainText, choiceText, withoutOptionIds } from "./labels.ts";
export { pickerRows, quizContents, scenarioKey, type PickerRow, type QuizContents } from "./picker.ts";
export type { Choice, Paper, PaperQuestion, QuizQuestionDraft, QuizQuestionInput } from "./types.ts";
