// A backup restore on PostgreSQL: the PostgreSQL side of BulkWrites.restoreInTransaction. The
// cards are found and locked, the learner's states and logs of those cards replaced, and the
// settings written, in one transaction of a few statements over unnest()ed arrays (unnest.ts).
// Other requests go on meanwhile: readers see the rows before the restore until it commits, and
// only grades of the restored cards wait for it (their state rows are locked).
import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { BackupCardState, BackupReviewLog } from "../../../srs/index.ts";
import type { RestoreRows, RestoreWrite } from "../ports.ts";
import { reviewLogColumns, schedulingColumns } from "./columns.ts";
import { inTransaction } from "./transaction.ts";
import { columnList, slices, unnestRows, type Column } from "./unnest.ts";

interface StateRow {
  id: string;
  cardId: string;
  state: BackupCardState;
  version: number;
}

const STATE_COLUMNS: Array<Column<StateRow>> = [
  { name: "id", type: "text", value: (r) => r.id },
  { name: "cardId", type: "text", value: (r) => r.cardId },
  ...schedulingColumns<StateRow>((r) => r.state),
  { name: "buriedUntil", type: "timestamptz", value: (r) => r.state.buriedUntil },
  { name: "suspended", type: "bool", value: (r) => r.state.suspended },
  { name: "version", type: "int", value: (r) => r.version },
];

interface LogRow {
  id: string;
  cardId: string;
  log: BackupReviewLog;
}

const LOG_COLUMNS: Array<Column<LogRow>> = [
  { name: "id", type: "text", value: (r) => r.id },
  { name: "cardId", type: "text", value: (r) => r.cardId },
  ...reviewLogColumns<LogRow>((r) => r.log),
  { name: "durationMs", type: "int", value: (r) => r.log.durationMs },
];

/** The backup's cards by backup key, locked against deletion until the restore ends; keys not found are missing. */
async function findCards(client: pg.ClientBase, rows: RestoreRows): Promise<{ ids: Map<string, string>; missing: string[] }> {
  const refs = [...rows.cards];
  const { rows: found } = await client.query<{ scope: string; key: string; id: string }>(
    `SELECT c.scope, c.key, c.id FROM "Card" c JOIN unnest($1::text[], $2::text[]) AS r(scope, key) ON c.scope = r.scope AND c.key = r.key
     FOR KEY SHARE OF c`,
    [refs.map(([, ref]) => ref.scope), refs.map(([, ref]) => ref.key)],
  );
  const byRef = new Map(found.map((card) => [`${card.scope}\n${card.key}`, card.id]));
  const ids = new Map<string, string>();
  const missing: string[] = [];
  for (const [backupKey, ref] of refs) {
    const id = byRef.get(`${ref.scope}\n${ref.key}`);
    if (id === undefined) missing.push(backupKey);
    else ids.set(backupKey, id);
  }
  return { ids, missing };
}

async function writeRows(client: pg.ClientBase, rows: RestoreRows): Promise<RestoreWrite> {
  // The learner's row first: a second restore of the same learner waits here for this one.
  const user = await client.query(`SELECT 1 FROM "User" WHERE id = $1 FOR NO KEY UPDATE`, [rows.userId]);
  if (user.rowCount !== 1) throw new Error(`restore: no user ${rows.userId}`);
  const { ids, missing } = await findCards(client, rows);
  if (missing.length > 0) return { ok: false, missing };

  const states = Object.entries(rows.states).map(([backupKey, state]) => ({ cardId: ids.get(backupKey)!, state }));
  const cardIds = states.map((s) => s.cardId);
  // Locked until commit, so a grade of these cards waits and then sees the restored version.
  const { rows: held } = await client.query<{ cardId: string; version: number }>(
    `SELECT "cardId", version FROM "CardState" WHERE "userId" = $1 AND "cardId" = ANY($2::text[]) FOR UPDATE`,
    [rows.userId, cardIds],
  );
  const versions = new Map(held.map((row) => [row.cardId, row.version]));
  await client.query(`DELETE FROM "ReviewLog" WHERE "userId" = $1 AND "cardId" = ANY($2::text[])`, [rows.userId, cardIds]);
  await client.query(`DELETE FROM "CardState" WHERE "userId" = $1 AND "cardId" = ANY($2::text[])`, [rows.userId, cardIds]);

  // The version moves past any a review screen may hold, so a grade made before the restore is refused.
  const stateRows = states.map(({ cardId, state }) => ({ id: randomUUID(), cardId, state, version: (versions.get(cardId) ?? 0) + 1 }));
  for (const slice of slices(stateRows)) {
    const values = unnestRows("s", STATE_COLUMNS, slice, 3);
    await client.query(
      `INSERT INTO "CardState" ("userId", "updatedAt", ${columnList(STATE_COLUMNS)}) SELECT $1::text, $2::timestamptz, s.* FROM ${values.sql}`,
      [rows.userId, rows.now, ...values.values],
    );
  }
  const logRows = rows.logs.map((log): LogRow => {
    const cardId = ids.get(log.cardKey);
    if (cardId === undefined) throw new Error(`restore: review log for "${log.cardKey}", which has no card state in the backup`);
    return { id: randomUUID(), cardId, log };
  });
  for (const slice of slices(logRows)) {
    const values = unnestRows("l", LOG_COLUMNS, slice, 2);
    await client.query(`INSERT INTO "ReviewLog" ("userId", ${columnList(LOG_COLUMNS)}) SELECT $1::text, l.* FROM ${values.sql}`, [
      rows.userId,
      ...values.values,
    ]);
  }
  await client.query(`UPDATE "User" SET "schedulerSettings" = $1::jsonb, "updatedAt" = $2 WHERE id = $3`, [
    rows.settingsJson,
    rows.now,
    rows.userId,
  ]);
  return { ok: true, cards: ids.size, reviews: rows.logs.length };
}

/** See BulkWrites.restoreInTransaction: missing cards roll back, so nothing at all is written. */
export function restoreInTransaction(pool: pg.Pool, rows: RestoreRows): Promise<RestoreWrite> {
  return inTransaction(pool, (client) => writeRows(client, rows), { commitIf: (written) => written.ok });
}
