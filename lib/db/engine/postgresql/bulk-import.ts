// The import's reads and writes on PostgreSQL: the PostgreSQL side of BulkWrites (../ports.ts).
// Each kind of row is written in a few statements over unnest()ed arrays (unnest.ts), never a
// statement per row, inside one transaction. Two imports of one scope run one after the other
// (an advisory lock on the scope), and the scope's cards are read locked against edits and
// deletions, so the plan is made from the rows as they are when it is applied. Ids are made here
// as on SQLite (random UUIDs), since Prisma's cuid() defaults live in the client, not the database.
import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { CardStateCode, type SchedulingState } from "../../../srs/index.ts";
import { cardTags } from "../../card-tags.ts";
import { deckName, type CardRowValues, type ImportPlan, type ImportTarget, type StoredCard } from "../../import-plan.ts";
import { importedStates } from "../imported-states.ts";
import type { BulkWrites, ImportBaseline, ImportExtras, ImportWithExtrasWrite } from "../ports.ts";
import { cardIdsByKey } from "./card-ids.ts";
import { schedulingColumns } from "./columns.ts";
import { insertMedia, mediaBudget, selectClientReviewIds, writeHistories } from "./import-extras.ts";
import { inTransaction } from "./transaction.ts";
import { columnList, slices, unnestRows, type Column } from "./unnest.ts";

/**
 * The first key of the two-key advisory locks the imports take (the second is the scope's hash).
 * Two-key and one-key advisory locks never collide, and other two-key locks use other first keys.
 */
const IMPORT_LOCK_SPACE = 1;

const STORED_CARDS = `SELECT c.id, c.key, c.kind, c.front, c.back, c.tags, c."noteKey", c."sourceFile", c."sourceLine", c.suspended,
    c."importedHash", d.path AS "deckPath"
  FROM "Card" c JOIN "Deck" d ON d.id = c."deckId" WHERE c.scope = $1`;

/** pg parses jsonb, so `tags` arrives as a value; cardTags keeps only its strings. */
type StoredCardRow = Omit<StoredCard, "tags"> & { tags: unknown };

const storedCard = (row: StoredCardRow): StoredCard => ({ ...row, tags: cardTags(row.tags) });

async function selectStoredCards(client: pg.ClientBase, scope: string, lock: boolean): Promise<StoredCard[]> {
  // FOR NO KEY UPDATE holds off a learner's edit or a deck deletion until the import commits, but
  // not the key-share locks a grade's foreign keys take: studying goes on during an import.
  const { rows } = await client.query<StoredCardRow>(lock ? `${STORED_CARDS} FOR NO KEY UPDATE OF c` : STORED_CARDS, [scope]);
  return rows.map(storedCard);
}

/** Serialises imports of one scope (a learner's library, or the starter decks) until the transaction ends. */
async function lockScope(client: pg.ClientBase, scope: string): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [IMPORT_LOCK_SPACE, scope]);
}

/** The plan made and applied under the scope's locks; shared by both import kinds. */
async function planAndWrite(
  client: pg.ClientBase,
  target: ImportTarget,
  makePlan: (stored: StoredCard[]) => ImportPlan,
  now: Date,
): Promise<ImportPlan> {
  const plan = makePlan(await selectStoredCards(client, target.scope, true));
  await writePlan(client, target, plan, now);
  return plan;
}

interface CardRow extends CardRowValues {
  id: string;
  deckId: string;
}

const CARD_VALUE_COLUMNS: Array<Column<CardRow>> = [
  { name: "id", type: "text", value: (c) => c.id },
  { name: "deckId", type: "text", value: (c) => c.deckId },
  { name: "key", type: "text", value: (c) => c.key },
  { name: "kind", type: "text", value: (c) => c.kind },
  { name: "front", type: "text", value: (c) => c.front },
  { name: "back", type: "text", value: (c) => c.back },
  { name: "tags", type: "jsonb", value: (c) => JSON.stringify(c.tags) },
  { name: "noteKey", type: "text", value: (c) => c.noteKey },
  { name: "sourceFile", type: "text", value: (c) => c.sourceFile },
  { name: "sourceLine", type: "int", value: (c) => c.sourceLine },
  { name: "importedHash", type: "text", value: (c) => c.importedHash },
];

