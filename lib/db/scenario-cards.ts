import "server-only";
import { createHash } from "node:crypto";
import type { ImportProblem } from "../notes/types.ts";
import { scenarioDrafts } from "../scenarios/index.ts";
import type { ScenarioCardsSaved } from "../contracts/index.ts";
import { applyCardImport } from "./card-import.ts";
import type { SessionUser } from "./users.ts";

/** Saved, the result is the endpoint's answer as the playground reads it. */
export type SaveScenarioResult = ScenarioCardsSaved | { ok: false; problem: ImportProblem };

/**
 * Saves a scenario written in the playground as scenario cards in the learner's own library. The
 * file name is derived from the text, so saving the same scenario twice makes no second copy.
 */
export async function saveScenarioCards(user: SessionUser, scenarioText: string): Promise<SaveScenarioResult> {
  const digest = createHash("sha256").update(scenarioText).digest("hex").slice(0, 16);
  const file = { path: `playground/${digest}.json`, text: scenarioText };
  const result = scenarioDrafts(file);
  if (!result.ok) return { ok: false, problem: result.problem };
  const counts = await applyCardImport({ scope: user.id, ownerId: user.id }, result.drafts, [file.path]);
  return { ok: true, deckPath: result.drafts[0]?.deckPath ?? [], ...counts };
}
