import "server-only";
import type { UploadPreview } from "../notes/index.ts";
import type { ImportProblem } from "../notes/types.ts";
import { applyCardImport, previewCardImport, type ImportCounts } from "./card-import.ts";
import type { SessionUser } from "./users.ts";

const SAMPLE_LIMIT = 200;

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
}

/**
 * Previews or applies an upload into the user's own library (never the starter decks). Files with
 * a problem are left out whole, and listed; the good ones go through. The upload was already read
 * and parsed (off the event loop, see lib/notes/worker); this is the database half.
 */
export async function importIntoLibrary(user: SessionUser, preview: UploadPreview, mode: "preview" | "apply"): Promise<WebImportResult> {
  const target = { scope: user.id, ownerId: user.id };
  const problems = preview.problems;
  const goodFiles = preview.importedFiles;
  const drafts = preview.drafts;
  const { counts, plan } = await previewCardImport(target, drafts, goodFiles);
  const result: WebImportResult = {
    applied: false,
    files: goodFiles.length,
    counts,
    decks: plan.deckPaths,
    samples: {
      create: plan.create.slice(0, SAMPLE_LIMIT).map((c) => ({ deckPath: c.deckPath, front: c.front })),
      update: plan.update.slice(0, SAMPLE_LIMIT).map((u) => ({ deckPath: u.values.deckPath, front: u.values.front })),
      suspend: plan.suspend.slice(0, SAMPLE_LIMIT).map((s) => ({ front: s.front })),
    },
    problems,
  };
  if (mode === "preview") return result;
  const applied = await applyCardImport(target, drafts, goodFiles);
  return { ...result, applied: true, counts: applied };
}
