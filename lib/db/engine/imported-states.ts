// The scheduling states an import gives its owner from the review histories their notes carry
// (lib/srs/imported-history.ts, docs/scheduling.md). Shared by every engine's bulk import, which
// calls it inside its transaction with the owner's stored settings (the Json column's value).
import { parseSettings, stateFromHistory, type SchedulingState } from "../../srs/index.ts";
import type { ImportPlan } from "../import-plan.ts";

export interface ImportedState {
  key: string;
  state: SchedulingState;
}

/** The usable histories of a plan as states; histories that cannot be used leave their card new. */
export function importedStates(histories: ImportPlan["histories"], storedSettings: unknown, now: Date): ImportedState[] {
  if (histories.length === 0) return [];
  const parameters = ownParameters(storedSettings);
  const states: ImportedState[] = [];
  for (const { key, history } of histories) {
    const state = stateFromHistory(history, now, { parameters });
    if (state) states.push({ key, state });
  }
  return states;
}

/** The learner's optimized FSRS parameters, if any; settings that do not parse mean the defaults, as at review time. */
function ownParameters(stored: unknown): readonly number[] | undefined {
  const parsed = parseSettings(stored);
  return parsed.ok ? parsed.value.parameters : undefined;
}
