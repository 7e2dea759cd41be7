// collectUploads: what a browser upload (chosen files, a chosen or dropped folder, .zip archives)
// holds, as note files plus a problem for each file that cannot be imported. The same checks as
// the CLI's folder walk, over bytes the web route already has in memory.

import type { ImportProblem, NoteFile } from "../types.ts";
import { readNoteBytes } from "./bytes.ts";
import { checkRelativePath } from "./paths.ts";
import { archivePrefix, planVault, stripWrapperFolder, type SkippedPath } from "./vault.ts";
import { expandZip } from "./zip.ts";

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

export function collectUploads(uploads: readonly Upload[]): CollectedUploads {
  const result: CollectedUploads = { files: [], problems: [], skipped: [] };
  const bytesByPath = new Map<string, Uint8Array>();
  for (const upload of uploads) {
    const checked = checkRelativePath(upload.path);
    if (!checked.ok) result.problems.push({ file: upload.path, message: checked.message });
    else bytesByPath.set(checked.path, upload.bytes);
  }
  const plan = planVault([...bytesByPath.keys()], { archives: true });
  result.skipped.push(...plan.skipped);
  result.problems.push(...plan.problems);

  // The wrapper folder is judged over notes and archives together, so an archive inside a chosen
  // folder lands where it would when the CLI walks that folder.
  const stripped = stripWrapperFolder([...plan.notes, ...plan.archives]);
  const archives = new Set(plan.archives);
  for (const [path, original] of stripped) {
    if (archives.has(original)) continue;
    const read = readNoteBytes(path, bytesByPath.get(original)!);
    if (read.ok) result.files.push(read.file);
    else result.problems.push({ ...read.problem, file: original });
  }
  for (const [path, archive] of stripped) {
    if (!archives.has(archive)) continue;
    const expanded = expandZip(bytesByPath.get(archive)!, { name: archive });
    const prefix = archivePrefix(path);
    result.files.push(...expanded.files.map((f) => ({ ...f, path: prefix + f.path })));
    result.problems.push(...expanded.problems);
    result.skipped.push(...expanded.skipped.map((s) => ({ ...s, path: `${archive}/${s.path}` })));
  }
  return result;
}
