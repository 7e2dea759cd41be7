// An Anki package into a learner's library (web, preview or apply) or, from the CLI, into a user's
// library or the starter decks. The package was read off the event loop (lib/anki/worker); this
// is the database half: plan the cards as a notes import plans them, then write cards, images,
// review history and states in one transaction (anki-sqlite.ts).
import "server-only";
import type { AnkiImport, AnkiImportCounts, MemoryComparison } from "../anki/index.ts";
import { env } from "../env.ts";
import { MAX_IMPORT_EXPANDED_BYTES, type UploadPreview } from "../notes/index.ts";
import { readAnkiBaseline, writeAnkiImport } from "./anki-sqlite.ts";
import { importCounts } from "./card-import.ts";
import { prisma } from "./client.ts";
import { sqliteFilePath } from "./engine/sqlite/database-file.node.ts";
import { planImport, type ImportTarget, type StoredCard } from "./import-plan.ts";
import { buildImportReview } from "./import-review.ts";
import { EVERYTHING, withoutUntickedCards, type ImportSelection } from "./import-selection.ts";
import { STARTER_SCOPE } from "./library-scope.ts";
import type { SessionUser } from "./users.ts";
import type { WebImportResult } from "./web-import.ts";

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

const SAMPLE_LIMIT = 200;

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
  const file = databaseFile();
  const baseline = await readAnkiBaseline(file, target);
  const plan = makePlan(baseline.stored);
  const newReviews = countNew(parsed, baseline.reviewIds, untickedKeys);
  const result: AnkiWebImportResult = {
    applied: false,
    files: files.length,
    counts: importCounts(plan),
    decks: plan.deckPaths,
    samples: {
      create: plan.create.slice(0, SAMPLE_LIMIT).map((c) => ({ deckPath: c.deckPath, front: c.front })),
      update: plan.update.slice(0, SAMPLE_LIMIT).map((u) => ({ deckPath: u.values.deckPath, front: u.values.front })),
      suspend: plan.suspend.slice(0, SAMPLE_LIMIT).map((s) => ({ front: s.front })),
    },
    // The package was read whole: nothing of it was refused, so its notices are not "problems".
    problems: [],
    unlistedProblems: 0,
    keptEdits: plan.keptEdits.slice(0, SAMPLE_LIMIT).map((k) => ({ deckPath: k.deckPath, front: k.front })),
    starterRepeats: null,
    anki: { ...parsed.counts, newReviews, memory: parsed.memory, notices: parsed.problems.slice(0, SAMPLE_LIMIT) },
  };
  if (mode === "preview") {
    if (review) result.review = buildImportReview({ drafts, files, plan, stored: baseline.stored, review });
    return result;
  }
  const leftOut = fileLeftOut ? new Set(parsed.cards.map((c) => c.key)) : untickedKeys;
  const written = await writeAnkiImport(file, target, fileLeftOut ? { ...parsed, cards: [], media: [] } : parsed, makePlan, {
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
  const file = databaseFile();
  const { parsed } = options;
  const makePlan = (stored: StoredCard[]) => planImport(stored, parsed.drafts, [parsed.file]);
  const baseline = await readAnkiBaseline(file, target);
  const newReviews = target.ownerId ? countNew(parsed, baseline.reviewIds, new Set()) : 0;
  const summary = { ...parsed.counts, newReviews, memory: parsed.memory, notices: parsed.problems };
  if (options.dryRun) return { counts: importCounts(makePlan(baseline.stored)), anki: summary, problems: parsed.problems };
  const written = await writeAnkiImport(file, target, parsed, makePlan, {
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
    for (const review of card.reviews) if (!stored.has(`anki:${review.revlogId}`)) count += 1;
  }
  return count;
}

async function cliTarget(ownerEmail: string | undefined): Promise<ImportTarget> {
  if (!ownerEmail) return { scope: STARTER_SCOPE, ownerId: null };
  const owner = await prisma.user.findUnique({ where: { email: ownerEmail.toLowerCase() }, select: { id: true } });
  if (!owner) throw new Error(`No account has the email ${ownerEmail}.`);
  return { scope: owner.id, ownerId: owner.id };
}

function databaseFile(): string {
  return sqliteFilePath(env().DATABASE_URL);
}
