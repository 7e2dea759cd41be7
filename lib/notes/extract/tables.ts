// Two-column tables whose header reads like question/answer or term/definition: one card a row,
// the left cell asking, the right cell answering. Other tables stay content (a back, key points).

import type { ParagraphNode } from "../tree.ts";
import type { HandwrittenCard } from "./handwritten.ts";

// A header pair reads as asking then answering when its left cell names what is asked about (a
// question, a term, a scenario, a feature) and its right cell is not another label of the same
// kind (a date, a count).
const ASKING =
  /^(?:(?:exam\s+)?(?:questions?|q|terms?|concepts?|names?|words?|keywords?|acronyms?|abbreviations?|services?|commands?|apis?|actions?|features?|prompts?|fronts?|scenarios?|situations?|use cases?|problems?|requirements?|resources?|practices?|limits?|settings?|options?|types?|policy|policies))$/i;
const NOT_ANSWERING = /^(?:#|no\.?|n°|date|year|count|total|qty|quantity|page)$/i;

function readsAsPair(left: string, right: string): boolean {
  return ASKING.test(left) && right !== "" && !NOT_ANSWERING.test(right);
}
const DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;

/** Cells of one table row; `\|` stays inside its cell, code spans keep their pipes. */
export function tableCells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  let code = false;
  for (let i = 0; i < row.length; i += 1) {
    const ch = row[i]!;
    if (ch === "\\" && row[i + 1] === "|") {
      cell += "|";
      i += 1;
    } else if (ch === "`") {
      code = !code;
      cell += ch;
    } else if (ch === "|" && !code) {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function headerWord(cell: string): string {
  return cell
    .replace(/\*\*|__|[*_`]/g, "")
    .replace(/[:?.]$/, "")
    .trim();
}

export function tableCards(node: ParagraphNode): HandwrittenCard[] | undefined {
  if (!node.text.includes("|")) return undefined;
  const lines = node.text.split("\n");
  if (lines.length < 3 || !lines[0]!.includes("|") || !DELIMITER.test(lines[1]!)) return undefined;
  const header = tableCells(lines[0]!);
  if (header.length !== 2 || !readsAsPair(headerWord(header[0]!), headerWord(header[1]!))) return undefined;
  const cards: HandwrittenCard[] = [];
  lines.slice(2).forEach((line, i) => {
    const [front = "", back = ""] = tableCells(line);
    if (!front && !back) return;
    const at = node.line + 2 + i;
    cards.push({
      question: [{ type: "paragraph", text: front.replace(/<br\s*\/?>/gi, "\n"), line: at }],
      answer: back ? [{ type: "paragraph", text: back.replace(/<br\s*\/?>/gi, "\n"), line: at }] : [],
      line: at,
      context: true,
    });
  });
  return cards;
}
