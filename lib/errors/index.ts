export { DomainError, describeProblem, isDomainError, type ErrorLocation } from "./domain-error.ts";
export { formatJsonPath, joinJsonPath } from "./json-path.ts";
export { fieldIssues, firstIssueMessage, type FieldIssue } from "./zod-issues.ts";
export { PASSING_ERROR_MESSAGES, passingCodeOf, type PassingCode } from "./passing.ts";
