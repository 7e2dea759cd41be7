// A scenario question as a review card. The front: the title, the description, the world and the
// steps up to the question, the prompt and its options. The back: the answer, the deciding statement
// inside its policy, and the explanation.
//
// The deciding statement is shown as a fenced block whose info string carries the lines to highlight,
// `json {7-12}` (the first word stays the language for highlight.js), followed by a note:
// "Deciding statement: lines 7–12 of the bucket policy of my_bucket (Sid ReadForAll), Allow".

import type { ScenarioQuestion, AnsweredScenario } from "./types.ts";
import type { DecidingStatement } from "./statements.ts";

export interface ScenarioCard {
  front: string;
  back: string;
}

function statementBlock(statement: DecidingStatement): string {
  const lines = statement.lines;
  const info = lines ? `json {${lines.start}-${lines.end}}` : "json";
  const where = lines ? `lines ${lines.start}–${lines.end}` : `statement ${statement.statementIndex}`;
  const sid = statement.sid ? ` (Sid ${statement.sid})` : ` (statement ${statement.statementIndex}, no Sid)`;
  return [
    `\`\`\`${info}\n${statement.policyText}\n\`\`\``,
    `Deciding statement: ${where} of ${statement.policyLabel}${sid}, ${statement.effect}.`,
  ].join("\n\n");
}

function front(scenario: AnsweredScenario, question: ScenarioQuestion): string {
  const parts = [`### ${scenario.title}`];
  if (scenario.description) parts.push(scenario.description);
  parts.push(scenario.setup);
  const last = Math.max(-1, ...question.steps.map((id) => scenario.steps.findIndex((s) => s.id === id)));
  const shown = scenario.steps.slice(0, last + 1);
  if (shown.length > 0) parts.push(`**Steps**\n\n${shown.map((s, i) => `${i + 1}. ${s.text}`).join("\n")}`);
  parts.push(`**Question.** ${question.prompt}`);
  if (question.options) parts.push(question.options.map((o) => `- (${o.id}) ${o.text}`).join("\n"));
  return parts.join("\n\n");
}

function back(question: ScenarioQuestion): string {
  const parts = [`**Answer:** ${question.answer.text.replace(/\n/g, "  \n")}`];
  const correct = question.options?.filter((o) => o.correct).map((o) => `(${o.id})`);
  if (correct?.length) parts.push(`Correct option${correct.length > 1 ? "s" : ""}: ${correct.join(", ")}`);
  parts.push(...question.decidingStatements.map(statementBlock));
  if (question.explanation.length > 0) parts.push(`**Why**\n\n${question.explanation.map((step, i) => `${i + 1}. ${step}`).join("\n")}`);
  if (question.warnings?.length) parts.push(`**Note**\n\n${question.warnings.map((w) => `- ${w}`).join("\n")}`);
  return parts.join("\n\n");
}

/** The card for one question of an answered scenario (by its index). */
export function renderScenarioCard(answered: AnsweredScenario, questionIndex = 0): ScenarioCard {
  const question = answered.questions[questionIndex];
  if (!question) throw new RangeError(`the scenario has no question ${questionIndex}`);
  return { front: front(answered, question), back: back(question) };
}

/** One card per question. */
export function renderScenarioCards(answered: AnsweredScenario): ScenarioCard[] {
  return answered.questions.map((_, i) => renderScenarioCard(answered, i));
}
