// Recording review events on PostgreSQL: every statement is a round trip to the server, so what a
// batch of events reads is one statement (each table's rows as a JSON array), and what its replay
// writes is one more (a chain of data-modifying WITH clauses over unnest()ed arrays). Both run on
// the Prisma transaction that holds the learner's review lock, so they see its rows and commit with it.
import "server-only";
import { randomUUID } from "node:crypto";
import { REVIEW_LOG_FIELDS, SCHEDULING_FIELDS } from "../../../srs/index.ts";
import type { NewReviewEvent, ReplayedState, ReviewEventRow, ReviewEventStore, ReviewLogRow, ReviewStateRow } from "../ports.ts";
import { assignments, reviewLogColumns, schedulingColumns } from "./columns.ts";
import { columnList, unnestRows, type Column } from "./unnest.ts";

const quoted = (fields: readonly string[]) => fields.map((field) => `"${field}"`).join(", ");

const EVENT_FIELDS = `id, "cardId", kind, rating, at, "durationMs", undoes, base`;

// UNION, not OR: each half follows its own index ((userId, id) and (userId, cardId, at)).
const READ_FOR_EVENTS = `SELECT
  (SELECT coalesce(json_agg(c), '[]') FROM (SELECT id, "deckId" FROM "Card" WHERE id = ANY($2::text[]) AND scope = ANY($3::text[])) c) AS cards,
  (SELECT coalesce(json_agg(e), '[]') FROM (
    SELECT ${EVENT_FIELDS} FROM "ReviewEvent" WHERE "userId" = $1 AND id = ANY($4::text[])
    UNION
    SELECT ${EVENT_FIELDS} FROM "ReviewEvent" WHERE "userId" = $1 AND "cardId" = ANY($2::text[])) e) AS events,
  (SELECT coalesce(json_agg(s), '[]') FROM (
    SELECT id, "cardId", ${quoted(SCHEDULING_FIELDS)}, "buriedUntil", suspended, version
    FROM "CardState" WHERE "userId" = $1 AND "cardId" = ANY($2::text[])) s) AS states,
  (SELECT coalesce(json_agg(l), '[]') FROM (
    SELECT id, "cardId", "clientReviewId", "durationMs", ${quoted(REVIEW_LOG_FIELDS)}
    FROM "ReviewLog" WHERE "userId" = $1 AND "cardId" = ANY($2::text[]) AND "clientReviewId" IS NOT NULL) l) AS logs`;

/** JSON carries a timestamptz as ISO-8601 text. */
const dateOf = (value: string | null) => (value === null ? null : new Date(value));

type Json<Row> = { [K in keyof Row]: Row[K] extends Date ? string : Row[K] extends Date | null ? string | null : Row[K] };

const EVENT_COLUMNS: Array<Column<NewReviewEvent>> = [
  { name: "id", type: "text", value: (e) => e.id },
  { name: "cardId", type: "text", value: (e) => e.cardId },
  { name: "kind", type: "text", value: (e) => e.kind },
  { name: "rating", type: "int", value: (e) => e.rating },
  { name: "at", type: "timestamptz", value: (e) => e.at },
  { name: "durationMs", type: "int", value: (e) => e.durationMs },
  { name: "deviceId", type: "text", value: (e) => e.deviceId },
  { name: "undoes", type: "text", value: (e) => e.undoes },
  { name: "base", type: "jsonb", value: (e) => (e.base === null ? null : JSON.stringify(e.base)) },
];

type NewState = ReplayedState & { id: string };

const STATE_COLUMNS: Array<Column<NewState>> = [
  { name: "id", type: "text", value: (s) => s.id },
  { name: "cardId", type: "text", value: (s) => s.cardId },
  ...schedulingColumns<NewState>((s) => s),
  { name: "buriedUntil", type: "timestamptz", value: (s) => s.buriedUntil },
  { name: "suspended", type: "bool", value: (s) => s.suspended },
  { name: "version", type: "int", value: (s) => s.version },
];
/** What a replay rewrites in a state row: everything but which learner and card it is. */
const STATE_VALUES = STATE_COLUMNS.filter((column) => column.name !== "id" && column.name !== "cardId");

