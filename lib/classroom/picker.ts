// The quiz builder's list of a deck: a card is one row; a scenario, stored as one card per question
// with the scenario's text on each, is one row too (its title and its questions in words), since
// adding it adds all of its questions. Rows say what the quiz already holds, so nothing goes in twice.

import { describeScenarioQuestions, parseScenario, ScenarioError } from "../scenarios/index.ts";
import { canAskCard, type DeckCard } from "./card-question.ts";

export type PickerRow =
  | { kind: "card"; cardId: string; front: string; askable: boolean; added: boolean }
  | { kind: "scenario"; cardId: string; title: string; questions: string[]; added: boolean; problem: string | null };

/** What the quiz holds already: its card questions' cards and its scenarios' texts. */
export interface QuizContents {
  cardIds: ReadonlySet<string>;
  scenarioSources: ReadonlySet<string>;
}

/** A scenario's text as compared for "already in the quiz": a browser's form sends CRLF line ends. */
export function scenarioKey(source: string): string {
  return source.replace(/\r\n?/g, "\n").trim();
}

export function quizContents(
  questions: ReadonlyArray<{ kind: string; cardId: string | null; scenarioSource: string | null }>,
): QuizContents {
  return {
    cardIds: new Set(questions.flatMap((q) => (q.kind === "card" && q.cardId ? [q.cardId] : []))),
    scenarioSources: new Set(questions.flatMap((q) => (q.scenarioSource ? [scenarioKey(q.scenarioSource)] : []))),
  };
}

function scenarioRow(card: DeckCard, contents: QuizContents): PickerRow {
  const added = contents.scenarioSources.has(scenarioKey(card.front));
  try {
    const scenario = parseScenario(card.front);
    return {
      kind: "scenario",
      cardId: card.id,
      title: scenario.resolved.title,
      questions: describeScenarioQuestions(scenario),
      added,
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return {
      kind: "scenario",
      cardId: card.id,
      title: "A scenario that no longer validates",
      questions: [],
      added,
      problem: error.describe(),
    };
  }
}

/** The deck's cards as picker rows, in the deck's order; a scenario sits where its first card was. */
export function pickerRows(cards: readonly DeckCard[], contents: QuizContents): PickerRow[] {
  const seen = new Set<string>();
  const rows: PickerRow[] = [];
  for (const card of cards) {
    if (card.kind !== "scenario") {
      rows.push({ kind: "card", cardId: card.id, front: card.front, askable: canAskCard(card), added: contents.cardIds.has(card.id) });
      continue;
    }
    const key = scenarioKey(card.front);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(scenarioRow(card, contents));
  }
  return rows;
}
