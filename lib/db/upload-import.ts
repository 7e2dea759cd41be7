// An upload to the import page, from the multipart form to the outcome: the form read and checked,
// then an Anki package or table (upload-anki.ts) or notes read in a worker and previewed or applied.
// The import route runs a preview in the request; an apply runs as a job (upload-runs.ts) over the
// same form, kept as it arrived, so both go through this one path.
import "server-only";
import { UploadFormSchema, type UploadMode } from "../contracts/index.ts";
import { firstIssueMessage } from "../errors/index.ts";
import { previewUploadInWorker } from "../notes/worker/index.ts";
import type { ImportSelection } from "./import-selection.ts";
import { ankiImport } from "./upload-anki.ts";
import { refused, type UploadOutcome } from "./upload-outcome.ts";
import type { SessionUser } from "./users.ts";
import { importIntoLibrary } from "./web-import.ts";

export interface UploadForm {
  mode: UploadMode;
  files: File[];
  /** One per file, in the same order; empty means the file's own name. */
  paths: string[];
  selection: ImportSelection;
  /** The roles the learner gave a text table's columns, unchecked until the upload is known to be a table. */
  columns: unknown[];
}

export type UploadFormRead = { ok: true; form: UploadForm } | { ok: false; refusal: UploadOutcome };

/** Reads and checks the form the import page sends (lib/contracts/upload.ts). */
export async function readUploadForm(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<UploadFormRead> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return { ok: false, refusal: refused("invalid", "The upload could not be read as a form.") };
  }
  const parsed = UploadFormSchema.safeParse({
    mode: form.get("mode"),
    files: form.getAll("file"),
    paths: form.getAll("path"),
    untickedKeys: form.getAll("untickedKey"),
    untickedFiles: form.getAll("untickedFile"),
  });
  if (!parsed.success) return { ok: false, refusal: refused("invalid", firstIssueMessage(parsed.error, "form")) };
  const { mode, files, paths, untickedKeys, untickedFiles } = parsed.data;
  const selection = { untickedKeys: new Set(untickedKeys), untickedFiles: new Set(untickedFiles) };
  return { ok: true, form: { mode, files, paths, selection, columns: form.getAll("column") } };
}

/**
 * Previews or applies the form's upload into the learner's library. Domain errors and passing
 * ones (the database busy) are thrown, for the caller to answer (refusalOf).
 */
export async function importUpload(user: SessionUser, form: UploadForm): Promise<UploadOutcome> {
  const { mode, selection } = form;
  const uploads = await Promise.all(
    form.files.map(async (file, i) => ({ path: form.paths[i] || file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  const anki = await ankiImport(user, uploads, mode, selection, form.columns);
  if (anki) return anki;
  // Expanding, parsing and rendering the preview's faces run in a worker: other learners are
  // served meanwhile, and a hostile upload can only exhaust that worker's capped heap.
  const read = await previewUploadInWorker(uploads, { review: mode === "preview" });
  if (!read.ok) return refused(read.code, read.message);
  return { ok: true, body: await importIntoLibrary(user, read.preview, mode, selection) };
}
