// Decides what an import does to the cards already stored, without touching the database:
// new keys are created, changed ones updated in place (their id, and so every learner's review
// history, stays), and cards whose block left an imported file are suspended, never deleted.
// A card the learner edited in the app keeps its text (see `keepEdit`).
import { createHash } from "node:crypto";
import { DECK_SEPARATOR, type CardDraft, type ReviewHistory } from "../notes/index.ts";
import { sameTags } from "./card-tags.ts";

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
  tags: string[];
  noteKey: string;
  sourceFile: string;
  sourceLine: number;
  deckPath: string;
  suspended: boolean;
  /**
   * Set once the learner edits the card in the app: importedTextHash of the text the last import
   * wrote. Null while the card holds the import's own text (and on cards stored before it existed).
   */
  importedHash: string | null;
}

export interface CardRowValues {
  key: string;
  kind: string;
  front: string;
  back: string;
  tags: string[];
  noteKey: string;
  sourceFile: string;
  sourceLine: number;
  deckPath: string;
  /** Null when the row takes the note's text; the note's hash when it keeps the learner's edit. */
  importedHash: string | null;
}

/**
 * A card the learner edited in the app whose note changed too: the learner's text stays (`values`
 * carry it, with the note's new hash and position), and the card is reported, never overwritten.
 */
export interface KeptEdit {
  id: string;
  deckPath: string;
  /** The front as the learner edited it. */
  front: string;
  values: CardRowValues;
}

export interface ImportPlan {
  create: CardRowValues[];
  update: Array<{ id: string; values: CardRowValues }>;
  suspend: Array<{ id: string; key: string; front: string }>;
  unchanged: number;
  keptEdits: KeptEdit[];
  /**
   * Review histories the notes carry, by card key (the first draft of a key, as for the rows).
   * The engine turns each into the importing learner's state when they have none for the card.
   */
  histories: Array<{ key: string; history: ReviewHistory }>;
  /** Deck paths the drafts need, in first-seen order. */
  deckPaths: string[];
}

/**
 * A fingerprint of a card's text as an import wrote it. Front and back are joined unambiguously
 * (JSON) so moving words from one face to the other changes it.
 */
export function importedTextHash(front: string, back: string): string {
  return createHash("sha256")
    .update(JSON.stringify([front, back]))
    .digest("base64url");
}

export function draftRowValues(draft: CardDraft): CardRowValues {
  return {
    key: draft.key,
    kind: draft.kind,
    front: draft.front,
    back: draft.back,
    tags: [...draft.tags],
    noteKey: draft.noteKey,
    sourceFile: draft.source.file,
    sourceLine: draft.source.line,
    deckPath: draft.deckPath.join(DECK_SEPARATOR),
    importedHash: null,
  };
}

function sameValues(stored: StoredCard, values: CardRowValues): boolean {
  return (
    stored.key === values.key &&
    stored.kind === values.kind &&
    stored.front === values.front &&
    stored.back === values.back &&
    sameTags(stored.tags, values.tags) &&
    stored.noteKey === values.noteKey &&
    stored.sourceFile === values.sourceFile &&
    stored.sourceLine === values.sourceLine &&
    stored.deckPath === values.deckPath &&
    stored.importedHash === values.importedHash &&
    !stored.suspended
  );
}

/**
 * The values to write over a stored card, keeping the learner's edit. A card carries an
 * importedHash only once the learner edited it (lib/db/cards.ts, updateOwnCard), so the common
 * case costs no hashing. An edited card keeps its front and back, while the note's key, deck,
 * position and tags still apply, and records the hash of the note's current text. `kept` is set
 * when the note's text changed since the last import as well: that is the conflict the learner is
 * told about, once. A note that now reads as the learner's edit takes the card back to unedited.
 */
export function keepEdit(stored: StoredCard, values: CardRowValues): { values: CardRowValues; kept: boolean } {
  if (stored.importedHash === null) return { values, kept: false };
  if (stored.front === values.front && stored.back === values.back) return { values, kept: false };
  if (importedTextHash(stored.front, stored.back) === stored.importedHash) return { values, kept: false };
  const noteHash = importedTextHash(values.front, values.back);
  return { values: { ...values, front: stored.front, back: stored.back, importedHash: noteHash }, kept: noteHash !== stored.importedHash };
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
  const plan: ImportPlan = { create: [], update: [], suspend: [], unchanged: 0, keptEdits: [], histories: [], deckPaths };
  const write = (card: StoredCard, draftValues: CardRowValues) => {
    const { values, kept } = keepEdit(card, draftValues);
    if (kept) plan.keptEdits.push({ id: card.id, deckPath: values.deckPath, front: card.front, values });
    else if (sameValues(card, values)) plan.unchanged += 1;
    else plan.update.push({ id: card.id, values });
  };

  for (const draft of drafts) {
    if (seen.has(draft.key)) continue; // a key appears once per scope; the first draft wins
    seen.add(draft.key);
    const values = draftRowValues(draft);
    if (!deckSeen.has(values.deckPath)) {
      deckSeen.add(values.deckPath);
      deckPaths.push(values.deckPath);
    }
    if (draft.history) plan.histories.push({ key: draft.key, history: draft.history });
    const existing = byKey.get(draft.key);
    if (!existing) plan.create.push(values);
    else write(existing, values);
  }
  const vanished = stored.filter((card) => files.has(card.sourceFile) && !seen.has(card.key) && !card.suspended);
  const edited = pairEditedCards(vanished, plan.create);
  plan.create = plan.create.filter((values) => !edited.has(values.key));
  const editedById = new Map([...edited.values()].map((pair) => [pair.id, pair.values]));
  for (const card of vanished) {
    const values = editedById.get(card.id);
    if (values) write(card, values);
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
