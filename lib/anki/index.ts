// lib/anki: Anki packages (.apkg, .colpkg) and Anki's plain-text exports in, and .apkg out.
// Reading opens the collection with better-sqlite3, so this folder is Node-only; the web route
// runs it in a worker (./worker). The database side is lib/db/anki-*.ts.
export { AnkiImportError, type AnkiProblemCode } from "./errors.ts";
export { readAnkiPackage, type AnkiPackage, type CollectionFormat } from "./package.ts";
export { openCollection } from "./sqlite.ts";
export {
  readCollection,
  deckPathOf,
  type AnkiCard,
  type AnkiCollection,
  type AnkiNote,
  type AnkiNoteType,
  type AnkiRevlog,
  type AnkiTemplate,
} from "./collection.ts";
export { buildAnkiImport, type AnkiCardImport, type AnkiImport, type AnkiImportCounts, type MemoryComparison } from "./build.ts";
export { readAnkiFile, type ReadAnkiOptions } from "./read.ts";
export { renderTemplate, type TemplateContext } from "./templates.ts";
export { clozeForCard, clozeNumbers } from "./cloze.ts";
export { htmlToMarkdown, htmlToText } from "./html.ts";
export { replayRevlog, type ImportedReview, type Replay } from "./revlog.ts";
export { MEDIA_ROUTE, imageType, mediaHash, rewriteMediaRefs, type AnkiMedia } from "./media.ts";
export { isAnkiPackageName } from "./names.ts";
export { writeApkg, type AnkiExportInput, type ExportCard, type ExportMedia, type ExportReview } from "./export.ts";
export { SCHEMA11_SQL } from "./schema11.ts";
export { COLUMN_ROLES, MAX_TEXT_ROWS, isAnkiText, readTextTable, textDrafts, type ColumnRole, type TextTable } from "./text.ts";
export { htmlToMarkdownMany } from "./html.ts";
