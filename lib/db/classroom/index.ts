// Classes, quizzes and attempts: every function takes the acting user and scopes its queries by
// them (an instructor's own classes, a learner's own memberships and attempts).
export { ROLES, listUsersForAdmin, setUserRole, type UserRow, type RoleChange } from "./roles.ts";
export {
  teaches,
  createClass,
  listTaughtClasses,
  findTaughtClass,
  removeLearner,
  findClassByJoinCode,
  joinClass,
  listJoinedClasses,
  findJoinedClass,
  type JoinOutcome,
} from "./classes.ts";
export {
  createQuiz,
  findOwnQuiz,
  updateQuizSettings,
  moveQuestion,
  setQuestionPoints,
  removeQuestion,
  type QuizSettings,
  type QuestionEdit,
} from "./quizzes.ts";
export {
  builderDecks,
  builderDeckCards,
  addCardQuestions,
  addScenarioQuestions,
  addScenarioCard,
  type AddOutcome,
} from "./question-sources.ts";
export { findLearnerQuiz, startAttempt, saveAnswer, type AnswerInput, type SaveOutcome, type StartOutcome } from "./attempts.ts";
export { submitAttempt, type SubmitOutcome } from "./submit.ts";
export { quizResults, type QuizResultsView } from "./results.ts";
