// What the learner left out when confirming an import preview: whole notes, and single cards. A
// left-out note goes nowhere near the plan (as a note with a problem would not); a left-out card
// is taken out of the plan the preview showed, so whatever it would have done to a stored card
// (update, suspend, take over a reworded card's id, carry a history in, move a card whose edit is
// kept) is not done, and that card stays as it is.
import { DECK_SEPARATOR, type CardDraft } from "../notes/index.ts";
import type { ImportPlan } from "./import-plan.ts";

export interface ImportSelection {
  /** Keys of the cards the learner unticked: drafts' keys, or stored keys of cards to be suspended. */
  untickedKeys: ReadonlySet<string>;
  /** Paths of the notes the learner unticked. */
  untickedFiles: ReadonlySet<string>;
}

export const EVERYTHING: ImportSelection = { untickedKeys: new Set(), untickedFiles: new Set() };

/** The drafts and files of the notes still ticked. */
export function withoutUntickedFiles(
  drafts: readonly CardDraft[],
  files: readonly string[],
  selection: ImportSelection,
): { drafts: CardDraft[]; files: string[] } {
  if (selection.untickedFiles.size === 0) return { drafts: [...drafts], files: [...files] };
  return {
    drafts: drafts.filter((d) => !selection.untickedFiles.has(d.source.file)),
    files: files.filter((f) => !selection.untickedFiles.has(f)),
  };
}

/**
 * The plan without the unticked cards. `drafts` are the ones the plan was made from; they tell
 * which unticked keys were counted as unchanged, and which decks are still needed.
 */
export function withoutUntickedCards(plan: ImportPlan, drafts: readonly CardDraft[], untickedKeys: ReadonlySet<string>): ImportPlan {
  if (untickedKeys.size === 0) return plan;
  const create = plan.create.filter((c) => !untickedKeys.has(c.key));
  const update = plan.update.filter((u) => !untickedKeys.has(u.values.key));
  const suspend = plan.suspend.filter((s) => !untickedKeys.has(s.key));
  const keptEdits = plan.keptEdits.filter((k) => !untickedKeys.has(k.values.key));
  const histories = plan.histories.filter((h) => !untickedKeys.has(h.key));
  const changed = new Set([
    ...plan.create.map((c) => c.key),
    ...plan.update.map((u) => u.values.key),
    ...plan.keptEdits.map((k) => k.values.key),
  ]);
  const seen = new Set<string>();
  let unchanged = plan.unchanged;
  const deckSeen = new Set<string>();
  for (const draft of drafts) {
    // planImport uses the first draft of a key; the later ones were never counted.
    if (seen.has(draft.key)) continue;
    seen.add(draft.key);
    if (untickedKeys.has(draft.key)) {
      if (!changed.has(draft.key)) unchanged -= 1;
      continue;
    }
    deckSeen.add(draft.deckPath.join(DECK_SEPARATOR));
  }
  // Keep planImport's deck order and drop only the decks no ticked card needs.
  return {
    ...plan,
    create,
    update,
    suspend,
    unchanged,
    keptEdits,
    histories,
    deckPaths: plan.deckPaths.filter((p) => deckSeen.has(p)),
  };
}
