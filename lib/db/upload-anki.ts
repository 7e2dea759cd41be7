// An import's Anki branch: an .apkg/.colpkg (read in a worker, then stored with its history and
// images) or an Anki plain-text/CSV export (a table whose columns the learner maps in the preview,
// then imported like notes). Null when the upload is none of these. Used by the import route for
// a preview and by the upload job for the import itself (upload-import.ts).
import "server-only";
import { z } from "zod";
import { COLUMN_ROLES, isAnkiPackageName, isAnkiText, readTextTable, textDrafts, AnkiImportError } from "../anki/index.ts";
import { readAnkiInWorker } from "../anki/worker/index.ts";
import { formatBytes, renderCardFaces, type Upload } from "../notes/index.ts";
import { importAnkiIntoLibrary } from "./anki-import.ts";
import type { ImportSelection } from "./import-selection.ts";
import { refused, type UploadOutcome } from "./upload-outcome.ts";
import type { SessionUser } from "./users.ts";
import { importIntoLibrary } from "./web-import.ts";

/** A text table is parsed on the thread that serves requests, so it is held to this size. */
export const MAX_TEXT_TABLE_BYTES = 10 * 1024 * 1024;
const SAMPLE_ROWS = 5;
const RENDERED = 2_000;
const MappingSchema = z.array(z.enum(COLUMN_ROLES)).max(200);

export async function ankiImport(
  user: SessionUser,
  uploads: Upload[],
  mode: "preview" | "apply",
  selection: ImportSelection,
  columns: unknown[],
): Promise<UploadOutcome | null> {
  const packages = uploads.filter((u) => isAnkiPackageName(u.path));
  if (packages.length > 0) {
    if (uploads.length > 1)
      return refused("invalid", "Import an Anki package on its own, not together with other files. Nothing was imported.");
    const { path, bytes } = packages[0]!;
    const read = await readAnkiInWorker({ file: path, bytes, now: Date.now(), review: mode === "preview" });
    if (!read.ok) return refused(read.code, read.message);
    return { ok: true, body: await importAnkiIntoLibrary(user, read.parsed, mode, selection, read.review) };
  }
  if (uploads.length !== 1) return null;
  const { path, bytes } = uploads[0]!;
  if (!/\.(csv|txt|tsv)$/i.test(path)) return null;
  if (bytes.length > MAX_TEXT_TABLE_BYTES) {
    return /\.csv$/i.test(path) ? refused("too_large", `${path} is over ${formatBytes(MAX_TEXT_TABLE_BYTES)}; import it in parts.`) : null;
  }
  const text = new TextDecoder().decode(bytes);
  if (!isAnkiText(path, text)) return null;
  const mapping = MappingSchema.safeParse(columns);
  if (!mapping.success) return refused("invalid", "Each column's role must be front, back, tags, deck or ignore.");
  try {
    const table = readTextTable(path, text);
    const chosen = mapping.data.length > 0 ? table.columns.map((_, i) => mapping.data[i] ?? "ignore") : table.guess;
    const { drafts, problems } = textDrafts(table, chosen);
    const faces = drafts.slice(0, RENDERED).map((d) => ({ ...renderCardFaces(d), shortened: false }));
    const preview = {
      drafts,
      importedFiles: [path],
      problems: [],
      review: {
        faces,
        skippedBlocks: [],
        notices: problems.slice(0, RENDERED),
        unlisted: { skippedBlocks: 0, notices: Math.max(0, problems.length - RENDERED) },
      },
    };
    const result = await importIntoLibrary(user, preview, mode, selection);
    return { ok: true, body: { ...result, table: { columns: table.columns, mapping: chosen, sample: table.rows.slice(0, SAMPLE_ROWS) } } };
  } catch (error) {
    if (error instanceof AnkiImportError) return refused("invalid", `${error.message}. Nothing was imported.`);
    throw error;
  }
}
