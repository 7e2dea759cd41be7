// zod's issues turned into messages for people, in one place: each names its field as a JSON path.
import type { core } from "zod/mini";
import { formatJsonPath } from "./json-path.ts";

/** One validation problem, with the field it concerns written as a JSON path (`reviewLogs[3].rating`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Every issue, each message starting with its path ("reviewLogs[3].rating: Too big"). */
export function fieldIssues(error: core.$ZodError, root = "(root)"): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = formatJsonPath(issue.path, root);
    return { path, message: `${path}: ${issue.message}` };
  });
}

/** The first issue as one line, for answers that show a single message. */
export function firstIssueMessage(error: core.$ZodError, root = "body"): string {
  return fieldIssues(error, root)[0]?.message ?? `${root}: invalid`;
}
