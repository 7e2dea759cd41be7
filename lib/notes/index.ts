// lib/notes: study notes (Markdown outlines, headed Markdown with Q&A, Logseq pages, Obsidian
// vaults) -> card drafts. Pure and framework-free: no node: imports, no clock, so the web upload
// (on the server) and the CLI share every rule. lib/notes/worker, the upload's worker thread, is
// the Node-only exception and is not exported here. The database side (lib/db) turns drafts into
// Card rows.

export type { CardDraft, CardKind, ImportProblem, NoteFile, ReviewHistory, SkippedBlock, SourceRef } from "./types.ts";
export type { CodeNode, HeadingNode, ItemNode, NoteNode, ParagraphNode, ParsedNote, Property, RuleNode } from "./tree.ts";

export { parseNote } from "./parse/note.ts";
export { extractCards, extractNote, type ExtractOptions, type Extraction } from "./extract/cards.ts";
export { normaliseFront } from "./extract/keys.ts";
export { oneLine, shorten } from "./inline/text.ts";
export { importPreview, summariseDecks, DECK_SEPARATOR, type DeckSummary, type ImportPreview, type PreviewOptions } from "./preview.ts";
export { renderCardMarkdown, renderCardFaces, renderClozeBack, renderClozeFront, type RenderOptions } from "./render/markdown.ts";
export { readNoteBytes, isNoteExtension, type NoteRead } from "./input/bytes.ts";
export { expandZip, DEFAULT_ZIP_LIMITS, type ExpandedZip, type ExpandZipOptions, type ZipLimits } from "./input/zip.ts";
export { DEFAULT_IMPORT_LIMITS, ExpansionBudget, ImportTooLarge, type ImportLimits } from "./input/budget.ts";
export { previewUpload, type UploadPreview } from "./upload-preview.ts";
export { archivePrefix, planVault, type SkippedPath, type VaultPlan } from "./input/vault.ts";
export { collectUploads, type CollectedUploads, type Upload } from "./input/uploads.ts";
export { checkRelativePath } from "./input/paths.ts";
export { MAX_NOTE_BYTES, MAX_IMPORT_ENTRIES, MAX_IMPORT_EXPANDED_BYTES, NOTE_EXTENSIONS, formatBytes } from "./input/limits.ts";