const LOG_VALUES: Array<Column<ReviewLogRow>> = [
  ...reviewLogColumns<ReviewLogRow>((log) => log),
  { name: "durationMs", type: "int", value: (log) => log.durationMs },
];
const LOG_COLUMNS: Array<Column<ReviewLogRow>> = [
  { name: "id", type: "text", value: (log) => log.id },
  { name: "cardId", type: "text", value: (log) => log.cardId },
  { name: "clientReviewId", type: "text", value: (log) => log.clientReviewId },
  ...LOG_VALUES,
];

export const postgresReviewEvents: ReviewEventStore = {
  async readForEvents(tx, { userId, cardIds, scopes, eventIds }) {
    const [row] = await tx.$queryRawUnsafe<
      Array<{
        cards: { id: string; deckId: string }[];
        events: Json<ReviewEventRow>[];
        states: Json<ReviewStateRow>[];
        logs: Json<ReviewLogRow>[];
      }>
    >(READ_FOR_EVENTS, userId, [...cardIds], [...scopes], [...eventIds]);
    if (!row) throw new Error("the review events' read returned no row");
    return {
      cards: row.cards,
      events: row.events.map((e) => ({ ...e, at: new Date(e.at) })),
      states: row.states.map((s) => ({ ...s, due: new Date(s.due), lastReview: dateOf(s.lastReview), buriedUntil: dateOf(s.buriedUntil) })),
      logs: row.logs.map((l) => ({ ...l, due: new Date(l.due), review: new Date(l.review) })),
    };
  },

  async writeReplay(tx, userId, writes, now) {
    // $1 the learner, $2 now; each clause's arrays follow.
    const values: unknown[] = [userId, now.toISOString()];
    const clauses: string[] = [];
    const rowsOf = <Row>(alias: string, columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]) => {
      const unnested = unnestRows(alias, columns, rows, values.length + 1);
      values.push(...unnested.values);
      return unnested.sql;
    };
    const ids = (list: readonly string[]) => {
      values.push([...list]);
      return `$${values.length}::text[]`;
    };

    if (writes.events.length > 0) {
      clauses.push(`INSERT INTO "ReviewEvent" ("userId", "receivedAt", ${columnList(EVENT_COLUMNS)})
        SELECT $1::text, $2::timestamptz, e.* FROM ${rowsOf("e", EVENT_COLUMNS, writes.events)}`);
    }
    if (writes.removedStates.length > 0) {
      clauses.push(`DELETE FROM "CardState" WHERE "userId" = $1 AND "cardId" = ANY(${ids(writes.removedStates)})`);
    }
    if (writes.states.length > 0) {
      // One upsert instead of delete and insert: the row keeps its id; a new one gets a random UUID
      // (Prisma's cuid() default lives in its client, not in the database).
      const states = writes.states.map((state) => ({ ...state, id: randomUUID() }));
      clauses.push(`INSERT INTO "CardState" ("userId", "updatedAt", ${columnList(STATE_COLUMNS)})
        SELECT $1::text, $2::timestamptz, s.* FROM ${rowsOf("s", STATE_COLUMNS, states)}
        ON CONFLICT ("userId", "cardId") DO UPDATE SET ${assignments(STATE_VALUES, "excluded")}, "updatedAt" = excluded."updatedAt"`);
    }
    if (writes.removedLogs.length > 0) {
      clauses.push(`DELETE FROM "ReviewLog" WHERE "userId" = $1 AND id = ANY(${ids(writes.removedLogs)})`);
    }
    if (writes.changedLogs.length > 0) {
      clauses.push(`UPDATE "ReviewLog" l SET ${assignments(LOG_VALUES, "u")}
        FROM ${rowsOf("u", LOG_COLUMNS, writes.changedLogs)} WHERE l.id = u.id AND l."userId" = $1`);
    }
    if (writes.newLogs.length > 0) {
      clauses.push(`INSERT INTO "ReviewLog" ("userId", ${columnList(LOG_COLUMNS)})
        SELECT $1::text, l.* FROM ${rowsOf("l", LOG_COLUMNS, writes.newLogs)}`);
    }
    if (clauses.length === 0) return;
    // The clauses touch different rows (new events, disjoint cards, disjoint log ids), so running
    // them as one statement, against one snapshot, writes what running them in turn would.
    await tx.$executeRawUnsafe(`WITH ${clauses.map((sql, i) => `w${i} AS (${sql})`).join(",\n")} SELECT 1`, ...values);
  },
};
