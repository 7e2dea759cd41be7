// What crosses the thread boundary between the import route and the Anki reader: the package's
// bytes in (transferred), plain data out (the import, and for a preview the rendered faces).
import type { ImportLimits, UploadPreview } from "../../notes/index.ts";
import type { AnkiImport } from "../build.ts";

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
