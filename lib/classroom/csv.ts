// The results as CSV (RFC 4180) for a spreadsheet: one row per learner, two columns per question
// (the text of the options chosen, the points earned). Cells a spreadsheet would run as a formula are
// prefixed with an apostrophe: a learner's name must never become a formula on the instructor's machine.

import { choiceText, plainText } from "./labels.ts";
import type { QuizResults } from "./results.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(results: QuizResults): string {
  const header = ["learner", "email", "status", "submitted_at", "score", "max_score"];
  results.questions.forEach((q, i) => header.push(`q${i + 1}_answer`, `q${i + 1}_points`));
  const rows = results.learners.map((l) => {
    const cells: Array<string | number | null> = [
      l.learner.name ?? "",
      l.learner.email,
      l.submittedAt ? "submitted" : "in progress",
      l.submittedAt ? l.submittedAt.toISOString() : null,
      l.score,
      l.maxScore,
    ];
    for (const q of results.questions) {
      const mark = l.marks[q.questionId];
      cells.push(plainText(choiceText(q.options, l.choices[q.questionId] ?? [])), mark === undefined ? null : mark ? q.points : 0);
    }
    return cells.map(csvCell).join(",");
  });
  return [header.join(","), ...rows].join("\r\n") + "\r\n";
}
