// Files a learner chose or dropped in the browser (single notes, a whole folder, or .zip archives)
// turned into notes. Every path is untrusted; a bad file is reported and left out alone.
import type { ImportProblem, NoteFile } from "../types.ts";
import { readNoteBytes } from "./bytes.ts";
import { checkRelativePath } from "./paths.ts";
import { planVault } from "./vault.ts";
import { expandZip } from "./zip.ts";

export interface Upload {
  /** The path the browser gave: a file name, or a path inside the chosen folder. */
  path: string;
  bytes: Uint8Array;
}

export interface CollectedUploads {
  files: NoteFile[];
  problems: ImportProblem[];
}

export function collectUploads(uploads: readonly Upload[]): CollectedUploads {
  const result: CollectedUploads = { files: [], problems: [] };
  const byPath = new Map<string, Uint8Array>();
  for (const upload of uploads) {
    const checked = checkRelativePath(upload.path);
    if (!checked.ok) result.problems.push({ file: upload.path, message: checked.message });
    else byPath.set(checked.path, upload.bytes);
  }
  const plan = planVault([...byPath.keys()], { archives: true });
  result.problems.push(...plan.problems);
  for (const path of plan.notes) {
    const read = readNoteBytes(path, byPath.get(path) ?? new Uint8Array());
    if (read.ok) result.files.push(read.file);
    else result.problems.push(read.problem);
  }
  for (const path of plan.archives) {
    const expanded = expandZip(byPath.get(path) ?? new Uint8Array(), { name: path });
    // Paths inside an archive are taken relative to the vault, as if the folder itself had been
    // chosen, so uploading a vault zipped or unzipped gives its cards the same keys.
    result.files.push(...expanded.files);
    result.problems.push(...expanded.problems);
  }
  return result;
}
