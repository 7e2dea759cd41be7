// An Anki import written in one SQLite transaction: decks and cards (the same plan and rows as a
// notes import, lib/db/import-plan.ts), the images, the review-log rows of every graded revlog
// entry not stored before, and each card's replayed FSRS state. Either all of it is stored or,
// on any failure (media over the owner's limit included), none of it.
//
// The card rows are written as the engine's bulk import writes them (engine/sqlite/bulk-import.ts);
// its port has no hook for the extra rows an Anki import brings in the same transaction, so this
// is the SQLite implementation of that one job, beside it.
import "server-only";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { AnkiImport } from "../anki/index.ts";
import { DomainError } from "../errors/index.ts";
import { SCHEDULING_FIELDS, newSchedulingState } from "../srs/index.ts";
import { DATABASE_BUSY_WAIT_MS } from "./database-busy.ts";
import { retryWhileBusy } from "./engine/sqlite/busy-retry.ts";
import { toStoredDate, toStoredValue } from "./engine/sqlite/stored-dates.ts";
import { withWriteConnection } from "./engine/sqlite/write-connection.ts";
import { deckName, type CardRowValues, type ImportPlan, type ImportTarget, type StoredCard } from "./import-plan.ts";

export interface AnkiWriteResult {
  plan: ImportPlan;
  newReviews: number;
  newMedia: number;
  states: number;
}

/** The library's images would pass their limit: the route answers 413, and nothing was written. */
export class MediaOverLimit extends DomainError<"too_large"> {
  constructor(file: string, message: string) {
    super("too_large", message, { file });
  }
}

const DAY_MS = 86_400_000;