const DECK_COLUMNS: Array<Column<{ id: string; path: string }>> = [
  { name: "id", type: "text", value: (d) => d.id },
  { name: "path", type: "text", value: (d) => d.path },
  { name: "name", type: "text", value: (d) => deckName(d.path) },
];

/** The plan's decks and cards, and the states the notes' histories give; inside the caller's transaction. */
async function writePlan(client: pg.ClientBase, target: ImportTarget, plan: ImportPlan, now: Date): Promise<void> {
  const { scope, ownerId } = target;
  if (plan.deckPaths.length > 0) {
    const decks = unnestRows(
      "d",
      DECK_COLUMNS,
      plan.deckPaths.map((path) => ({ id: randomUUID(), path })),
      4,
    );
    await client.query(
      `INSERT INTO "Deck" ("ownerId", scope, "createdAt", "updatedAt", ${columnList(DECK_COLUMNS)})
       SELECT $1::text, $2::text, $3::timestamptz, $3::timestamptz, d.* FROM ${decks.sql}
       ON CONFLICT (scope, path) DO NOTHING`,
      [ownerId, scope, now, ...decks.values],
    );
  }
  const { rows: decks } = await client.query<{ id: string; path: string }>(`SELECT id, path FROM "Deck" WHERE scope = $1`, [scope]);
  const deckIds = new Map(decks.map((deck) => [deck.path, deck.id]));
  const row = (id: string, values: CardRowValues): CardRow => {
    const deckId = deckIds.get(values.deckPath);
    if (!deckId) throw new Error(`deck "${values.deckPath}" is missing from the import`);
    return { ...values, id, deckId };
  };

  for (const slice of slices(plan.create)) {
    const cards = unnestRows(
      "c",
      CARD_VALUE_COLUMNS,
      slice.map((values) => row(randomUUID(), values)),
      3,
    );
    await client.query(
      `INSERT INTO "Card" (scope, suspended, "createdAt", "updatedAt", ${columnList(CARD_VALUE_COLUMNS)})
       SELECT $1::text, false, $2::timestamptz, $2::timestamptz, c.* FROM ${cards.sql}`,
      [scope, now, ...cards.values],
    );
  }
  // The learner's text stays on kept edits; the note's position and the hash of its new text are recorded.
  const updates = [...plan.update, ...plan.keptEdits].map(({ id, values }) => row(id, values));
  const changed = CARD_VALUE_COLUMNS.filter((column) => column.name !== "id");
  for (const slice of slices(updates)) {
    const cards = unnestRows("u", CARD_VALUE_COLUMNS, slice, 3);
    await client.query(
      `UPDATE "Card" c SET ${changed.map(({ name }) => `"${name}" = u."${name}"`).join(", ")}, suspended = false, "updatedAt" = $2
       FROM ${cards.sql} WHERE c.id = u.id AND c.scope = $1`,
      [scope, now, ...cards.values],
    );
  }
  if (plan.suspend.length > 0) {
    await client.query(`UPDATE "Card" SET suspended = true, "updatedAt" = $2 WHERE scope = $1 AND id = ANY($3::text[])`, [
      scope,
      now,
      plan.suspend.map((card) => card.id),
    ]);
  }
  if (ownerId !== null) await writeImportedStates(client, ownerId, scope, plan, now);
}

interface ImportedStateRow {
  id: string;
  cardId: string;
  state: SchedulingState;
}

const IMPORTED_STATE_COLUMNS: Array<Column<ImportedStateRow>> = [
  { name: "id", type: "text", value: (r) => r.id },
  { name: "cardId", type: "text", value: (r) => r.cardId },
  ...schedulingColumns<ImportedStateRow>((r) => r.state),
];

