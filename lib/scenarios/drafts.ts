// Scenario files as card drafts: one card per question, stored with the scenario's own text so the
// answer is computed again every time the card is shown (an edited policy changes the answer).
import type { CardDraft, ImportProblem, NoteFile } from "../notes/types.ts";
import { ScenarioError } from "./errors.ts";
import { parseScenario } from "./parse.ts";

/** What a scenario card's `back` column holds: which of the scenario's questions it asks. */
export interface ScenarioCardRef {
  question: number;
}

export function scenarioCardRef(back: string): ScenarioCardRef {
  try {
    const parsed = JSON.parse(back) as Partial<ScenarioCardRef>;
    return { question: Number.isInteger(parsed.question) ? Number(parsed.question) : 0 };
  } catch {
    return { question: 0 };
  }
}

export type ScenarioDraftsResult = { ok: true; drafts: CardDraft[] } | { ok: false; problem: ImportProblem };

export function scenarioDrafts(file: NoteFile): ScenarioDraftsResult {
  let scenario;
  try {
    scenario = parseScenario(file.text);
  } catch (error) {
    if (error instanceof ScenarioError) {
      const line = /^line (\d+)/.exec(error.where.path ?? "")?.[1];
      return { ok: false, problem: { file: file.path, ...(line ? { line: Number(line) } : {}), message: error.describe() } };
    }
    throw error;
  }
  const { document } = scenario;
  const noteKey = `scenario:${file.path}`;
  const drafts = document.questions.map((_, question): CardDraft => ({
    key: `${noteKey}#${question}`,
    kind: "scenario",
    deckPath: [...document.deck],
    front: file.text,
    back: JSON.stringify({ question } satisfies ScenarioCardRef),
    tags: ["scenario"],
    source: { file: file.path, line: 1 },
    noteKey,
  }));
  return { ok: true, drafts };
}
