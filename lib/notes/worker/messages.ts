// What crosses the thread boundary between the web route and the upload reader: upload bytes in
// (transferred, not copied), plain data out.

import type { ImportLimits } from "../input/budget.ts";
import type { Upload } from "../input/uploads.ts";
import type { UploadPreview } from "../upload-preview.ts";

export interface ReadUploadRequest {
  uploads: Upload[];
  limits?: Partial<ImportLimits>;
  /** Render the cards' faces and list skipped blocks for the learner's preview. */
  review?: boolean;
}

export type ReadUploadReply = { ok: true; preview: UploadPreview } | { ok: false; tooLarge: string };
