// An Anki package into a learner's library (web, preview or apply) or, from the CLI, into a user's
// library or the starter decks. The package was read off the event loop (lib/anki/worker); this
// is the database half: plan the cards as a notes import plans them, then write cards, images,
// review history and states in one transaction, through the engine's bulk-import port.
import "server-only";
import type { AnkiImport, AnkiImportCounts, MemoryComparison } from "../anki/index.ts";
import { DomainError } from "../errors/index.ts";
import { MAX_IMPORT_EXPANDED_BYTES, type UploadPreview } from "../notes/index.ts";
import { importCounts } from "./card-import.ts";
import { prisma } from "./client.ts";
import { databaseEngine, type ImportBaseline, type ImportedCardHistory } from "./engine/index.ts";
import { planImport, type ImportPlan, type ImportTarget, type StoredCard } from "./import-plan.ts";
import { buildImportReview } from "./import-review.ts";
import { EVERYTHING, withoutUntickedCards, type ImportSelection } from "./import-selection.ts";
import { STARTER_SCOPE } from "./library-scope.ts";
import type { SessionUser } from "./users.ts";
import { keptEditsOf, planSamples, SAMPLE_LIMIT, type WebImportResult } from "./web-import.ts";

/** A library's images together may take this much: the import budget, once more. */
export const MAX_MEDIA_BYTES_PER_LIBRARY = MAX_IMPORT_EXPANDED_BYTES;

export interface AnkiSummary extends AnkiImportCounts {
  /** Graded revlog entries not stored yet: what this import adds to the history. */
  newReviews: number;
  memory: MemoryComparison;
  /** What the learner should know that did not stop the import (missing images, cards left out). */
  notices: Array<{ file: string; message: string }>;
}

export interface AnkiWebImportResult extends WebImportResult {
  anki: AnkiSummary;
}

/** Review rows from Anki carry `anki:<revlog id>`: a re-import adds only the ids not stored yet. */
const ANKI_REVIEW_PREFIX = "anki:";

/** The library's images would pass their limit: the route answers 413, and nothing was written. */
export class MediaOverLimit extends DomainError<"too_large"> {
  constructor(file: string, message: string) {
    super("too_large", message, { file });
  }
}

export interface AnkiWriteResult {
  plan: ImportPlan;
  newReviews: number;
  newMedia: number;
  states: number;
}

/**
 * Cards, images, review rows and states of one package in one transaction: all of it or, on any
 * failure (images over `maxMediaBytes` included), none of it. Cards in `leftOut` bring no history.
 */
export async function writeAnkiImport(
  target: ImportTarget,
  parsed: AnkiImport,
  makePlan: (stored: StoredCard[]) => ImportPlan,
  options: { now: Date; maxMediaBytes: number; leftOut: ReadonlySet<string> },
): Promise<AnkiWriteResult> {
  const histories: ImportedCardHistory[] = [];
  for (const card of parsed.cards) {
    if (options.leftOut.has(card.key)) continue; // unticked in the preview: its history stays out too
    histories.push({
      key: card.key,
      reviews: card.reviews.map((r) => ({ clientReviewId: `${ANKI_REVIEW_PREFIX}${r.revlogId}`, durationMs: r.durationMs, log: r.log })),
      state: card.state,
      suspended: card.suspended,
      buried: card.buried,
    });
  }
  const written = await databaseEngine().bulkWrites.importWithExtrasInTransaction(
    target,
    makePlan,
    { media: parsed.media, maxMediaBytes: options.maxMediaBytes, histories, clientReviewIdPrefix: ANKI_REVIEW_PREFIX },
    options.now,
  );
  if (!written.ok) {
    throw new MediaOverLimit(
      parsed.file,
      `${parsed.file}: its images (${Math.ceil(written.mediaBytesAdding / 1_048_576)} MB) would take the library's media past ${Math.round(options.maxMediaBytes / 1_048_576)} MB; nothing was imported`,
    );
  }
  return { plan: written.plan, newReviews: written.newReviews, newMedia: written.newMedia, states: written.states };
}

function readBaseline(target: ImportTarget): Promise<ImportBaseline> {
  return databaseEngine().bulkWrites.readImportBaseline(target, ANKI_REVIEW_PREFIX);
}

