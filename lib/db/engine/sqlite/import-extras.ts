// The rows an import of another app's collection (an Anki package) brings beside its cards: the
// images, the review rows, and each card's replayed state. They are written inside the import's
// transaction (bulk-import.ts), so cards and history are stored together or not at all.
import "server-only";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { REVIEW_LOG_FIELDS, SCHEDULING_FIELDS, newSchedulingState } from "../../../srs/index.ts";
import type { ImportedCardHistory, ImportedMedia, ImportExtras } from "../ports.ts";
import { toStoredDate, toStoredValue } from "./stored-dates.ts";

const DAY_MS = 86_400_000;

/** A LIKE pattern matching ids that start with `prefix`, taken literally (`\` escapes % and _). */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The owner's review ids that start with `prefix`: what a re-import of that source already stored. */
export function selectClientReviewIds(db: Database.Database, userId: string, prefix: string): Set<string> {
  const ids = db
    .prepare(`SELECT clientReviewId FROM "ReviewLog" WHERE userId = ? AND clientReviewId LIKE ? ESCAPE '\\'`)
    .pluck()
    .all(userId, prefixPattern(prefix)) as string[];
  return new Set(ids);
}

export interface MediaBudget {
  fresh: ImportedMedia[];
  stored: number;
  adding: number;
}

/** The images the scope lacks (by hash) and the bytes it holds and would add. */
export function mediaBudget(db: Database.Database, scope: string, media: readonly ImportedMedia[]): MediaBudget {
  if (media.length === 0) return { fresh: [], stored: 0, adding: 0 };
  const has = db.prepare(`SELECT 1 FROM "Media" WHERE scope = ? AND sha256 = ?`).pluck();
  const fresh = media.filter((m) => has.get(scope, m.sha256) === undefined);
  const stored = (db.prepare(`SELECT coalesce(sum(size), 0) FROM "Media" WHERE scope = ?`).pluck().get(scope) as number) ?? 0;
  return { fresh, stored, adding: fresh.reduce((sum, m) => sum + m.bytes.length, 0) };
}

export function insertMedia(
  db: Database.Database,
  scope: string,
  ownerId: string | null,
  fresh: readonly ImportedMedia[],
  stamp: string,
): number {
  const insert = db.prepare(
    `INSERT INTO "Media" (id, scope, ownerId, sha256, name, mime, size, bytes, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const m of fresh) insert.run(randomUUID(), scope, ownerId, m.sha256, m.name, m.mime, m.bytes.length, Buffer.from(m.bytes), stamp);
  return fresh.length;
}

const STATE_COLUMNS = SCHEDULING_FIELDS.join(", ");
const LOG_COLUMNS = REVIEW_LOG_FIELDS.join(", ");

/**
 * Review rows not stored yet (idempotent by client review id), and the replayed state for cards
 * the owner has not reviewed in this app: a card with reviews made here keeps its state, as a
 * notes import keeps it. Cards whose key the scope lacks are passed over.
 */
export function writeHistories(
  db: Database.Database,
  userId: string,
  scope: string,
  extras: Pick<ImportExtras, "histories" | "clientReviewIdPrefix">,
  now: Date,
): { newReviews: number; states: number } {
  const stamp = toStoredDate(now);
  const selectCard = db.prepare(`SELECT id FROM "Card" WHERE scope = ? AND key = ?`).pluck();
  const insertLog = db.prepare(
    `INSERT OR IGNORE INTO "ReviewLog" (id, userId, cardId, ${LOG_COLUMNS}, durationMs, clientReviewId) VALUES (?, ?, ?, ${REVIEW_LOG_FIELDS.map(() => "?").join(", ")}, ?, ?)`,
  );
  const ownReviews = db
    .prepare(
      `SELECT count(*) FROM "ReviewLog" WHERE userId = ? AND cardId = ? AND (clientReviewId IS NULL OR clientReviewId NOT LIKE ? ESCAPE '\\')`,
    )
    .pluck();
  const selectState = db.prepare(`SELECT id, version FROM "CardState" WHERE userId = ? AND cardId = ?`);
  const insertState = db.prepare(
    `INSERT INTO "CardState" (id, userId, cardId, ${STATE_COLUMNS}, buriedUntil, suspended, version, updatedAt) VALUES (?, ?, ?, ${SCHEDULING_FIELDS.map(() => "?").join(", ")}, ?, ?, 1, ?)`,
  );
  const updateState = db.prepare(
    `UPDATE "CardState" SET ${SCHEDULING_FIELDS.map((f) => `${f} = ?`).join(", ")}, buriedUntil = ?, suspended = ?, version = ?, updatedAt = ? WHERE id = ?`,
  );
  const pattern = prefixPattern(extras.clientReviewIdPrefix);
  let newReviews = 0;
  let states = 0;
  for (const card of extras.histories) {
    const cardId = selectCard.get(scope, card.key) as string | undefined;
    if (!cardId) continue;
    for (const review of card.reviews) {
      const values = REVIEW_LOG_FIELDS.map((field) => toStoredValue(review.log[field]));
      newReviews += insertLog.run(randomUUID(), userId, cardId, ...values, review.durationMs, review.clientReviewId).changes;
    }
    if (!needsState(card)) continue;
    if ((ownReviews.get(userId, cardId, pattern) as number) > 0) continue;
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

/** A card still new there, neither suspended nor buried, leaves the state here alone. */
function needsState(card: ImportedCardHistory): boolean {
  return card.state !== null || card.suspended || card.buried;
}
