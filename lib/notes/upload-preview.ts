// previewUpload: the whole CPU-heavy part of a web import (collect the uploaded files, expand
// archives within one budget, parse and extract cards, and for a preview render the cards' faces),
// as one pure function over bytes. The web route runs it in a worker thread (lib/notes/worker);
// tests and scripts may call it directly.

import { shorten } from "./inline/text.ts";
import type { ImportLimits } from "./input/budget.ts";
import { collectUploads, type Upload } from "./input/uploads.ts";
import { importPreview } from "./preview.ts";
import { renderCardFaces } from "./render/markdown.ts";
import type { CardDraft, ImportProblem, SkippedBlock } from "./types.ts";

/** How much of an upload the learner's preview shows. Every list and every text in it is bounded. */
export interface ReviewLimits {
  /** Cards whose faces are rendered; the cards after them are listed by their front as text. */
  renderedCards: number;
  /** Characters of HTML for all rendered faces together; past it, the rest are listed as text too. */
  renderedChars: number;
  /** Characters of one face's markdown that are rendered; a longer face is cut and marked shortened. */
  faceChars: number;
  /** Skipped blocks listed, and notices listed (each). */
  listedBlocks: number;
  /** Characters of a skipped block's text or of a notice's message. */
  lineChars: number;
}

export const REVIEW_LIMITS: ReviewLimits = {
  renderedCards: 2_000,
  renderedChars: 4_000_000,
  faceChars: 10_000,
  listedBlocks: 2_000,
  lineChars: 300,
};

/** A card's two faces as HTML, exactly as the review screen renders them. */
export interface RenderedFaces {
  front: string;
  back: string;
  /** A face was longer than the preview renders; the card itself keeps all of it. */
  shortened: boolean;
}

/** What the learner is shown before confirming, beside the drafts themselves. */
export interface UploadReview {
  /** Faces of the first drafts, in order: `faces[i]` belongs to `drafts[i]`. */
  faces: RenderedFaces[];
  skippedBlocks: SkippedBlock[];
  notices: ImportProblem[];
  /** Skipped blocks and notices beyond the listing limit, counted. */
  unlisted: { skippedBlocks: number; notices: number };
}

export interface UploadPreview {
  drafts: CardDraft[];
  /** Paths whose cards are all in `drafts` (see ImportPreview.importedFiles). */
  importedFiles: string[];
  /** Upload problems (paths, archives, encodings) first, then parse problems. */
  problems: ImportProblem[];
  /** Present when asked for (the web preview, not the import itself). */
  review?: UploadReview;
}

export interface PreviewUploadOptions {
  /** Render faces and list skipped blocks and notices for the learner to check. */
  review?: boolean;
  reviewLimits?: Partial<ReviewLimits>;
}

/** Throws ImportTooLarge when the upload is over the import budget; nothing is read then. */
export function previewUpload(
  uploads: readonly Upload[],
  limits: Partial<ImportLimits> = {},
  options: PreviewUploadOptions = {},
): UploadPreview {
  const collected = collectUploads(uploads, limits);
  const preview = importPreview(collected.files);
  const result: UploadPreview = {
    drafts: preview.drafts,
    importedFiles: preview.importedFiles,
    problems: [...collected.problems, ...preview.problems],
  };
  if (options.review) result.review = reviewDrafts(preview, { ...REVIEW_LIMITS, ...options.reviewLimits });
  return result;
}

/** Renders the first cards' faces and bounds the lists the learner checks before confirming. */
export function reviewDrafts(
  preview: { drafts: readonly CardDraft[]; skippedBlocks: readonly SkippedBlock[]; notices: readonly ImportProblem[] },
  limits: ReviewLimits = REVIEW_LIMITS,
): UploadReview {
  const faces: RenderedFaces[] = [];
  let chars = 0;
  for (const draft of preview.drafts.slice(0, limits.renderedCards)) {
    const front = cutMarkdown(draft.front, limits.faceChars);
    const back = cutMarkdown(draft.back, limits.faceChars);
    const rendered = renderCardFaces({ kind: draft.kind, front: front.text, back: back.text });
    chars += rendered.front.length + rendered.back.length;
    // The budget is checked after rendering, so one card may pass it; one face is at most a few
    // times faceChars, which keeps the overshoot small.
    if (chars > limits.renderedChars) break;
    faces.push({ ...rendered, shortened: front.cut || back.cut });
  }
  const skippedBlocks = preview.skippedBlocks
    .slice(0, limits.listedBlocks)
    .map((block) => ({ ...block, text: shorten(block.text, limits.lineChars), reason: shorten(block.reason, limits.lineChars) }));
  const notices = preview.notices
    .slice(0, limits.listedBlocks)
    .map((notice) => ({ ...notice, message: shorten(notice.message, limits.lineChars) }));
  return {
    faces,
    skippedBlocks,
    notices,
    unlisted: {
      skippedBlocks: preview.skippedBlocks.length - skippedBlocks.length,
      notices: preview.notices.length - notices.length,
    },
  };
}

/** Cuts markdown to at most `max` characters, at a line end when one is in the second half. */
export function cutMarkdown(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const lineEnd = text.lastIndexOf("\n", max);
  return { text: text.slice(0, lineEnd > max / 2 ? lineEnd : max), cut: true };
}
