// Findings in words, for a learner reading a card or a terminal: one sentence per finding.

import type { Finding, FindingKind } from "./types.ts";

export const KIND_LABELS: Record<FindingKind, string> = {
  error: "Error",
  security: "Security warning",
  warning: "Warning",
  suggestion: "Suggestion",
};

/** "Security warning at Statement[0].Resource (line 7): ..." */
export function describeFinding(finding: Finding): string {
  const where = finding.path ? ` at ${finding.path}` : "";
  return `${KIND_LABELS[finding.kind]}${where} (line ${finding.line}): ${finding.message}`;
}

/** The CLI's one-line form: `file:line:col kind code message`. */
export function formatFindingLine(file: string, finding: Finding): string {
  return `${file}:${finding.line}:${finding.column ?? 1} ${finding.kind} ${finding.code} ${finding.message}`;
}
