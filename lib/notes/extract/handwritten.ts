// Hand-written Q&A in notes without card markers (docs/importing.md, "Hand-written Q&A"):
//  - a multiple-choice question: the question, options A–D (or `- [ ]` boxes), then the answer in
//    a `<details>` block or an `Answer:` line; options go on the front, the answer and its
//    explanation on the back, the `<details>` markup never shown;
//  - a two-column table whose header reads like question/answer or term/definition: a card a row;
//  - `Q:` / `A:` items;
//  - a numbered question ("1. What …?", "Q3: …?", "**Why …?**") with the answer after it.
// Each finds its card in a section's node list and leaves the other nodes to the later rules.

import type { ItemNode, NoteNode, ParagraphNode } from "../tree.ts";
import { isQuestion, isQuestionLike } from "./patterns.ts";
import { isQaAnswer } from "./qa.ts";
import { tableCards } from "./tables.ts";

export interface HandwrittenCard {
  question: NoteNode[];
  answer: NoteNode[];
  line: number;
  /** Prefix the front with its heading (a table row reads poorly alone). */
  context?: boolean;
}

export interface HandwrittenSplit {
  cards: HandwrittenCard[];
  rest: NoteNode[];
}

const OPTION = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\(?[A-Fa-f](?:[.):]|\*\*[.):]|\)\*\*)(?:\*\*|__)?\s+\S/;
const CHECKBOX = /^\s*[-*+]\s+\[[ xX]\]\s+\S/;
const ANSWER_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(?:correct\s+answers?|answers?|ans|solution|réponses?)\s*(?:\*\*|__)?\s*[:：.-]/i;
const DETAILS = /<details\b|<summary\b/i;
const QUESTION_LABEL = /^\s*(?:\*\*|__)?\s*q(?:uestion)?\s*[:：]\s*(?:\*\*|__)?\s*/i;
const NUMBER_PREFIX = /^\s*(?:\*\*|__)?\s*(?:q(?:uestion)?\s*\d+\s*[.:)-]?|\d{1,3}\s*[.)])\s*/i;
/** The number and then some words: "Q3: …", "**12.** …". */
const NUMBERED_QUESTION = new RegExp(`${NUMBER_PREFIX.source}\\S`, "i");

export function isOptionLine(line: string): boolean {
  return OPTION.test(line) || CHECKBOX.test(line);
}

function optionCount(node: NoteNode): number {
  if (node.type === "paragraph") return node.text.split("\n").filter(isOptionLine).length;
  if (node.type === "item") return isOptionLine(`- ${node.text.split("\n")[0] ?? ""}`) ? 1 : 0;
  return 0;
}

export function isAnswerNode(node: NoteNode): boolean {
  if (node.type === "paragraph") return DETAILS.test(node.text) || ANSWER_LINE.test(node.text);
  if (node.type === "item") return ANSWER_LINE.test(node.text) || node.body.some(isAnswerNode);
  return false;
}

function textOf(node: NoteNode): string {
  return node.type === "paragraph" || node.type === "item" ? node.text : "";
}

function opensQuestion(node: NoteNode): boolean {
  const text = textOf(node);
  // A question holds a `?` or opens with a number or "Q"; most blocks do neither.
  if (!text || (!text.includes("?") && !/^\s*(?:\*\*|__)?\s*(?:q|\d)/i.test(text))) return false;
  const lines = text.split("\n");
  if (lines.slice(0, 4).some((line) => isQuestion(line))) return true;
  // "**2. Explain the purpose of IAM.**": a numbered prompt that asks without a question mark.
  return NUMBERED_QUESTION.test(lines[0]!) && isQuestionLike(lines[0]!.replace(NUMBER_PREFIX, ""));
}

export function handwrittenCards(nodes: readonly NoteNode[]): HandwrittenSplit {
  const cards: HandwrittenCard[] = [];
  const rest: NoteNode[] = [];
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i]!;
    const table = node.type === "paragraph" ? tableCards(node) : undefined;
    if (table) {
      cards.push(...table);
      continue;
    }
    const qa = node.type === "item" ? qaItems(node, nodes[i + 1]) : undefined;
    if (qa) {
      cards.push(qa);
      i += 1;
      continue;
    }
    // A question answered by `**Ans**` / `A:` is a Q&A pair (qa.ts), whose rules keep code with the
    // question; the usual case (the answer in the block or the next one) is seen before any run is read.
    if (answeredByMarker(node) || (nodes[i + 1] !== undefined && answeredByMarker(nodes[i + 1]!))) {
      rest.push(node);
      continue;
    }
    const run = node.type === "paragraph" && opensQuestion(node) ? (choiceRun(nodes, i) ?? questionRun(nodes, i)) : undefined;
    if (run && nodes.slice(i, run.end).some(answeredByMarker)) {
      rest.push(node);
      continue;
    }
    if (run) {
      cards.push(run.card);
      i = run.end - 1;
      continue;
    }
    rest.push(node);
  }
  return { cards, rest };
}

