// The import's reads and writes, straight through better-sqlite3. A vault of tens of thousands of
// cards took Prisma's createMany about 30 s on our machines and the same rows take well under a
// second as prepared statements in one transaction (bench/import-db.ts). This is the SQLite side of
// BulkWrites (../ports.ts); another engine brings its own. Values are stored the way Prisma stores
// them (stored-dates.ts, Boolean as 0/1), so Prisma reads these rows like its own. An import of
// another app's collection adds its images and history in the same transaction (import-extras.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { SCHEDULING_FIELDS, CardStateCode } from "../../../srs/index.ts";
import { cardTags } from "../../card-tags.ts";
import { DATABASE_BUSY_WAIT_MS } from "../../database-busy.ts";
import { deckName, type CardRowValues, type ImportPlan, type ImportTarget, type StoredCard } from "../../import-plan.ts";
import { importedStates } from "../imported-states.ts";
import type { BulkWrites, ImportBaseline, ImportExtras, ImportWithExtrasWrite } from "../ports.ts";
import { retryWhileBusy } from "./busy-retry.ts";
import { insertMedia, mediaBudget, selectClientReviewIds, writeHistories } from "./import-extras.ts";
import { parseJsonText } from "./json-text.ts";
import { toStoredDate, toStoredValue } from "./stored-dates.ts";
import { withWriteConnection } from "./write-connection.ts";

interface StoredCardRow extends Omit<StoredCard, "suspended" | "tags"> {
  suspended: number;
  /** The Json column's text. */
  tags: string;
}

