import "server-only";
import type { CardDraft } from "../notes/index.ts";
import { databaseEngine } from "./engine/index.ts";
import { planImport, type ImportPlan, type ImportTarget } from "./import-plan.ts";

export type { ImportTarget };

/** What an import did, or would do, to the cards of its scope: the one shape for the web, the CLI and setup. */
export interface ImportCounts {
  created: number;
  updated: number;
  suspended: number;
  unchanged: number;
  /**
   * Cards the learner edited in the app whose note changed too: their edit was kept, not
   * overwritten (plan.keptEdits names them). Always set by this module; optional only so callers
   * that stand in for an import (tests of the CLI) need not spell it.
   */
  keptEdits?: number;
}

/** The counts of a plan, as every import path reports them. */
export function importCounts(plan: ImportPlan): ImportCounts {
  return {
    created: plan.create.length,
    updated: plan.update.length,
    suspended: plan.suspend.length,
    unchanged: plan.unchanged,
    keptEdits: plan.keptEdits.length,
  };
}

/** What importing these drafts would do, without writing anything. */
export async function previewCardImport(target: ImportTarget, drafts: CardDraft[], files: string[]) {
  const plan = planImport(await databaseEngine().bulkWrites.readStoredCards(target.scope), drafts, files);
  return { counts: importCounts(plan), plan };
}

/**
 * Creates, updates and suspends cards so the scope matches the drafts of `files`, all in one
 * transaction: a failure leaves what was stored before untouched. Review histories the drafts
 * carry become the owner's scheduling state for cards they have not studied here (the engine
 * does it in the same transaction; starter decks have no owner and take none).
 */
export async function applyCardImport(target: ImportTarget, drafts: CardDraft[], files: string[]): Promise<ImportCounts> {
  return importCounts(
    await databaseEngine().bulkWrites.importInTransaction(target, (stored) => planImport(stored, drafts, files), new Date()),
  );
}
