// The import preview the learner checks before confirming: note by note, each card with what the
// import will do to it and its faces as the review screen renders them, then the blocks that were
// skipped and the notices. Faces were rendered with the parse, off the event loop; this only joins
// them to the plan, and bounds what is listed.
import { MAX_UNTICKED_CARDS } from "../contracts/index.ts";
import {
  DECK_SEPARATOR,
  oneLine,
  shorten,
  type CardDraft,
  type ImportProblem,
  type SkippedBlock,
  type UploadPreview,
} from "../notes/index.ts";
import type { ImportPlan, StoredCard } from "./import-plan.ts";

type UploadReview = NonNullable<UploadPreview["review"]>;
export type RenderedFaces = UploadReview["faces"][number];

/**
 * What confirming does to one card: `keepEdit` is a card the learner edited in the app whose note
 * changed too (their text stays); `suspend` is a stored card whose block left the note.
 */
export type CardAction = "create" | "update" | "unchanged" | "keepEdit" | "suspend";

export interface PreviewCard {
  key: string;
  kind: string;
  deckPath: string;
  line: number;
  action: CardAction;
  /** The front's markdown on one line, shortened: all a card without rendered faces shows. */
  front: string;
  faces?: RenderedFaces;
}

export interface PreviewFile {
  path: string;
  /** In document order; the cards to be suspended last. */
  cards: PreviewCard[];
  /** What confirming does to this note's cards, every card counted, listed or not. */
  counts: Record<CardAction, number>;
  /** Cards of this note past the listing limit: they cannot be unticked one by one. */
  unlisted: number;
  skippedBlocks: SkippedBlock[];
  notices: ImportProblem[];
}

export interface ImportReview {
  files: PreviewFile[];
  /** Listed cards whose faces were not rendered (past the rendering limits): their front shows as text. */
  unrendered: number;
  /** Past the listing limits, counted. */
  unlisted: { cards: number; skippedBlocks: number; notices: number };
}

/** Cards listed in one preview, all notes together; each listed card can be unticked. */
export const LISTED_CARDS = MAX_UNTICKED_CARDS;
const FRONT_CHARS = 200;
const DECK_CHARS = 200;

export interface ReviewInput {
  drafts: readonly CardDraft[];
  /** The notes imported, in upload order. */
  files: readonly string[];
  plan: ImportPlan;
  /** The scope's cards the plan was made from (to name and place the cards to be suspended). */
  stored: readonly StoredCard[];
  /** From the worker: faces of the first drafts, skipped blocks and notices. */
  review: UploadReview;
  listedCards?: number;
}

export function buildImportReview(input: ReviewInput): ImportReview {
  const listedCards = input.listedCards ?? LISTED_CARDS;
  const { plan, review } = input;
  const groups = new Map<string, PreviewFile>();
  const group = (path: string): PreviewFile => {
    let file = groups.get(path);
    if (!file) {
      file = {
        path,
        cards: [],
        counts: { create: 0, update: 0, unchanged: 0, keepEdit: 0, suspend: 0 },
        unlisted: 0,
        skippedBlocks: [],
        notices: [],
      };
      groups.set(path, file);
    }
    return file;
  };
  for (const path of input.files) group(path);

  let listed = 0;
  let unlisted = 0;
  let unrendered = 0;
  const add = (path: string, card: PreviewCard) => {
    const file = group(path);
    file.counts[card.action] += 1;
    if (listed >= listedCards) {
      file.unlisted += 1;
      unlisted += 1;
      return;
    }
    listed += 1;
    // A card to be suspended is stored, not drafted: it is named by its front, never rendered.
    if (!card.faces && card.action !== "suspend") unrendered += 1;
    file.cards.push(card);
  };

  const created = new Set(plan.create.map((c) => c.key));
  const updated = new Set(plan.update.map((u) => u.values.key));
  const kept = new Set(plan.keptEdits.map((k) => k.values.key));
  const seen = new Set<string>();
  input.drafts.forEach((draft, i) => {
    if (seen.has(draft.key)) return; // the plan takes the first draft of a key
    seen.add(draft.key);
    const action: CardAction = created.has(draft.key)
      ? "create"
      : updated.has(draft.key)
        ? "update"
        : kept.has(draft.key)
          ? "keepEdit"
          : "unchanged";
    const faces = review.faces[i];
    add(draft.source.file, {
      key: draft.key,
      kind: draft.kind,
      deckPath: shorten(draft.deckPath.join(DECK_SEPARATOR), DECK_CHARS),
      line: draft.source.line,
      action,
      front: oneLine(draft.front, FRONT_CHARS),
      ...(faces ? { faces } : {}),
    });
  });

  const storedById = new Map(input.stored.map((card) => [card.id, card]));
  const suspended = plan.suspend
    .map((s) => storedById.get(s.id))
    .filter((card): card is StoredCard => card !== undefined)
    .sort((a, b) => a.sourceLine - b.sourceLine);
  for (const card of suspended) {
    add(card.sourceFile, {
      key: card.key,
      kind: card.kind,
      deckPath: shorten(card.deckPath, DECK_CHARS),
      line: card.sourceLine,
      action: "suspend",
      front: oneLine(card.front, FRONT_CHARS),
    });
  }

  for (const block of review.skippedBlocks) group(block.file).skippedBlocks.push(block);
  for (const notice of review.notices) group(notice.file).notices.push(notice);
  return {
    files: [...groups.values()],
    unrendered,
    unlisted: { cards: unlisted, ...review.unlisted },
  };
}
