/** What the import endpoint answers, for a preview and for an applied import alike. */
export type { CardAction, ImportReview, PreviewCard, PreviewFile, WebImportResult as ImportResponse } from "@/lib/db/index.ts";

export interface ImportErrorResponse {
  error: string;
}
