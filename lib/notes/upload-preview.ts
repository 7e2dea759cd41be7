// previewUpload: the whole CPU-heavy part of a web import (collect the uploaded files, expand
// archives within one budget, parse and extract cards), as one pure function over bytes. The web
// route runs it in a worker thread (lib/notes/worker); tests and scripts may call it directly.

import type { ImportLimits } from "./input/budget.ts";
import { collectUploads, type Upload } from "./input/uploads.ts";
import { importPreview } from "./preview.ts";
import type { CardDraft, ImportProblem } from "./types.ts";

export interface UploadPreview {
  drafts: CardDraft[];
  /** Paths whose cards are all in `drafts` (see ImportPreview.importedFiles). */
  importedFiles: string[];
  /** Upload problems (paths, archives, encodings) first, then parse problems. */
  problems: ImportProblem[];
}

/** Throws ImportTooLarge when the upload is over the import budget; nothing is read then. */
export function previewUpload(uploads: readonly Upload[], limits: Partial<ImportLimits> = {}): UploadPreview {
  const collected = collectUploads(uploads, limits);
  const preview = importPreview(collected.files);
  return {
    drafts: preview.drafts,
    importedFiles: preview.importedFiles,
    problems: [...collected.problems, ...preview.problems],
  };
}