export function selectStoredCards(db: Database.Database, scope: string): StoredCard[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.key, c.kind, c.front, c.back, c.tags, c.noteKey, c.sourceFile, c.sourceLine, c.suspended, c.importedHash, d.path AS deckPath
       FROM "Card" c JOIN "Deck" d ON d.id = c.deckId WHERE c.scope = ?`,
    )
    .all(scope) as Array<Omit<StoredCard, "suspended"> & { suspended: number }>;
  return rows.map((row) => ({ ...row, suspended: row.suspended !== 0 }));
}

/** The review ids (`anki:<revlog id>`) the owner already holds, to count what a re-import adds. */
export function storedAnkiReviewIds(db: Database.Database, userId: string): Set<string> {
  const ids = db
    .prepare(`SELECT clientReviewId FROM "ReviewLog" WHERE userId = ? AND clientReviewId LIKE 'anki:%'`)
    .pluck()
    .all(userId) as string[];
  return new Set(ids);
}

export function readAnkiBaseline(file: string, target: ImportTarget) {
  return withWriteConnection(file, (db) => ({
    stored: selectStoredCards(db, target.scope),
    reviewIds: target.ownerId ? storedAnkiReviewIds(db, target.ownerId) : new Set<string>(),
  }));
}

export function writeAnkiImport(
  file: string,
  target: ImportTarget,
  parsed: AnkiImport,
  makePlan: (stored: StoredCard[]) => ImportPlan,
  options: { now: Date; maxMediaBytes: number; leftOut: ReadonlySet<string> },
): Promise<AnkiWriteResult> {
  const stamp = toStoredDate(options.now);
  return withWriteConnection(file, (db) => {
    const run = db.transaction((): AnkiWriteResult => {
      const plan = makePlan(selectStoredCards(db, target.scope));
      writeCards(db, target, plan, stamp);
      const newMedia = writeMedia(db, target, parsed, options.maxMediaBytes, stamp);
      const { newReviews, states } = target.ownerId
        ? writeHistory(db, target.ownerId, target.scope, parsed, options.leftOut, options.now)
        : { newReviews: 0, states: 0 };
      return { plan, newReviews, newMedia, states };
    });
    return retryWhileBusy(async () => run.immediate(), { maxWaitMs: DATABASE_BUSY_WAIT_MS });
  });
}

function writeCards(db: Database.Database, target: ImportTarget, plan: ImportPlan, stamp: string): void {
  const deckIds = new Map<string, string>();
  for (const row of db.prepare(`SELECT id, path FROM "Deck" WHERE scope = ?`).all(target.scope) as Array<{ id: string; path: string }>) {
    deckIds.set(row.path, row.id);
  }
  const insertDeck = db.prepare(`INSERT INTO "Deck" (id, ownerId, scope, path, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const path of plan.deckPaths) {
    if (deckIds.has(path)) continue;
    const id = randomUUID();
    insertDeck.run(id, target.ownerId, target.scope, path, deckName(path), stamp, stamp);
    deckIds.set(path, id);
  }
  const insertCard = db.prepare(
    `INSERT INTO "Card" (id, deckId, scope, key, kind, front, back, tags, noteKey, sourceFile, sourceLine, importedHash, suspended, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const updateCard = db.prepare(
    `UPDATE "Card" SET key = ?, deckId = ?, kind = ?, front = ?, back = ?, tags = ?, noteKey = ?, sourceFile = ?, sourceLine = ?, importedHash = ?,
       suspended = 0, updatedAt = ? WHERE id = ? AND scope = ?`,
  );
  const suspendCard = db.prepare(`UPDATE "Card" SET suspended = 1, updatedAt = ? WHERE id = ? AND scope = ?`);
  const deckId = (path: string) => deckIds.get(path)!;
  const row = (v: CardRowValues) =>
    [v.key, deckId(v.deckPath), v.kind, v.front, v.back, v.tags, v.noteKey, v.sourceFile, v.sourceLine, v.importedHash] as const;
  for (const card of plan.create) {
    const [key, deck, ...rest] = row(card);
    insertCard.run(randomUUID(), deck, target.scope, key, ...rest, stamp, stamp);
  }
  for (const { id, values } of [...plan.update, ...plan.keptEdits]) updateCard.run(...row(values), stamp, id, target.scope);
  for (const { id } of plan.suspend) suspendCard.run(stamp, id, target.scope);
}

function writeMedia(db: Database.Database, target: ImportTarget, parsed: AnkiImport, maxBytes: number, stamp: string): number {
  if (parsed.media.length === 0) return 0;
  const has = db.prepare(`SELECT 1 FROM "Media" WHERE scope = ? AND sha256 = ?`).pluck();
  const fresh = parsed.media.filter((m) => has.get(target.scope, m.sha256) === undefined);
  const stored = (db.prepare(`SELECT coalesce(sum(size), 0) FROM "Media" WHERE scope = ?`).pluck().get(target.scope) as number) ?? 0;
  const adding = fresh.reduce((sum, m) => sum + m.bytes.length, 0);
  if (stored + adding > maxBytes) {
    throw new MediaOverLimit(
      parsed.file,
      `${parsed.file}: its images (${Math.ceil(adding / 1_048_576)} MB) would take the library's media past ${Math.round(maxBytes / 1_048_576)} MB; nothing was imported`,
    );
  }
  const insert = db.prepare(
    `INSERT INTO "Media" (id, scope, ownerId, sha256, name, mime, size, bytes, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const m of fresh)
    insert.run(randomUUID(), target.scope, target.ownerId, m.sha256, m.name, m.mime, m.bytes.length, Buffer.from(m.bytes), stamp);
  return fresh.length;
}

const STATE_COLUMNS = SCHEDULING_FIELDS.join(", ");
const LOG_COLUMNS = "rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays, learningSteps, review";

/**
 * Review rows for graded revlog entries not stored yet (idempotent by `anki:<revlog id>`), and the
 * replayed state for cards the learner has not reviewed in this app: a card with reviews made
 * here keeps its state, as a notes import keeps it.
 */
function writeHistory(db: Database.Database, userId: string, scope: string, parsed: AnkiImport, leftOut: ReadonlySet<string>, now: Date) {
  const stamp = toStoredDate(now);
  const selectCard = db.prepare(`SELECT id FROM "Card" WHERE scope = ? AND key = ?`).pluck();
  const insertLog = db.prepare(
    `INSERT OR IGNORE INTO "ReviewLog" (id, userId, cardId, ${LOG_COLUMNS}, durationMs, clientReviewId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ownReviews = db
    .prepare(
      `SELECT count(*) FROM "ReviewLog" WHERE userId = ? AND cardId = ? AND (clientReviewId IS NULL OR clientReviewId NOT LIKE 'anki:%')`,
    )
    .pluck();
  const selectState = db.prepare(`SELECT id, version FROM "CardState" WHERE userId = ? AND cardId = ?`);
  const insertState = db.prepare(
    `INSERT INTO "CardState" (id, userId, cardId, ${STATE_COLUMNS}, buriedUntil, suspended, version, updatedAt) VALUES (?, ?, ?, ${SCHEDULING_FIELDS.map(() => "?").join(", ")}, ?, ?, 1, ?)`,
  );
  const updateState = db.prepare(
    `UPDATE "CardState" SET ${SCHEDULING_FIELDS.map((f) => `${f} = ?`).join(", ")}, buriedUntil = ?, suspended = ?, version = ?, updatedAt = ? WHERE id = ?`,
  );
  let newReviews = 0;
  let states = 0;
  for (const card of parsed.cards) {
    if (leftOut.has(card.key)) continue; // unticked in the preview: its history stays out too
    const cardId = selectCard.get(scope, card.key) as string | undefined;
    if (!cardId) continue;
    for (const review of card.reviews) {
      const values = [
        review.log.rating,
        review.log.state,
        review.log.due,
        review.log.stability,
        review.log.difficulty,
        review.log.elapsedDays,
        review.log.lastElapsedDays,
        review.log.scheduledDays,
        review.log.learningSteps,
        review.log.review,
      ].map(toStoredValue);
      newReviews += insertLog.run(randomUUID(), userId, cardId, ...values, review.durationMs, `anki:${review.revlogId}`).changes;
    }
    if (!card.state && !card.suspended && !card.buried) continue;
    if ((ownReviews.get(userId, cardId) as number) > 0) continue;
    const state = card.state ?? newSchedulingState(now);
    const values = SCHEDULING_FIELDS.map((field) => toStoredValue(state[field]));
    const buriedUntil = card.buried ? toStoredDate(new Date(now.getTime() + DAY_MS)) : null;
    const suspended = card.suspended ? 1 : 0;
    const row = selectState.get(userId, cardId) as { id: string; version: number } | undefined;
    if (!row) insertState.run(randomUUID(), userId, cardId, ...values, buriedUntil, suspended, stamp);
    else updateState.run(...values, buriedUntil, suspended, row.version + 1, stamp, row.id);
    states += 1;
  }
  return { newReviews, states };
}
