// The rows an import of another app's collection (an Anki package) brings beside its cards: the
// images, the review rows, and each card's replayed state, written inside the import's transaction
// (bulk-import.ts) a statement per kind of row, so cards and history are stored together or not at all.
import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { newSchedulingState, type SchedulingState } from "../../../srs/index.ts";
import type { ImportedCardHistory, ImportedMedia, ImportedReviewRow, ImportExtras } from "../ports.ts";
import { cardIdsByKey } from "./card-ids.ts";
import { assignments, reviewLogColumns, schedulingColumns } from "./columns.ts";
import { columnList, slices, unnestRows, type Column } from "./unnest.ts";

const DAY_MS = 86_400_000;

/**
 * The owner's review ids that start with `prefix` (taken literally, case and all): what a
 * re-import of that source already stored.
 */
export async function selectClientReviewIds(client: pg.ClientBase, userId: string, prefix: string): Promise<Set<string>> {
  const { rows } = await client.query<{ clientReviewId: string }>(
    `SELECT "clientReviewId" FROM "ReviewLog" WHERE "userId" = $1 AND starts_with("clientReviewId", $2)`,
    [userId, prefix],
  );
  return new Set(rows.map((row) => row.clientReviewId));
}

export interface MediaBudget {
  fresh: ImportedMedia[];
  stored: number;
  adding: number;
}

/** The images the scope lacks (by hash) and the bytes it holds and would add. */
export async function mediaBudget(client: pg.ClientBase, scope: string, media: readonly ImportedMedia[]): Promise<MediaBudget> {
  if (media.length === 0) return { fresh: [], stored: 0, adding: 0 };
  const held = await client.query<{ sha256: string }>(`SELECT sha256 FROM "Media" WHERE scope = $1 AND sha256 = ANY($2::text[])`, [
    scope,
    media.map((m) => m.sha256),
  ]);
  const has = new Set(held.rows.map((row) => row.sha256));
  const fresh = media.filter((m) => !has.has(m.sha256));
  // sum() of integers is a bigint, which pg hands back as text.
  const total = await client.query<{ stored: string }>(`SELECT coalesce(sum(size), 0) AS stored FROM "Media" WHERE scope = $1`, [scope]);
  return { fresh, stored: Number(total.rows[0]?.stored ?? 0), adding: fresh.reduce((sum, m) => sum + m.bytes.length, 0) };
}

/** Bytes of images per statement: each travels hex-encoded inside one array parameter. */
const MEDIA_BYTES_PER_STATEMENT = 16 * 1024 * 1024;

function* mediaSlices(media: readonly ImportedMedia[]): Generator<ImportedMedia[]> {
  let slice: ImportedMedia[] = [];
  let bytes = 0;
  for (const m of media) {
    if (slice.length > 0 && bytes + m.bytes.length > MEDIA_BYTES_PER_STATEMENT) {
      yield slice;
      slice = [];
      bytes = 0;
    }
    slice.push(m);
    bytes += m.bytes.length;
  }
  if (slice.length > 0) yield slice;
}

const MEDIA_COLUMNS: Array<Column<ImportedMedia & { id: string }>> = [
  { name: "id", type: "text", value: (m) => m.id },
  { name: "sha256", type: "text", value: (m) => m.sha256 },
  { name: "name", type: "text", value: (m) => m.name },
  { name: "mime", type: "text", value: (m) => m.mime },
  { name: "size", type: "int", value: (m) => m.bytes.length },
  { name: "bytes", type: "bytea", value: (m) => m.bytes },
];

export async function insertMedia(
  client: pg.ClientBase,
  scope: string,
  ownerId: string | null,
  fresh: readonly ImportedMedia[],
  now: Date,
): Promise<number> {
  for (const slice of mediaSlices(fresh)) {
    const rows = unnestRows(
      "m",
      MEDIA_COLUMNS,
      slice.map((m) => ({ ...m, id: randomUUID() })),
      4,
    );
    await client.query(
      `INSERT INTO "Media" (scope, "ownerId", "createdAt", ${columnList(MEDIA_COLUMNS)}) SELECT $1::text, $2::text, $3::timestamptz, m.* FROM ${rows.sql}`,
      [scope, ownerId, now, ...rows.values],
    );
  }
  return fresh.length;
}

interface ReviewRow {
  id: string;
  cardId: string;
  review: ImportedReviewRow;
}

const REVIEW_COLUMNS: Array<Column<ReviewRow>> = [
  { name: "id", type: "text", value: (r) => r.id },
  { name: "cardId", type: "text", value: (r) => r.cardId },
  ...reviewLogColumns<ReviewRow>((r) => r.review.log),
  { name: "durationMs", type: "int", value: (r) => r.review.durationMs },
  { name: "clientReviewId", type: "text", value: (r) => r.review.clientReviewId },
];

