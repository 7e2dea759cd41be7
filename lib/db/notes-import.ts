import "server-only";
import { importPreview } from "../notes/index.ts";
import type { CardDraft, ImportProblem, NoteFile } from "../notes/types.ts";
import { scenarioDrafts } from "../scenarios/index.ts";
import { applyCardImport, type ImportCounts, type ImportTarget } from "./card-import.ts";
import { prisma } from "./client.ts";
import { STARTER_SCOPE } from "./library-scope.ts";

export interface NoteImportSummary extends ImportCounts {
  problems: ImportProblem[];
  files: number;
}

/**
 * Imports notes from the command line: into a user's library when `ownerEmail` is given, else into
 * the starter decks everyone studies. The CLI runs with the machine owner's authority, so it may
 * write the starter decks; the web app never calls this.
 */
export async function importNoteFiles(options: { ownerEmail?: string; files: NoteFile[]; deck?: string }): Promise<NoteImportSummary> {
  const target = await importTarget(options.ownerEmail);
  const preview = importPreview(options.files, options.deck ? { deck: options.deck } : {});
  const counts = await applyCardImport(target, preview.drafts, preview.importedFiles);
  return { ...counts, problems: preview.problems, files: preview.importedFiles.length };
}

/** Scenario files (YAML or JSON) as scenario cards, one per question; same targets as importNoteFiles. */
export async function importScenarioFiles(options: { ownerEmail?: string; files: NoteFile[] }): Promise<NoteImportSummary> {
  const target = await importTarget(options.ownerEmail);
  const drafts: CardDraft[] = [];
  const problems: ImportProblem[] = [];
  const imported: string[] = [];
  for (const file of options.files) {
    const result = scenarioDrafts(file);
    if (result.ok) {
      drafts.push(...result.drafts);
      imported.push(file.path);
    } else {
      problems.push(result.problem);
    }
  }
  const counts = await applyCardImport(target, drafts, imported);
  return { ...counts, problems, files: imported.length };
}

async function importTarget(ownerEmail: string | undefined): Promise<ImportTarget> {
  if (!ownerEmail) return { scope: STARTER_SCOPE, ownerId: null };
  const owner = await prisma.user.findUnique({ where: { email: ownerEmail.toLowerCase() }, select: { id: true } });
  if (!owner) throw new Error(`No account has the email ${ownerEmail}.`);
  return { scope: owner.id, ownerId: owner.id };
}