export async function importAnkiIntoLibrary(
  user: SessionUser,
  parsed: AnkiImport,
  mode: "preview" | "apply",
  selection: ImportSelection = EVERYTHING,
  review?: UploadPreview["review"],
): Promise<AnkiWebImportResult> {
  const target = { scope: user.id, ownerId: user.id };
  const untickedKeys = mode === "apply" ? selection.untickedKeys : EVERYTHING.untickedKeys;
  const fileLeftOut = mode === "apply" && selection.untickedFiles.has(parsed.file);
  const drafts = fileLeftOut ? [] : parsed.drafts;
  const files = fileLeftOut ? [] : [parsed.file];
  const makePlan = (stored: StoredCard[]) => withoutUntickedCards(planImport(stored, drafts, files), drafts, untickedKeys);
  const baseline = await readBaseline(target);
  const plan = makePlan(baseline.stored);
  const newReviews = countNew(parsed, baseline.clientReviewIds, untickedKeys);
  const result: AnkiWebImportResult = {
    applied: false,
    files: files.length,
    counts: importCounts(plan),
    decks: plan.deckPaths,
    samples: planSamples(plan),
    // The package was read whole: nothing of it was refused, so its notices are not "problems".
    problems: [],
    unlistedProblems: 0,
    keptEdits: keptEditsOf(plan),
    starterRepeats: null,
    anki: { ...parsed.counts, newReviews, memory: parsed.memory, notices: parsed.problems.slice(0, SAMPLE_LIMIT) },
  };
  if (mode === "preview") {
    if (review) result.review = buildImportReview({ drafts, files, plan, stored: baseline.stored, review });
    return result;
  }
  const leftOut = fileLeftOut ? new Set(parsed.cards.map((c) => c.key)) : untickedKeys;
  const written = await writeAnkiImport(target, fileLeftOut ? { ...parsed, cards: [], media: [] } : parsed, makePlan, {
    now: new Date(),
    maxMediaBytes: MAX_MEDIA_BYTES_PER_LIBRARY,
    leftOut,
  });
  return {
    ...result,
    applied: true,
    counts: importCounts(written.plan),
    anki: { ...result.anki, newReviews: written.newReviews },
    leftOut: { files: fileLeftOut ? 1 : 0, cards: untickedKeys.size },
  };
}

export interface AnkiCliSummary {
  counts: ReturnType<typeof importCounts>;
  anki: AnkiSummary;
  problems: AnkiImport["problems"];
}

/**
 * From the command line: into a user's library when `ownerEmail` is given, else into the starter
 * decks (which take no history: they have no owner). Same transaction as the web import.
 */
export async function importAnkiForOwner(options: { ownerEmail?: string; parsed: AnkiImport; dryRun?: boolean }): Promise<AnkiCliSummary> {
  const target = await cliTarget(options.ownerEmail);
  const { parsed } = options;
  const makePlan = (stored: StoredCard[]) => planImport(stored, parsed.drafts, [parsed.file]);
  const baseline = await readBaseline(target);
  const newReviews = target.ownerId ? countNew(parsed, baseline.clientReviewIds, new Set()) : 0;
  const summary = { ...parsed.counts, newReviews, memory: parsed.memory, notices: parsed.problems };
  if (options.dryRun) return { counts: importCounts(makePlan(baseline.stored)), anki: summary, problems: parsed.problems };
  const written = await writeAnkiImport(target, parsed, makePlan, {
    now: new Date(),
    maxMediaBytes: MAX_MEDIA_BYTES_PER_LIBRARY,
    leftOut: new Set(),
  });
  return { counts: importCounts(written.plan), anki: { ...summary, newReviews: written.newReviews }, problems: parsed.problems };
}

function countNew(parsed: AnkiImport, stored: ReadonlySet<string>, leftOut: ReadonlySet<string>): number {
  let count = 0;
  for (const card of parsed.cards) {
    if (leftOut.has(card.key)) continue;
    for (const review of card.reviews) if (!stored.has(`${ANKI_REVIEW_PREFIX}${review.revlogId}`)) count += 1;
  }
  return count;
}

async function cliTarget(ownerEmail: string | undefined): Promise<ImportTarget> {
  if (!ownerEmail) return { scope: STARTER_SCOPE, ownerId: null };
  const owner = await prisma.user.findUnique({ where: { email: ownerEmail.toLowerCase() }, select: { id: true } });
  if (!owner) throw new Error(`No account has the email ${ownerEmail}.`);
  return { scope: owner.id, ownerId: owner.id };
}
