// collectUploads: what a browser upload (chosen files, a chosen or dropped folder, .zip archives)
// holds, as note files plus a problem for each file that cannot be imported. The same checks as
// the CLI's folder walk, over bytes the web route already has in memory.
//
// The whole upload shares one ExpansionBudget: every loose file and every archive's directory is
// charged before any archive is inflated, so many small archives cannot add up to a bomb. Over the
// budget throws ImportTooLarge and nothing is imported.

import type { ImportProblem, NoteFile } from "../types.ts";
import { ExpansionBudget, type ImportLimits } from "./budget.ts";
import { readNoteBytes } from "./bytes.ts";
import { checkRelativePath } from "./paths.ts";
import { archivePrefix, planVault, stripWrapperFolder, type SkippedPath } from "./vault.ts";
import { inflateZip, openZip, type OpenedZip } from "./zip.ts";

export interface Upload {
  /** The file's path as the browser gives it (webkitRelativePath, or just its name). */
  path: string;
  bytes: Uint8Array;
}

export interface CollectedUploads {
  files: NoteFile[];
  problems: ImportProblem[];
  skipped: SkippedPath[];
}

export function collectUploads(uploads: readonly Upload[], limits: Partial<ImportLimits> = {}): CollectedUploads {
  const result: CollectedUploads = { files: [], problems: [], skipped: [] };
  const budget = new ExpansionBudget(limits);
  const bytesByPath = new Map<string, Uint8Array>();
  for (const upload of uploads) {
    const checked = checkRelativePath(upload.path);
    if (!checked.ok) result.problems.push({ file: upload.path, message: checked.message });
    else bytesByPath.set(checked.path, upload.bytes);
  }
  const plan = planVault([...bytesByPath.keys()], { archives: true });
  const archives = new Set(plan.archives);
  // Loose files count as they are: one entry and their own size, whatever becomes of them. An
  // archive counts what its directory lists instead.
  for (const [path, bytes] of bytesByPath) if (!archives.has(path)) budget.declare(1, bytes.length);
  result.skipped.push(...plan.skipped);
  result.problems.push(...plan.problems);

  // The wrapper folder is judged over notes and archives together, so an archive inside a chosen
  // folder lands where it would when the CLI walks that folder.
  const stripped = stripWrapperFolder([...plan.notes, ...plan.archives]);

  // Every directory is read and charged before anything is inflated.
  const opened: Array<{ prefix: string; zip: OpenedZip }> = [];
  for (const [path, archive] of stripped) {
    if (!archives.has(archive)) continue;
    const opening = openZip(bytesByPath.get(archive)!, archive, budget.entriesLeft);
    if (!opening.ok) {
      result.problems.push(opening.problem);
      continue;
    }
    budget.declare(opening.zip.listed, opening.zip.declaredBytes);
    opened.push({ prefix: archivePrefix(path), zip: opening.zip });
  }
  budget.check();

  for (const [path, original] of stripped) {
    if (archives.has(original)) continue;
    budget.spend(bytesByPath.get(original)!.length);
    const read = readNoteBytes(path, bytesByPath.get(original)!);
    if (read.ok) result.files.push(read.file);
    else result.problems.push({ ...read.problem, file: original });
  }
  for (const { prefix, zip } of opened) {
    const expanded = inflateZip(zip, budget);
    result.files.push(...expanded.files.map((f) => ({ ...f, path: prefix + f.path })));
    result.problems.push(...expanded.problems);
    result.skipped.push(...expanded.skipped.map((s) => ({ ...s, path: `${zip.name}/${s.path}` })));
  }
  return result;
}
