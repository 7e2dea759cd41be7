import type { AnkiSummary, WebImportResult } from "@/lib/db/index.ts";

/** What the import endpoint answers, for a preview and for an applied import alike. */
export type { CardAction, ImportReview, PreviewCard, PreviewFile } from "@/lib/db/index.ts";

/** An Anki plain-text or CSV table: its columns, the role each was given, and its first rows. */
export interface TextTablePreview {
  columns: string[];
  mapping: Array<"front" | "back" | "tags" | "deck" | "ignore">;
  sample: string[][];
}

export interface ImportResponse extends WebImportResult {
  /** Present for an Anki package: its cards, reviews and images. */
  anki?: AnkiSummary;
  /** Present for an Anki plain-text or CSV export: the column mapping, to be changed in the preview. */
  table?: TextTablePreview;
}

export interface ImportErrorResponse {
  error: string;
}
