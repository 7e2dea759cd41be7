import "server-only";
import type { UploadPreview } from "../notes/index.ts";
import type { ImportProblem } from "../notes/types.ts";
import { importCounts, type ImportCounts } from "./card-import.ts";
import { databaseEngine } from "./engine/index.ts";
import { planImport, type ImportPlan } from "./import-plan.ts";
import { buildImportReview, type ImportReview } from "./import-review.ts";
import { EVERYTHING, withoutUntickedCards, withoutUntickedFiles, type ImportSelection } from "./import-selection.ts";
import { starterRepeats, type StarterRepeats } from "./starter-repeats.ts";
import type { SessionUser } from "./users.ts";

export type { CardAction, ImportReview, PreviewCard, PreviewFile, RenderedFaces } from "./import-review.ts";
export type { ImportSelection } from "./import-selection.ts";

/** Cards of each kind listed in a preview's samples (the counts count them all). */
export const SAMPLE_LIMIT = 200;
/** Problems listed in one answer; an upload of 20,000 broken files is told how many more there were. */
const LISTED_PROBLEMS = 2_000;

export interface WebImportResult {
  applied: boolean;
  files: number;
  counts: ImportCounts;
  decks: string[];
  samples: {
    create: Array<{ deckPath: string; front: string }>;
    update: Array<{ deckPath: string; front: string }>;
    suspend: Array<{ front: string }>;
  };
  problems: ImportProblem[];
  /** Problems past the listing limit, counted. */
  unlistedProblems: number;
  /** Cards edited in the app whose note changed too: the learner's edit is kept (counts.keptEdits counts them all). */
  keptEdits: Array<{ deckPath: string; front: string }>;
  /** The preview's detail, note by note (cards with faces, skipped blocks, notices); only in a preview. */
  review?: ImportReview;
  /** What the learner unticked and so left untouched; only once applied. */
  leftOut?: { files: number; cards: number };
  /** Decks and cards of the upload that repeat the starter decks; null when none do. */
  starterRepeats: StarterRepeats | null;
}

export function keptEditsOf(plan: ImportPlan): WebImportResult["keptEdits"] {
  return plan.keptEdits.slice(0, SAMPLE_LIMIT).map((k) => ({ deckPath: k.deckPath, front: k.front }));
}

/** The first cards an import would create, update and suspend, for its preview (every import kind shows them alike). */
export function planSamples(plan: ImportPlan): WebImportResult["samples"] {
  return {
    create: plan.create.slice(0, SAMPLE_LIMIT).map((c) => ({ deckPath: c.deckPath, front: c.front })),
    update: plan.update.slice(0, SAMPLE_LIMIT).map((u) => ({ deckPath: u.values.deckPath, front: u.values.front })),
    suspend: plan.suspend.slice(0, SAMPLE_LIMIT).map((s) => ({ front: s.front })),
  };
}

/**
 * Previews or applies an upload into the user's own library (never the starter decks). Files with
 * a problem are left out whole, and listed; the good ones go through. The upload was already read
 * and parsed (off the event loop, see lib/notes/worker); this is the database half. On applying,
 * the notes and cards the learner unticked in the preview are left out: their stored cards are
 * neither updated nor suspended.
 */
export async function importIntoLibrary(
  user: SessionUser,
  preview: UploadPreview,
  mode: "preview" | "apply",
  selection: ImportSelection = EVERYTHING,
): Promise<WebImportResult> {
  const target = { scope: user.id, ownerId: user.id };
  const problems = preview.problems;
  // A preview shows everything; the selection is made in it and applies only on confirming.
  const chosen = mode === "apply" ? selection : EVERYTHING;
  const { drafts, files: goodFiles } = withoutUntickedFiles(preview.drafts, preview.importedFiles, chosen);
  const untickedKeys = chosen.untickedKeys;
  const makePlan = (stored: Parameters<typeof planImport>[0]) =>
    withoutUntickedCards(planImport(stored, drafts, goodFiles), drafts, untickedKeys);

  const engine = databaseEngine().bulkWrites;
  const stored = await engine.readStoredCards(target.scope);
  const plan = makePlan(stored);
  const result: WebImportResult = {
    applied: false,
    files: goodFiles.length,
    counts: importCounts(plan),
    decks: plan.deckPaths,
    samples: planSamples(plan),
    problems: problems.slice(0, LISTED_PROBLEMS),
    unlistedProblems: Math.max(0, problems.length - LISTED_PROBLEMS),
    keptEdits: keptEditsOf(plan),
    starterRepeats: await starterRepeats(drafts),
  };
  if (mode === "preview") {
    if (preview.review) result.review = buildImportReview({ drafts, files: goodFiles, plan, stored, review: preview.review });
    return result;
  }
  // Planned again inside the write transaction, from the rows as they are then.
  const applied = await engine.importInTransaction(target, makePlan, new Date());
  const ticked = new Set(goodFiles);
  const known = new Set([...drafts.map((d) => d.key), ...stored.filter((c) => ticked.has(c.sourceFile)).map((c) => c.key)]);
  const leftOut = {
    files: preview.importedFiles.length - goodFiles.length,
    cards: [...untickedKeys].filter((key) => known.has(key)).length,
  };
  return { ...result, applied: true, counts: importCounts(applied), keptEdits: keptEditsOf(applied), leftOut };
}
