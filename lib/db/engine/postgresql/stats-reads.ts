// The stats page's counts, done by PostgreSQL. Grades are counted per span between the bounds the
// caller computed (lib/srs knows the learner's zone and its daylight-saving days; the database's
// clock and zone decide nothing): the bounds go in as one array, and each span is one range of the
// covering ReviewLog (userId, review, state, rating, scheduledDays) index. Due cards are grouped by
// the quarter hour of their due time, as on SQLite: every zone's offset is a whole number of
// quarter hours, so no group straddles a learner's day.
import "server-only";
import type pg from "pg";
import { CardStateCode } from "../../../srs/index.ts";
import type { DeckCountRow, DueBucket, ReviewBucket, StateBucket, StatsReads } from "../ports.ts";

const { New, Learning, Review, Relearning } = CardStateCode;

/** Any instant on a quarter hour: date_bin counts whole quarters from it, in absolute time. */
const QUARTER_ORIGIN = "TIMESTAMPTZ '2000-01-01 00:00:00+00'";

export function postgresStatsReads(pool: () => pg.Pool): StatsReads {
  const rows = async <Row extends pg.QueryResultRow>(text: string, values: unknown[]) => (await pool().query<Row>(text, values)).rows;
  return {
    async deckCounts(userId, scopes, dayEnd, now) {
      const due = `NOT s.suspended AND s.due < $3 AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= $4)`;
      return rows<DeckCountRow>(
        `SELECT c."deckId", count(*)::int AS cards,
             count(*) FILTER (WHERE s.state IS NULL OR s.state = ${New})::int AS unstudied,
             count(*) FILTER (WHERE s.state IN (${Learning}, ${Relearning}) AND ${due})::int AS learning,
             count(*) FILTER (WHERE s.state = ${Review} AND ${due})::int AS review
           FROM "Card" c LEFT JOIN "CardState" s ON s."cardId" = c.id AND s."userId" = $1
           WHERE NOT c.suspended AND c.scope = ANY($2::text[])
           GROUP BY c."deckId"`,
        [userId, scopes, dayEnd, now],
      );
    },

    async reviewBuckets(userId, bounds, matureDays) {
      if (bounds.length < 2) return [];
      const graded = `l.state = ${Review} AND l.rating BETWEEN 1 AND 4`;
      const passed = `l.state = ${Review} AND l.rating BETWEEN 2 AND 4`;
      const young = `l."scheduledDays" < $3`;
      // The last bound only ends the span before it: its own span has no end and joins no row.
      const counted = await rows<Omit<ReviewBucket, "start"> & { span: string }>(
        `WITH span AS (
             SELECT ordinality AS i, start, lead(start) OVER (ORDER BY ordinality) AS finish
             FROM unnest($2::timestamptz[]) WITH ORDINALITY AS bound(start)
           )
           SELECT span.i AS span, count(*)::int AS reviews,
             count(*) FILTER (WHERE ${graded})::int AS graded,
             count(*) FILTER (WHERE ${passed})::int AS passed,
             count(*) FILTER (WHERE ${graded} AND ${young})::int AS "youngGraded",
             count(*) FILTER (WHERE ${passed} AND ${young})::int AS "youngPassed"
           FROM span JOIN "ReviewLog" l ON l."userId" = $1 AND l.review >= span.start AND l.review < span.finish
           GROUP BY span.i
           ORDER BY span.i`,
        [userId, bounds.map((bound) => bound.toISOString()), matureDays],
      );
      // WITH ORDINALITY counts from 1, and pg hands a bigint back as text.
      return counted.map(({ span, ...counts }) => ({ start: bounds[Number(span) - 1]!, ...counts }));
    },

    async reviewCount(userId) {
      const [row] = await rows<{ n: string }>(`SELECT count(*) AS n FROM "ReviewLog" WHERE "userId" = $1`, [userId]);
      return Number(row?.n ?? 0);
    },

    async stateBuckets(userId, scopes) {
      // From the cards (the scope index) to the learner's state of each: one pass counts the
      // studied and the never-studied alike.
      return rows<StateBucket>(
        `SELECT s.state, coalesce(s.suspended, false) AS suspended, count(*)::int AS cards
           FROM "Card" c LEFT JOIN "CardState" s ON s."cardId" = c.id AND s."userId" = $1
           WHERE NOT c.suspended AND c.scope = ANY($2::text[])
           GROUP BY s.state, coalesce(s.suspended, false)`,
        [userId, scopes],
      );
    },

    async dueBuckets(userId, scopes, before, matureDays) {
      return rows<DueBucket>(
        `SELECT date_bin('15 minutes', s.due, ${QUARTER_ORIGIN}) AS start, s.state, s."scheduledDays" >= $1 AS mature, count(*)::int AS cards
           FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
           WHERE s."userId" = $2 AND s.due < $3 AND s.state <> ${New} AND NOT s.suspended
             AND NOT c.suspended AND c.scope = ANY($4::text[])
           GROUP BY 1, s.state, 3`,
        [matureDays, userId, before, scopes],
      );
    },
  };
}
