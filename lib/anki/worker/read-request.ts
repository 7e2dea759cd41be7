// The worker's job as a plain function, so tests and the CLI run the same code in-process.
import { ImportTooLarge, renderCardFaces } from "../../notes/index.ts";
import { AnkiImportError } from "../errors.ts";
import { readAnkiFile } from "../read.ts";
import type { ReadAnkiReply, ReadAnkiRequest } from "./messages.ts";

/** As many faces as a notes preview renders (lib/notes upload-preview, REVIEW_LIMITS). */
const RENDERED_CARDS = 2_000;

export function readAnkiRequest(request: ReadAnkiRequest): ReadAnkiReply {
  try {
    const parsed = readAnkiFile(request.file, request.bytes, {
      now: new Date(request.now),
      ...(request.limits ? { limits: request.limits } : {}),
    });
    if (!request.review) return { ok: true, parsed };
    const faces = parsed.drafts.slice(0, RENDERED_CARDS).map((d) => ({ ...renderCardFaces(d), shortened: false }));
    return { ok: true, parsed, review: { faces, skippedBlocks: [], notices: [], unlisted: { skippedBlocks: 0, notices: 0 } } };
  } catch (error) {
    if (error instanceof ImportTooLarge) return { ok: false, code: "too_large", message: `${error.message}.` };
    if (error instanceof AnkiImportError) return { ok: false, code: "invalid", message: `${error.message}. Nothing was imported.` };
    throw error;
  }
}
