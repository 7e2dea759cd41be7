// The reads behind today's queue, on the shared pool beside Prisma, each following the index the
// SQLite engine's reads follow: CardState (userId, state, due), Card (scope, sourceFile, sourceLine),
// ReviewLog (userId, review). Dates are timestamptz both ways, so pg hands back Dates and takes
// them as parameters. Each statement is named, so every connection prepares it once.
import "server-only";
import type pg from "pg";
import { CardStateCode, SCHEDULING_FIELDS, type SchedulingState } from "../../../srs/index.ts";
import type { DayLogRow, DueStateRow, NewCardRow, QueueReads } from "../ports.ts";

const { New, Learning, Review, Relearning } = CardStateCode;

type RawDueState = SchedulingState & Omit<DueStateRow, "state">;

const DUE_STATE_COLUMNS = `s."cardId", c."deckId", c."noteKey", c.scope, c.suspended AS "cardSuspended", s."buriedUntil",
  ${SCHEDULING_FIELDS.map((field) => `s."${field}"`).join(", ")}`;

function toDueStateRow(r: RawDueState): DueStateRow {
  const state = {} as Record<keyof SchedulingState, unknown>;
  for (const field of SCHEDULING_FIELDS) state[field] = r[field];
  return {
    cardId: r.cardId,
    deckId: r.deckId,
    noteKey: r.noteKey,
    scope: r.scope,
    cardSuspended: r.cardSuspended,
    buriedUntil: r.buriedUntil,
    state: state as unknown as SchedulingState,
  };
}

const DUE_LEARNING = `SELECT ${DUE_STATE_COLUMNS} FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
  WHERE s."userId" = $1 AND s.state IN (${Learning}, ${Relearning}) AND s.due < $2 AND NOT s.suspended`;

// The queue never shows more reviews in a day than the daily limit, so reading past `take` would be waste.
const DUE_REVIEW = `SELECT ${DUE_STATE_COLUMNS} FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
  WHERE s."userId" = $1 AND s.state = ${Review} AND s.due < $2 AND NOT s.suspended
  ORDER BY s.due LIMIT $3`;

const firstUnstudied = (byDeck: boolean) => `SELECT c.id, c."deckId", c."noteKey", c."sourceFile", c."sourceLine"
  FROM "Card" c
  WHERE c.scope = $1 AND NOT c.suspended ${byDeck ? `AND c."deckId" = $4` : ""}
    AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."userId" = $2 AND s."cardId" = c.id AND (s.state <> ${New} OR s.suspended))
  ORDER BY c."sourceFile", c."sourceLine"
  LIMIT $3`;

const BURIED_NEW = `SELECT "cardId", "buriedUntil" FROM "CardState" WHERE "userId" = $1 AND "buriedUntil" > $2 AND state = ${New}`;

const LOGS_BETWEEN = `SELECT c."deckId", c."noteKey", l.state, l.review FROM "ReviewLog" l JOIN "Card" c ON c.id = l."cardId"
  WHERE l."userId" = $1 AND l.review >= $2 AND l.review < $3`;

export function postgresQueueReads(pool: () => pg.Pool): QueueReads {
  const rows = async <Row extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) =>
    (await pool().query<Row>({ name, text, values })).rows;
  return {
    async dueLearningStates(userId, horizon) {
      return (await rows<RawDueState>("queue-due-learning", DUE_LEARNING, [userId, horizon])).map(toDueStateRow);
    },

    async dueReviewStates(userId, dayEnd, take) {
      return (await rows<RawDueState>("queue-due-review", DUE_REVIEW, [userId, dayEnd, take])).map(toDueStateRow);
    },

    async firstUnstudiedCards(userId, scope, deckId, take) {
      return deckId
        ? rows<NewCardRow>("queue-first-unstudied-deck", firstUnstudied(true), [scope, userId, take, deckId])
        : rows<NewCardRow>("queue-first-unstudied", firstUnstudied(false), [scope, userId, take]);
    },

    async buriedNewCards(userId, now) {
      const buried = await rows<{ cardId: string; buriedUntil: Date }>("queue-buried-new", BURIED_NEW, [userId, now]);
      return new Map(buried.map((r) => [r.cardId, r.buriedUntil]));
    },

    async logsBetween(userId, start, end) {
      return rows<DayLogRow>("queue-logs-between", LOGS_BETWEEN, [userId, start, end]);
    },
  };
}