function answeredByMarker(node: NoteNode): boolean {
  return node.type === "paragraph" && node.text.split("\n").some((line) => isQaAnswer(line));
}

const ITEM_QUESTION = /^\s*(?:\*\*|__)?q(?:uestion)?\s*(?:\*\*|__)?\s*[:.]\s*/i;
const ITEM_ANSWER = /^\s*(?:\*\*|__)?a(?:nswer)?\s*(?:\*\*|__)?\s*[:.]\s*/i;

/** `- Q: …` then `- A: …` as siblings. */
function qaItems(item: ItemNode, next: NoteNode | undefined): HandwrittenCard | undefined {
  if (!ITEM_QUESTION.test(item.text)) return undefined;
  if (next?.type !== "item" || !ITEM_ANSWER.test(next.text)) return undefined;
  return {
    question: [paragraphOf(item.text.replace(ITEM_QUESTION, ""), item.line), ...item.body, ...item.children],
    answer: [paragraphOf(next.text.replace(ITEM_ANSWER, ""), next.line), ...next.body, ...next.children],
    line: item.line,
  };
}

/** A numbered question item holding its options and its answer. */
export function isChoiceItem(item: ItemNode): boolean {
  if (item.children.length + item.body.length < 2 && !item.text.includes("\n")) return false;
  const parts: NoteNode[] = [...item.body, ...item.children];
  const options = optionCount({ type: "paragraph", text: item.text, line: item.line }) + parts.reduce((n, p) => n + optionCount(p), 0);
  return options >= 2 && (parts.some(isAnswerNode) || item.text.split("\n").some((l) => ANSWER_LINE.test(l)));
}

export function choiceItemCard(item: ItemNode): HandwrittenCard {
  const [questionText, answerText] = splitAtAnswer(item.text);
  const parts: NoteNode[] = [...item.body, ...item.children].sort((a, b) => a.line - b.line);
  const question: NoteNode[] = [paragraphOf(questionText, item.line)];
  const answer: NoteNode[] = answerText ? [paragraphOf(answerText, item.line)] : [];
  let answered = answer.length > 0;
  for (const part of parts) {
    if (!answered && isAnswerNode(part)) answered = true;
    if (answered) answer.push(part);
    else question.push(part);
  }
  return { question, answer: answer.map(withoutDetails), line: item.line };
}

/**
 * Options written in a plain code fence with the right ones marked by `>` (or `>>`), as some quiz
 * notes do: the options become a list on the front, the marked ones the answer.
 */
export function fencedChoice(node: NoteNode | undefined): { options: ParagraphNode; answer: ParagraphNode } | undefined {
  if (node?.type !== "code" || node.lang !== "") return undefined;
  const options: Array<{ text: string; correct: boolean }> = [];
  const lettered = /^\s*(?:>{1,2}\s*)?[A-F][.)]\s/;
  const lines = node.code.split("\n").filter((line) => line.trim() !== "");
  const byLetter = lines.filter((line) => lettered.test(line)).length >= 2;
  for (const line of lines) {
    const correct = /^\s*>/.test(line);
    const text = line.replace(/^\s*>{1,2}\s*/, "").trim();
    if (byLetter && !lettered.test(line) && options.length > 0) options[options.length - 1]!.text += ` ${text}`;
    else options.push({ text, correct });
  }
  const correct = options.filter((o) => o.correct);
  if (options.length < 2 || correct.length === 0 || correct.length === options.length) return undefined;
  const list = (items: typeof options) => items.map((o) => `- ${o.text}`).join("\n");
  return {
    options: paragraphOf(list(options), node.line),
    answer: paragraphOf(list(correct), node.line),
  };
}

/** A question paragraph followed by options and an answer, up to the next question or separator. */
function choiceRun(nodes: readonly NoteNode[], start: number): { card: HandwrittenCard; end: number } | undefined {
  const first = nodes[start]!;
  const [questionText, inlineAnswer] = splitAtAnswer(textOf(first));
  let options = optionCount(paragraphOf(questionText, first.line));
  let answerAt = inlineAnswer ? start : -1;
  let end = start + 1;
  for (; end < nodes.length; end += 1) {
    const node = nodes[end]!;
    if (node.type === "heading" || node.type === "rule" || node.type === "flashcard") break;
    if (answerAt >= 0 && opensQuestion(node) && !isAnswerNode(node)) break;
    if (answerAt < 0 && isAnswerNode(node)) answerAt = end;
    else if (answerAt < 0) options += optionCount(node);
  }
  if (options < 2 || answerAt < 0) return undefined;
  const question: NoteNode[] = [
    paragraphOf(questionText, first.line),
    ...nodes.slice(start + 1, answerAt === start ? start + 1 : answerAt),
  ];
  const answer: NoteNode[] = [
    ...(inlineAnswer ? [paragraphOf(inlineAnswer, first.line)] : []),
    ...nodes.slice(Math.max(answerAt, start + 1), end),
  ];
  return { card: { question, answer: answer.map(withoutDetails).filter(hasText), line: first.line }, end };
}

