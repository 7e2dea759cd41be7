// Q&A pairs in prose: a question, then an answer introduced by **Ans** / **Answer** / A: (or the
// French Réponse). A `---` separator closes a pair; without separators the question is the
// paragraph right before the answer, plus any code or list between them.

import type { NoteNode, ParagraphNode } from "../tree.ts";

// A lone "A" is an answer marker only with a colon: "**A.**" and "A." name an option.
const ANSWER =
  /^(?:(?:\*\*|__)\s*(?:(?:ans(?:wer)?|r[ée]ponse|r[ée]p)\s*[:.]?|a\s*:)\s*(?:\*\*|__)\s*[:.]?|(?:\*\*|__)\s*a\s*(?:\*\*|__)\s*:|(?:ans(?:wer)?|a|r[ée]ponse)\s*:)[ \t]*/i;
const QUESTION = /^(?:(?:\*\*|__)\s*(?:q|question)\s*[:.]?\s*(?:\*\*|__)\s*[:.]?|(?:q|question)\s*:)[ \t]*/i;

export function stripAnswerMarker(text: string): string {
  return text.replace(ANSWER, "").trim();
}

export function stripQuestionMarker(text: string): string {
  return text.replace(QUESTION, "").trim();
}

/** Opens with an answer marker: `**Ans**`, `Answer:`, `A:`, `Réponse :`. */
export function isQaAnswer(text: string): boolean {
  return ANSWER.test(text);
}

function isAnswer(node: NoteNode | undefined): node is ParagraphNode {
  return node?.type === "paragraph" && ANSWER.test(node.text);
}

function isMarkedQuestion(node: NoteNode | undefined): boolean {
  return node?.type === "paragraph" && QUESTION.test(node.text);
}

/** Splits "question line(s)\n**Ans** answer" written without a blank line into two paragraphs. */
function splitAnswers(nodes: readonly NoteNode[]): NoteNode[] {
  const out: NoteNode[] = [];
  for (const node of nodes) {
    if (node.type !== "paragraph") {
      out.push(node);
      continue;
    }
    const lines = node.text.split("\n");
    const at = lines.findIndex((line, i) => i > 0 && ANSWER.test(line));
    if (at < 0) {
      out.push(node);
      continue;
    }
    out.push({ type: "paragraph", text: lines.slice(0, at).join("\n"), line: node.line });
    out.push({ type: "paragraph", text: lines.slice(at).join("\n"), line: node.line + at });
  }
  return out;
}

export interface QaPair {
  question: NoteNode[];
  answer: NoteNode[];
  line: number;
}

export interface QaSplit {
  pairs: QaPair[];
  /** The section's nodes that are not part of any pair, in order. */
  rest: NoteNode[];
}

export function findQaPairs(sectionNodes: readonly NoteNode[]): QaSplit {
  if (!sectionNodes.some((n) => n.type === "paragraph" && /(^|\n)\s*(\*\*|__)?\s*(ans|answer|a|r[ée]p|r[ée]ponse)\b/i.test(n.text))) {
    return { pairs: [], rest: [...sectionNodes] };
  }
  const nodes = splitAnswers(sectionNodes);
  const used = new Set<number>();
  const pairs: QaPair[] = [];
  let floor = 0;
  for (let a = 0; a < nodes.length; a += 1) {
    if (a < floor || !isAnswer(nodes[a])) continue;
    const start = questionStart(nodes, floor, a);
    if (start === undefined) continue;
    const end = answerEnd(nodes, a);
    const question = nodes.slice(start, a).filter((n) => n.type !== "rule");
    const answer = nodes.slice(a, end).filter((n) => n.type !== "rule");
    for (let i = start; i < end; i += 1) used.add(i);
    pairs.push({ question, answer, line: question[0]?.line ?? nodes[a]!.line });
    floor = end;
  }
  return { pairs, rest: nodes.filter((_n, i) => !used.has(i)) };
}

function questionStart(nodes: readonly NoteNode[], floor: number, answerAt: number): number | undefined {
  for (let i = answerAt - 1; i >= floor; i -= 1) {
    if (nodes[i]!.type === "rule") return i + 1 < answerAt ? i + 1 : undefined;
  }
  for (let i = answerAt - 1; i >= floor; i -= 1) {
    if (nodes[i]!.type === "paragraph") return i;
  }
  return answerAt - 1 >= floor ? answerAt - 1 : undefined;
}

function answerEnd(nodes: readonly NoteNode[], answerAt: number): number {
  let nextAnswer = -1;
  let end = nodes.length;
  for (let i = answerAt + 1; i < nodes.length; i += 1) {
    const node = nodes[i]!;
    if (node.type === "rule" || node.type === "heading" || isMarkedQuestion(node)) {
      end = i;
      break;
    }
    if (nextAnswer < 0 && isAnswer(node)) nextAnswer = i;
  }
  if (nextAnswer < 0 || nextAnswer > end) return end;
  // Another answer follows before any separator: the next question starts at the first paragraph.
  for (let i = answerAt + 1; i < nextAnswer; i += 1) if (nodes[i]!.type === "paragraph") return i;
  return nextAnswer;
}
