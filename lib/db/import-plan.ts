// Decides what an import does to the cards already stored, without touching the database:
// new keys are created, changed ones updated in place (their id, and so every learner's review
// history, stays), and cards whose block left an imported file are suspended, never deleted.
import { DECK_SEPARATOR, type CardDraft } from "../notes/index.ts";

export interface ImportTarget {
  /** A user's id, or STARTER_SCOPE for the starter decks. */
  scope: string;
  ownerId: string | null;
}

/** A deck's own name: the last name of its path. */
export function deckName(path: string): string {
  return path.split(DECK_SEPARATOR).at(-1) ?? path;
}

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
    deckPath: draft.deckPath.join(DECK_SEPARATOR),
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
  const vanished = stored.filter((card) => files.has(card.sourceFile) && !seen.has(card.key) && !card.suspended);
  const edited = pairEditedCards(vanished, plan.create);
  plan.create = plan.create.filter((values) => !edited.has(values.key));
  const editedById = new Map([...edited.values()].map((pair) => [pair.id, pair.values]));
  for (const card of vanished) {
    const values = editedById.get(card.id);
    if (values) plan.update.push({ id: card.id, values });
    else plan.suspend.push({ id: card.id, key: card.key, front: card.front });
  }
  return plan;
}

/**
 * A card's key comes from its front (unless its block has an `id::`), so editing a question's
 * wording gives it a new key. Without this pairing the old card would be suspended and a new one
 * created, and the learner's history would stay behind on the suspended card. A vanished card and
 * a new draft of the same file and kind are taken for one card edited in place when they keep the
 * same answer, or else when they stand on the same line of the same deck. Each card pairs once.
 */
function pairEditedCards(vanished: StoredCard[], created: CardRowValues[]): Map<string, { id: string; values: CardRowValues }> {
  const pairs = new Map<string, { id: string; values: CardRowValues }>();
  const taken = new Set<string>();
  // Candidates are looked up per file, so a large import costs what its edited files hold.
  const createdByFile = new Map<string, CardRowValues[]>();
  for (const draft of created) {
    const list = createdByFile.get(draft.sourceFile);
    if (list) list.push(draft);
    else createdByFile.set(draft.sourceFile, [draft]);
  }
  const rules: Array<(card: StoredCard, draft: CardRowValues) => boolean> = [
    (card, draft) => card.back === draft.back && card.back.trim() !== "",
    (card, draft) => card.sourceLine === draft.sourceLine && card.deckPath === draft.deckPath,
  ];
  for (const rule of rules) {
    for (const card of vanished) {
      if (taken.has(card.id)) continue;
      const draft = createdByFile.get(card.sourceFile)?.find((d) => !pairs.has(d.key) && d.kind === card.kind && rule(card, d));
      if (!draft) continue;
      pairs.set(draft.key, { id: card.id, values: draft });
      taken.add(card.id);
    }
  }
  return pairs;
}
