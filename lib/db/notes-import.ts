import "server-only";
import { importPreview } from "../notes/index.ts";
import type { ImportProblem, NoteFile } from "../notes/types.ts";
import { applyCardImport, type ImportCounts } from "./card-import.ts";
import { prisma } from "./client.ts";
import { STARTER_SCOPE } from "./scope.ts";

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
  let target = { scope: STARTER_SCOPE, ownerId: null as string | null };
  if (options.ownerEmail) {
    const owner = await prisma.user.findUnique({ where: { email: options.ownerEmail.toLowerCase() }, select: { id: true } });
    if (!owner) throw new Error(`No account has the email ${options.ownerEmail}.`);
    target = { scope: owner.id, ownerId: owner.id };
  }
  const preview = importPreview(options.files, options.deck ? { deck: options.deck } : {});
  const counts = await applyCardImport(target, preview.drafts, preview.importedFiles);
  return { ...counts, problems: preview.problems, files: preview.importedFiles.length };
}

/** True when no deck exists yet: a new installation, which gets the starter decks. */
export async function databaseHasNoDecks(): Promise<boolean> {
  return (await prisma.deck.count()) === 0;
}