/**
 * The owner's scheduling state from the review history their notes carry, for each card they have
 * not studied here: no CardState row, or one still New that only holds a burial or a suspension
 * (those are kept). A card with a review history in the app keeps it; the note's is ignored.
 */
async function writeImportedStates(client: pg.ClientBase, userId: string, scope: string, plan: ImportPlan, now: Date): Promise<void> {
  if (plan.histories.length === 0) return;
  const { rows: users } = await client.query<{ schedulerSettings: unknown }>(`SELECT "schedulerSettings" FROM "User" WHERE id = $1`, [
    userId,
  ]);
  const states = importedStates(plan.histories, users[0]?.schedulerSettings, now);
  if (states.length === 0) return;
  const ids = await cardIdsByKey(
    client,
    scope,
    states.map((s) => s.key),
  );
  const rows = states.flatMap(({ key, state }) => {
    const cardId = ids.get(key);
    return cardId === undefined ? [] : [{ id: randomUUID(), cardId, state }];
  });
  const updated = IMPORTED_STATE_COLUMNS.filter((column) => column.name !== "id" && column.name !== "cardId");
  for (const slice of slices(rows)) {
    const states = unnestRows("u", IMPORTED_STATE_COLUMNS, slice, 3);
    // The version moves on, so a review screen that showed the card as new cannot grade it as new.
    await client.query(
      `UPDATE "CardState" s SET ${updated.map(({ name }) => `"${name}" = u."${name}"`).join(", ")}, version = s.version + 1, "updatedAt" = $2
       FROM ${states.sql} WHERE s."userId" = $1 AND s."cardId" = u."cardId" AND s.state = ${CardStateCode.New} AND s.reps = 0`,
      [userId, now, ...states.values],
    );
    await client.query(
      `INSERT INTO "CardState" ("userId", suspended, version, "updatedAt", ${columnList(IMPORTED_STATE_COLUMNS)})
       SELECT $1::text, false, 1, $2::timestamptz, u.* FROM ${states.sql}
       ON CONFLICT ("userId", "cardId") DO NOTHING`,
      [userId, now, ...states.values],
    );
  }
}

export function postgresBulkImport(
  pool: () => pg.Pool,
): Pick<BulkWrites, "readStoredCards" | "importInTransaction" | "readImportBaseline" | "importWithExtrasInTransaction"> {
  return {
    async readStoredCards(scope) {
      return (await pool().query<StoredCardRow>(STORED_CARDS, [scope])).rows.map(storedCard);
    },

    importInTransaction(target, makePlan, now) {
      return inTransaction(pool(), async (client) => {
        await lockScope(client, target.scope);
        return planAndWrite(client, target, makePlan, now);
      });
    },

    // One snapshot, so the cards and the review ids are of one moment.
    readImportBaseline(target, prefix): Promise<ImportBaseline> {
      return inTransaction(
        pool(),
        async (client) => ({
          stored: await selectStoredCards(client, target.scope, false),
          clientReviewIds: target.ownerId ? await selectClientReviewIds(client, target.ownerId, prefix) : new Set<string>(),
        }),
        { snapshot: true, readOnly: true },
      );
    },

    importWithExtrasInTransaction(target, makePlan, extras: ImportExtras, now): Promise<ImportWithExtrasWrite> {
      return inTransaction(pool(), async (client): Promise<ImportWithExtrasWrite> => {
        await lockScope(client, target.scope);
        // The budget is checked before anything is written, with what the scope holds read under the lock.
        const media = await mediaBudget(client, target.scope, extras.media);
        if (media.stored + media.adding > extras.maxMediaBytes) {
          return { ok: false, mediaBytesStored: media.stored, mediaBytesAdding: media.adding };
        }
        const plan = await planAndWrite(client, target, makePlan, now);
        const newMedia = await insertMedia(client, target.scope, target.ownerId, media.fresh, now);
        const history = target.ownerId
          ? await writeHistories(client, target.ownerId, target.scope, extras, now)
          : { newReviews: 0, states: 0 };
        return { ok: true, plan, newMedia, ...history };
      });
    },
  };
}
