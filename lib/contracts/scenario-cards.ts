// POST /api/scenario-cards, the playground's "Make a scenario card": the body the route validates
// and the answers the button reads, in one module so the two cannot drift apart.
import { z } from "zod";

/** The playground's state as a scenario document (see buildScenario); the route checks it fully. */
export const ScenarioCardRequestSchema = z.object({ scenario: z.record(z.string(), z.unknown()) });
export type ScenarioCardRequest = z.input<typeof ScenarioCardRequestSchema>;

/**
 * The cards were saved (201) or were already there (200, `created` 0): one card per question of
 * the scenario, in `deckPath`, counted as a notes import counts them.
 */
export interface ScenarioCardsSaved {
  ok: true;
  deckPath: string[];
  created: number;
  updated: number;
  suspended: number;
  unchanged: number;
}

/** Any refusal: a message for a person and a stable code to branch on (401 means signed out). */
export interface ScenarioCardsRefused {
  error: string;
  code?: string;
}

export type ScenarioCardResponse = ScenarioCardsSaved | ScenarioCardsRefused;