interface StateRow {
  id: string;
  cardId: string;
  state: SchedulingState;
  buriedUntil: Date | null;
  suspended: boolean;
}

const STATE_COLUMNS: Array<Column<StateRow>> = [
  { name: "id", type: "text", value: (r) => r.id },
  { name: "cardId", type: "text", value: (r) => r.cardId },
  ...schedulingColumns<StateRow>((r) => r.state),
  { name: "buriedUntil", type: "timestamptz", value: (r) => r.buriedUntil },
  { name: "suspended", type: "bool", value: (r) => r.suspended },
];

/** What the replay overwrites in a state the owner already has: everything but its ids. */
const STATE_UPDATE_COLUMNS = STATE_COLUMNS.filter((column) => column.name !== "id" && column.name !== "cardId");

/**
 * Review rows not stored yet (once only, by the unique [userId, clientReviewId]), and the
 * replayed state for cards the owner has not reviewed in this app: a card with reviews made here
 * keeps its state, as a notes import keeps it. Cards whose key the scope lacks are passed over.
 */
export async function writeHistories(
  client: pg.ClientBase,
  userId: string,
  scope: string,
  extras: Pick<ImportExtras, "histories" | "clientReviewIdPrefix">,
  now: Date,
): Promise<{ newReviews: number; states: number }> {
  const ids = await cardIdsByKey(
    client,
    scope,
    extras.histories.map((card) => card.key),
  );
  const known = extras.histories.filter((card) => ids.has(card.key));

  let newReviews = 0;
  const reviews = known.flatMap((card) => card.reviews.map((review) => ({ id: randomUUID(), cardId: ids.get(card.key)!, review })));
  for (const slice of slices(reviews)) {
    const rows = unnestRows("r", REVIEW_COLUMNS, slice, 2);
    const inserted = await client.query(
      `INSERT INTO "ReviewLog" ("userId", ${columnList(REVIEW_COLUMNS)}) SELECT $1::text, r.* FROM ${rows.sql}
       ON CONFLICT ("userId", "clientReviewId") DO NOTHING`,
      [userId, ...rows.values],
    );
    newReviews += inserted.rowCount ?? 0;
  }

  const candidates = known.filter(needsState);
  if (candidates.length === 0) return { newReviews, states: 0 };
  const studied = await client.query<{ cardId: string }>(
    `SELECT DISTINCT "cardId" FROM "ReviewLog"
     WHERE "userId" = $1 AND "cardId" = ANY($2::text[]) AND ("clientReviewId" IS NULL OR NOT starts_with("clientReviewId", $3))`,
    [userId, candidates.map((card) => ids.get(card.key)!), extras.clientReviewIdPrefix],
  );
  const studiedHere = new Set(studied.rows.map((row) => row.cardId));
  const states: StateRow[] = candidates
    .filter((card) => !studiedHere.has(ids.get(card.key)!))
    .map((card) => ({
      id: randomUUID(),
      cardId: ids.get(card.key)!,
      state: card.state ?? newSchedulingState(now),
      buriedUntil: card.buried ? new Date(now.getTime() + DAY_MS) : null,
      suspended: card.suspended,
    }));
  for (const slice of slices(states)) await writeStates(client, userId, slice, now);
  return { newReviews, states: states.length };
}

/** Overwrites the owner's existing states of these cards (a new version) and inserts the rest. */
async function writeStates(client: pg.ClientBase, userId: string, states: readonly StateRow[], now: Date): Promise<void> {
  const rows = unnestRows("u", STATE_COLUMNS, states, 3);
  await client.query(
    `UPDATE "CardState" s SET ${assignments(STATE_UPDATE_COLUMNS, "u")}, version = s.version + 1, "updatedAt" = $2
     FROM ${rows.sql} WHERE s."userId" = $1 AND s."cardId" = u."cardId"`,
    [userId, now, ...rows.values],
  );
  await client.query(
    `INSERT INTO "CardState" ("userId", version, "updatedAt", ${columnList(STATE_COLUMNS)}) SELECT $1::text, 1, $2::timestamptz, u.* FROM ${rows.sql}
     ON CONFLICT ("userId", "cardId") DO NOTHING`,
    [userId, now, ...rows.values],
  );
}

/** A card still new there, neither suspended nor buried, leaves the state here alone. */
function needsState(card: ImportedCardHistory): boolean {
  return card.state !== null || card.suspended || card.buried;
}
