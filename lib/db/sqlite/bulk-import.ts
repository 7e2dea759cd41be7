// The import's reads and writes, straight through better-sqlite3. A vault of tens of thousands of
// cards took Prisma's createMany about 30 s on our machines and the same rows take well under a
// second as prepared statements in one transaction (bench/import-db.ts). SQLite only: a PostgreSQL
// deployment needs its own bulk path here. Values are stored the way Prisma stores them (DateTime
// as ISO-8601 text with "+00:00", Boolean as 0/1), so Prisma reads these rows like its own.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { env } from "../../env.ts";
import { sqliteFilePath } from "../database-path.ts";
import { toStoredDate } from "./connection.ts";
import { retryWhileBusy } from "./busy-retry.ts";
import { DATABASE_BUSY_WAIT_MS } from "../database-busy.ts";
import { DECK_PATH_SEPARATOR, type ImportPlan, type StoredCard } from "../import-plan.ts";
import type { ImportTarget } from "../card-import.ts";

export { toStoredDate as prismaDateTime } from "./connection.ts";

// No busy timeout on the connection: better-sqlite3 would sleep inside the native call and stall
// every request of the process. Reads never wait under WAL; the write lock is waited for on a timer.
async function withConnection<T>(work: (db: Database.Database) => T | Promise<T>): Promise<T> {
  const db = new Database(sqliteFilePath(env().DATABASE_URL), { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("foreign_keys = ON");
    return await work(db);
  } finally {
    db.close();
  }
}

interface StoredCardRow extends Omit<StoredCard, "suspended"> {
  suspended: number;
}

function selectStoredCards(db: Database.Database, scope: string): StoredCard[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.key, c.kind, c.front, c.back, c.tags, c.noteKey, c.sourceFile, c.sourceLine, c.suspended, d.path AS deckPath
       FROM "Card" c JOIN "Deck" d ON d.id = c.deckId WHERE c.scope = ?`,
    )
    .all(scope) as StoredCardRow[];
  return rows.map((row) => ({ ...row, suspended: row.suspended !== 0 }));
}

export function readStoredCards(scope: string): Promise<StoredCard[]> {
  return withConnection((db) => selectStoredCards(db, scope));
}

/**
 * Plans and applies an import in one transaction: the plan is made from the rows as they are
 * inside it, and nothing is written unless all of it is.
 */
export function importInTransaction(target: ImportTarget, makePlan: (stored: StoredCard[]) => ImportPlan, now: Date): Promise<ImportPlan> {
  const stamp = toStoredDate(now);
  return withConnection((db) => {
    const deckIds = new Map<string, string>();
    const selectDecks = db.prepare(`SELECT id, path FROM "Deck" WHERE scope = ?`);
    const insertDeck = db.prepare(
      `INSERT INTO "Deck" (id, ownerId, scope, path, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertCard = db.prepare(
      `INSERT INTO "Card" (id, deckId, scope, key, kind, front, back, tags, noteKey, sourceFile, sourceLine, suspended, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    );
    const updateCard = db.prepare(
      `UPDATE "Card" SET key = ?, deckId = ?, kind = ?, front = ?, back = ?, tags = ?, noteKey = ?, sourceFile = ?, sourceLine = ?, suspended = 0, updatedAt = ?
       WHERE id = ? AND scope = ?`,
    );
    const suspendCard = db.prepare(`UPDATE "Card" SET suspended = 1, updatedAt = ? WHERE id = ? AND scope = ?`);

    const deckId = (path: string): string => {
      const id = deckIds.get(path);
      if (!id) throw new Error(`deck "${path}" is missing from the import`);
      return id;
    };
    const apply = db.transaction((): ImportPlan => {
      const plan = makePlan(selectStoredCards(db, target.scope));
      for (const row of selectDecks.all(target.scope) as Array<{ id: string; path: string }>) deckIds.set(row.path, row.id);
      for (const path of plan.deckPaths) {
        if (deckIds.has(path)) continue;
        const id = randomUUID();
        insertDeck.run(id, target.ownerId, target.scope, path, path.split(DECK_PATH_SEPARATOR).at(-1) ?? path, stamp, stamp);
        deckIds.set(path, id);
      }
      for (const card of plan.create) {
        insertCard.run(randomUUID(), deckId(card.deckPath), target.scope, card.key, card.kind, card.front, card.back, card.tags,
          card.noteKey, card.sourceFile, card.sourceLine, stamp, stamp);
      }
      for (const { id, values } of plan.update) {
        updateCard.run(values.key, deckId(values.deckPath), values.kind, values.front, values.back, values.tags, values.noteKey,
          values.sourceFile, values.sourceLine, stamp, id, target.scope);
      }
      for (const { id } of plan.suspend) suspendCard.run(stamp, id, target.scope);
      return plan;
    });
    // IMMEDIATE takes the write lock up front, so a concurrent writer waits instead of failing
    // mid-way; a BEGIN refused as busy has done nothing and is simply tried again.
    return retryWhileBusy(async () => apply.immediate(), { maxWaitMs: DATABASE_BUSY_WAIT_MS });
  });
}
