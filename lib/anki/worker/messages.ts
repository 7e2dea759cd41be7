// What crosses the thread boundary between the routes and the Anki workers. Reading: the package's
// bytes in (transferred), plain data out (the import, and for a preview the rendered faces).
// Writing: the export's cards and media in (plain data, dates included), the .apkg bytes out.
import type { ImportLimits, UploadPreview } from "../../notes/index.ts";
import type { AnkiImport } from "../build.ts";
import type { ExportCard, ExportMedia } from "../export.ts";

export interface ReadAnkiRequest {
  file: string;
  bytes: Uint8Array;
  /** Epoch ms: the worker has no clock of its own to consult. */
  now: number;
  limits?: Partial<ImportLimits>;
  review: boolean;
}

export type ReadAnkiReply =
  | { ok: true; parsed: AnkiImport; review?: NonNullable<UploadPreview["review"]> }
  | { ok: false; code: "too_large" | "invalid"; message: string };

/**
 * What the export worker is sent: the cards in slices (so no single copy holds the server's event
 * loop for long), then the media and the clock, after which it writes and replies.
 */
export type WriteApkgMessage = { cards: ExportCard[] } | { media: ExportMedia[]; now: Date };

/** The export worker's reply. */
export interface WriteApkgReply {
  ok: true;
  bytes: Uint8Array;
}
