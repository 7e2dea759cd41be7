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
}

function counts(plan: ImportPlan): ImportCounts {
  return { created: plan.create.length, updated: plan.update.length, suspended: plan.suspend.length, unchanged: plan.unchanged };
}

/** What importing these drafts would do, without writing anything. */
export async function previewCardImport(target: ImportTarget, drafts: CardDraft[], files: string[]) {
  const plan = planImport(await databaseEngine().bulkWrites.readStoredCards(target.scope), drafts, files);
  return { counts: counts(plan), plan };
}

/**
 * Creates, updates and suspends cards so the scope matches the drafts of `files`, all in one
 * transaction: a failure leaves what was stored before untouched.
 */
export async function applyCardImport(target: ImportTarget, drafts: CardDraft[], files: string[]): Promise<ImportCounts> {
  return counts(await databaseEngine().bulkWrites.importInTransaction(target, (stored) => planImport(stored, drafts, files), new Date()));
}
