// Decides what an import does to the cards already stored, without touching the database:
// new keys are created, changed ones updated in place (their id, and so every learner's review
// history, stays), and cards whose block left an imported file are suspended, never deleted.
import type { CardDraft } from "../notes/types.ts";

export const DECK_PATH_SEPARATOR = " › ";

export interface StoredCard {
  id: string;
  key: string;
  kind: string;
  front: string;
  back: string;
  tags: string;
  noteKey: string;
  sourceFile: string;
  sourceLine: number;
  deckPath: string;
  suspended: boolean;
}

export interface CardRowValues {
  key: string;
  kind: string;
  front: string;
  back: string;
  tags: string;
  noteKey: string;
  sourceFile: string;
  sourceLine: number;
  deckPath: string;
}

export interface ImportPlan {
  create: CardRowValues[];
  update: Array<{ id: string; values: CardRowValues }>;
  suspend: Array<{ id: string; key: string; front: string }>;
  unchanged: number;
  /** Deck paths the drafts need, in first-seen order. */
  deckPaths: string[];
}

export function draftRowValues(draft: CardDraft): CardRowValues {
  return {
    key: draft.key,
    kind: draft.kind,
    front: draft.front,
    back: draft.back,
    tags: JSON.stringify(draft.tags),
    noteKey: draft.noteKey,
    sourceFile: draft.source.file,
    sourceLine: draft.source.line,
    deckPath: draft.deckPath.join(DECK_PATH_SEPARATOR),
  };
}

function sameValues(stored: StoredCard, values: CardRowValues): boolean {
  return (
    stored.kind === values.kind &&
    stored.front === values.front &&
    stored.back === values.back &&
    stored.tags === values.tags &&
    stored.noteKey === values.noteKey &&
    stored.sourceFile === values.sourceFile &&
    stored.sourceLine === values.sourceLine &&
    stored.deckPath === values.deckPath &&
    !stored.suspended
  );
}

/**
 * `stored` must hold every card of the scope whose key is among the drafts' keys or whose source
 * file is among `importedFiles`; cards of other files are never suspended by this import.
 */
export function planImport(stored: StoredCard[], drafts: CardDraft[], importedFiles: string[]): ImportPlan {
  const byKey = new Map(stored.map((c) => [c.key, c]));
  const files = new Set(importedFiles);
  const seen = new Set<string>();
  const deckPaths: string[] = [];
  const deckSeen = new Set<string>();
  const plan: ImportPlan = { create: [], update: [], suspend: [], unchanged: 0, deckPaths };

  for (const draft of drafts) {
    if (seen.has(draft.key)) continue; // a key appears once per scope; the first draft wins
    seen.add(draft.key);
    const values = draftRowValues(draft);
    if (!deckSeen.has(values.deckPath)) {
      deckSeen.add(values.deckPath);
      deckPaths.push(values.deckPath);
    }
    const existing = byKey.get(draft.key);
    if (!existing) plan.create.push(values);
    else if (sameValues(existing, values)) plan.unchanged += 1;
    else plan.update.push({ id: existing.id, values });
  }
  for (const card of stored) {
    if (files.has(card.sourceFile) && !seen.has(card.key) && !card.suspended) {
      plan.suspend.push({ id: card.id, key: card.key, front: card.front });
    }
  }
  return plan;
}