/**
 * A question paragraph ("**3. Why …?**", "Q2: …?") and the answer nodes after it, up to the next
 * question, heading or separator; an `**Answer:**` label opening the answer is dropped.
 */
function questionRun(nodes: readonly NoteNode[], start: number): { card: HandwrittenCard; end: number } | undefined {
  const first = nodes[start] as ParagraphNode;
  const lines = first.text.split("\n");
  const asks = lines.findIndex((line) => isQuestion(line));
  const split = asks >= 0 ? asks + 1 : 1;
  let end = start + 1;
  while (end < nodes.length) {
    const node = nodes[end]!;
    if (node.type === "heading" || node.type === "rule" || node.type === "flashcard") break;
    if (node.type === "paragraph" && opensQuestion(node) && !isAnswerNode(node)) break;
    end += 1;
  }
  const inline = lines.slice(split).join("\n").trim();
  const fenced = inline ? undefined : fencedChoice(nodes[start + 1]);
  if (fenced) {
    const question = [paragraphOf(lines.slice(0, split).join("\n").replace(QUESTION_LABEL, ""), first.line), fenced.options];
    return { card: { question, answer: [fenced.answer, ...nodes.slice(start + 2, end)], line: first.line }, end };
  }
  const answer = [...(inline ? [paragraphOf(inline, first.line + split)] : []), ...nodes.slice(start + 1, end)].flatMap(withoutAnswerLabel);
  if (answer.length === 0) return undefined;
  const question = lines.slice(0, split).join("\n").replace(QUESTION_LABEL, "");
  return { card: { question: [paragraphOf(question, first.line)], answer, line: first.line }, end };
}

/** The section of a heading that only numbers a question ("### Question 12"), read as question then answer. */
export function questionWithAnswer(nodes: readonly NoteNode[]): HandwrittenCard | undefined {
  const at = nodes.findIndex((n) => n.type === "paragraph" || n.type === "item");
  if (at < 0) return undefined;
  const answerAt = nodes.findIndex((n, i) => i > at && isAnswerNode(n));
  const question = nodes.slice(at, answerAt < 0 ? at + 1 : answerAt);
  const answer = nodes
    .slice(answerAt < 0 ? at + 1 : answerAt)
    .map(withoutDetails)
    .flatMap(withoutAnswerLabel)
    .filter(hasText);
  return answer.length > 0 ? { question, answer, line: nodes[at]!.line } : undefined;
}

const NUMBERING_HEADING = /^(?:question|q|frage|pregunta)\s*#?\d+\s*[:.)-]?\s*$/i;

export function isNumberingHeading(text: string): boolean {
  return NUMBERING_HEADING.test(text.replace(/\*\*|__/g, "").trim());
}

/** The answer without its "**Answer:**" label; an item that held only the label gives way to what it holds. */
function withoutAnswerLabel(node: NoteNode): NoteNode[] {
  const strip = (text: string) =>
    text.replace(/^\s*(?:\*\*|__)?\s*(?:(?:answer|ans|réponse)\s*[:：.]|a\s*[:：])\s*(?:\*\*|__)?\s*(?:\*\*|__)?/i, "");
  if (node.type === "paragraph") return [{ ...node, text: strip(node.text) }];
  if (node.type !== "item") return [node];
  const text = strip(node.text);
  if (text.trim() === "" && text !== node.text) return [...node.body, ...node.children];
  return [{ ...node, text }];
}

function splitAtAnswer(text: string): [string, string] {
  const lines = text.split("\n");
  const at = lines.findIndex((line, i) => i > 0 && (ANSWER_LINE.test(line) || DETAILS.test(line)));
  return at < 0 ? [text, ""] : [lines.slice(0, at).join("\n"), lines.slice(at).join("\n")];
}

function paragraphOf(text: string, line: number): ParagraphNode {
  return { type: "paragraph", text, line };
}

/** The answer as it reads: `<details>`, `<summary>…</summary>` and `</details>` taken out. */
function withoutDetails(node: NoteNode): NoteNode {
  if (node.type !== "paragraph") return node;
  const text = node.text
    .replace(/<summary\b[^>]*>[\s\S]*?<\/summary>/gi, "")
    .replace(/<\/?details\b[^>]*>/gi, "")
    .replace(/<\/?summary\b[^>]*>/gi, "")
    .replace(/<\/?br\s*\/?>\s*$/gim, "")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
  return { ...node, text };
}

function hasText(node: NoteNode): boolean {
  return node.type !== "paragraph" || node.text.trim() !== "";
}
