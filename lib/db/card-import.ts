import "server-only";
import type { CardDraft } from "../notes/types.ts";
import { planImport, type ImportPlan } from "./import-plan.ts";
import { importInTransaction, readStoredCards } from "./sqlite/bulk-import.ts";

export interface ImportCounts {
  created: number;
  updated: number;
  suspended: number;
  unchanged: number;
}

export interface ImportTarget {
  /** A user's id, or STARTER_SCOPE for the starter decks. */
  scope: string;
  ownerId: string | null;
}

function counts(plan: ImportPlan): ImportCounts {
  return { created: plan.create.length, updated: plan.update.length, suspended: plan.suspend.length, unchanged: plan.unchanged };
}

/** What importing these drafts would do, without writing anything. */
export async function previewCardImport(target: ImportTarget, drafts: CardDraft[], files: string[]) {
  const plan = planImport(await readStoredCards(target.scope), drafts, files);
  return { counts: counts(plan), plan };
}

/**
 * Creates, updates and suspends cards so the scope matches the drafts of `files`, all in one
 * transaction: a failure leaves what was stored before untouched.
 */
export async function applyCardImport(target: ImportTarget, drafts: CardDraft[], files: string[]): Promise<ImportCounts> {
  return counts(await importInTransaction(target, (stored) => planImport(stored, drafts, files), new Date()));
}
