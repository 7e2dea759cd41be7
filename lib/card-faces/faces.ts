// The two faces of a stored card as HTML, whatever its kind: note cards render their markdown;
// scenario cards are answered by lib/scenarios (and so by lib/iam) at the moment they are shown.
import type { ActionCatalogue } from "../iam/summary/index.ts";
import { renderCardFaces, renderCardMarkdown } from "../notes/index.ts";
import { answerScenario, parseScenario, renderScenarioCard, scenarioCardRef, ScenarioError } from "../scenarios/index.ts";

export interface StoredCardText {
  id: string;
  kind: string;
  front: string;
  back: string;
}

export interface RenderedCardFaces {
  frontHtml: string;
  backHtml: string;
  /** Set when a scenario card could not be computed; the faces then say so. */
  problem?: string;
}

export interface CardFaceOptions {
  now: Date;
  /** Needed by scenario questions that summarise a policy ("what does this policy allow?"). */
  catalogue?: ActionCatalogue | undefined;
  /** The learner's IANA time zone: scenario cards show times in it (UTC when absent). */
  timeZone?: string | undefined;
}

export function renderStoredCardFaces(card: StoredCardText, options: CardFaceOptions): RenderedCardFaces {
  if (card.kind === "scenario") return scenarioFaces(card, options);
  const faces = renderCardFaces({ kind: card.kind === "cloze" ? "cloze" : "basic", front: card.front, back: card.back });
  return { frontHtml: faces.front, backHtml: faces.back };
}

function scenarioFaces(card: StoredCardText, options: CardFaceOptions): RenderedCardFaces {
  try {
    const scenario = parseScenario(card.front);
    // The card id seeds the simulation (credential ids and the like), so a card reads the same each time.
    const answered = answerScenario(scenario, {
      now: options.now,
      seed: card.id,
      ...(options.catalogue ? { catalogue: options.catalogue } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    const { front, back } = renderScenarioCard(answered, scenarioCardRef(card.back).question);
    return { frontHtml: renderCardMarkdown(front), backHtml: renderCardMarkdown(back) };
  } catch (error) {
    const problem = error instanceof ScenarioError ? error.describe() : (error as Error).message;
    const html = renderCardMarkdown(`This scenario could not be computed: ${problem}`);
    return { frontHtml: html, backHtml: html, problem };
  }
}