function selectStoredCards(db: Database.Database, scope: string): StoredCard[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.key, c.kind, c.front, c.back, c.tags, c.noteKey, c.sourceFile, c.sourceLine, c.suspended, c.importedHash, d.path AS deckPath
       FROM "Card" c JOIN "Deck" d ON d.id = c.deckId WHERE c.scope = ?`,
    )
    .all(scope) as StoredCardRow[];
  return rows.map((row) => ({ ...row, tags: cardTags(parseJsonText(row.tags)), suspended: row.suspended !== 0 }));
}

export function readStoredCards(file: string, scope: string): Promise<StoredCard[]> {
  return withWriteConnection(file, (db) => selectStoredCards(db, scope));
}

/** See BulkWrites.importInTransaction. */
export function importInTransaction(
  file: string,
  target: ImportTarget,
  makePlan: (stored: StoredCard[]) => ImportPlan,
  now: Date,
): Promise<ImportPlan> {
  return withWriteConnection(file, (db) => {
    const apply = db.transaction((): ImportPlan => {
      const plan = makePlan(selectStoredCards(db, target.scope));
      writePlan(db, target, plan, now);
      return plan;
    });
    // IMMEDIATE takes the write lock up front, so a concurrent writer waits instead of failing
    // mid-way; a BEGIN refused as busy has done nothing and is simply tried again.
    return retryWhileBusy(async () => apply.immediate(), { maxWaitMs: DATABASE_BUSY_WAIT_MS });
  });
}

/** See BulkWrites.readImportBaseline: one connection, so the cards and the review ids are of one moment. */
export function readImportBaseline(file: string, target: ImportTarget, clientReviewIdPrefix: string): Promise<ImportBaseline> {
  return withWriteConnection(file, (db) => {
    const read = db.transaction((): ImportBaseline => ({
      stored: selectStoredCards(db, target.scope),
      clientReviewIds: target.ownerId ? selectClientReviewIds(db, target.ownerId, clientReviewIdPrefix) : new Set<string>(),
    }));
    return read.deferred();
  });
}

/** See BulkWrites.importWithExtrasInTransaction. */
export function importWithExtrasInTransaction(
  file: string,
  target: ImportTarget,
  makePlan: (stored: StoredCard[]) => ImportPlan,
  extras: ImportExtras,
  now: Date,
): Promise<ImportWithExtrasWrite> {
  const stamp = toStoredDate(now);
  return withWriteConnection(file, (db) => {
    const apply = db.transaction((): ImportWithExtrasWrite => {
      // The budget is checked before anything is written; what the scope holds is read under the lock.
      const media = mediaBudget(db, target.scope, extras.media);
      if (media.stored + media.adding > extras.maxMediaBytes) {
        return { ok: false, mediaBytesStored: media.stored, mediaBytesAdding: media.adding };
      }
      const plan = makePlan(selectStoredCards(db, target.scope));
      writePlan(db, target, plan, now);
      const newMedia = insertMedia(db, target.scope, target.ownerId, media.fresh, stamp);
      const history = target.ownerId ? writeHistories(db, target.ownerId, target.scope, extras, now) : { newReviews: 0, states: 0 };
      return { ok: true, plan, newMedia, ...history };
    });
    return retryWhileBusy(async () => apply.immediate(), { maxWaitMs: DATABASE_BUSY_WAIT_MS });
  });
}

/** The plan's decks and cards, and the states the notes' histories give; inside the caller's transaction. */
function writePlan(db: Database.Database, target: ImportTarget, plan: ImportPlan, now: Date): void {
  const stamp = toStoredDate(now);
  const deckIds = new Map<string, string>();
  const selectDecks = db.prepare(`SELECT id, path FROM "Deck" WHERE scope = ?`);
  const insertDeck = db.prepare(`INSERT INTO "Deck" (id, ownerId, scope, path, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertCard = db.prepare(
    `INSERT INTO "Card" (id, deckId, scope, key, kind, front, back, tags, noteKey, sourceFile, sourceLine, importedHash, suspended, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const updateCard = db.prepare(
    `UPDATE "Card" SET key = ?, deckId = ?, kind = ?, front = ?, back = ?, tags = ?, noteKey = ?, sourceFile = ?, sourceLine = ?, importedHash = ?,
       suspended = 0, updatedAt = ?
     WHERE id = ? AND scope = ?`,
  );
  const suspendCard = db.prepare(`UPDATE "Card" SET suspended = 1, updatedAt = ? WHERE id = ? AND scope = ?`);

  const deckId = (path: string): string => {
    const id = deckIds.get(path);
    if (!id) throw new Error(`deck "${path}" is missing from the import`);
    return id;
  };
  for (const row of selectDecks.all(target.scope) as Array<{ id: string; path: string }>) deckIds.set(row.path, row.id);
  for (const path of plan.deckPaths) {
    if (deckIds.has(path)) continue;
    const id = randomUUID();
    insertDeck.run(id, target.ownerId, target.scope, path, deckName(path), stamp, stamp);
    deckIds.set(path, id);
  }
  for (const card of plan.create) {
    insertCard.run(
      randomUUID(),
      deckId(card.deckPath),
      target.scope,
      card.key,
      card.kind,
      card.front,
      card.back,
      JSON.stringify(card.tags),
      card.noteKey,
      card.sourceFile,
      card.sourceLine,
      card.importedHash,
      stamp,
      stamp,
    );
  }
  const update = (id: string, values: CardRowValues) =>
    updateCard.run(
      values.key,
      deckId(values.deckPath),
      values.kind,
      values.front,
      values.back,
      JSON.stringify(values.tags),
      values.noteKey,
      values.sourceFile,
      values.sourceLine,
      values.importedHash,
      stamp,
      id,
      target.scope,
    );
  for (const { id, values } of plan.update) update(id, values);
  // The learner's text stays; the note's position and the hash of its new text are recorded.
  for (const { id, values } of plan.keptEdits) update(id, values);
  for (const { id } of plan.suspend) suspendCard.run(stamp, id, target.scope);
  if (target.ownerId !== null) writeImportedStates(db, target.ownerId, target.scope, plan, now);
}

const STATE_COLUMNS = SCHEDULING_FIELDS.join(", ");
const STATE_PLACEHOLDERS = SCHEDULING_FIELDS.map(() => "?").join(", ");

/**
 * The owner's scheduling state from the review history their notes carry, for each card they have
 * not studied here: no CardState row, or one still New that only holds a burial or a suspension
 * (those are kept). A card with a review history in the app keeps it; the note's is ignored.
 */
function writeImportedStates(db: Database.Database, userId: string, scope: string, plan: ImportPlan, now: Date): void {
  if (plan.histories.length === 0) return;
  const settings = db.prepare(`SELECT schedulerSettings FROM "User" WHERE id = ?`).pluck().get(userId) as string | undefined;
  const states = importedStates(plan.histories, parseJsonText(settings), now);
  if (states.length === 0) return;
  const stamp = toStoredDate(now);
  const selectCard = db.prepare(`SELECT id FROM "Card" WHERE scope = ? AND key = ?`).pluck();
  const selectState = db.prepare(`SELECT id, state, reps, version FROM "CardState" WHERE userId = ? AND cardId = ?`);
  const insertState = db.prepare(
    `INSERT INTO "CardState" (id, userId, cardId, ${STATE_COLUMNS}, suspended, version, updatedAt) VALUES (?, ?, ?, ${STATE_PLACEHOLDERS}, 0, 1, ?)`,
  );
  const updateState = db.prepare(
    `UPDATE "CardState" SET ${SCHEDULING_FIELDS.map((field) => `${field} = ?`).join(", ")}, version = ?, updatedAt = ? WHERE id = ?`,
  );
  for (const { key, state } of states) {
    const cardId = selectCard.get(scope, key) as string | undefined;
    if (cardId === undefined) continue;
    const values = SCHEDULING_FIELDS.map((field) => toStoredValue(state[field]));
    const row = selectState.get(userId, cardId) as { id: string; state: number; reps: number; version: number } | undefined;
    if (!row) insertState.run(randomUUID(), userId, cardId, ...values, stamp);
    // The version moves on, so a review screen that showed the card as new cannot grade it as new.
    else if (row.state === CardStateCode.New && row.reps === 0) updateState.run(...values, row.version + 1, stamp, row.id);
  }
}

export function sqliteBulkImport(
  file: string,
): Pick<BulkWrites, "readStoredCards" | "importInTransaction" | "readImportBaseline" | "importWithExtrasInTransaction"> {
  return {
    readStoredCards: (scope) => readStoredCards(file, scope),
    importInTransaction: (target, makePlan, now) => importInTransaction(file, target, makePlan, now),
    readImportBaseline: (target, prefix) => readImportBaseline(file, target, prefix),
    importWithExtrasInTransaction: (target, makePlan, extras, now) => importWithExtrasInTransaction(file, target, makePlan, extras, now),
  };
}
