// The stats page's reads, counted by SQLite instead of sent row by row: a learner with a year of
// daily reviews has hundreds of thousands of log rows, which Prisma turned into objects in seconds.
// Grades are counted per learner day with the day boundaries the caller computed (lib/srs knows
// the learner's zone and its daylight-saving days; SQLite does not), each day one range of the
// covering index. Due cards are grouped by the quarter hour of their due time: every zone's offset
// is a whole number of quarter hours, so no group straddles a learner's day.
import "server-only";
import { CardStateCode } from "../../../srs/index.ts";
import type { DeckCountRow, DueBucket, ReviewBucket, StateBucket, StatsReads } from "../ports.ts";
import { readPool } from "./read-pool.ts";
import { toStoredDate } from "./stored-dates.ts";

const { New, Learning, Review, Relearning } = CardStateCode;

/** "2026-05-01T10" and a quarter (0-3) of stored ISO text, back to the instant that starts it. */
const quarterStart = (hour: string, quarter: number) => new Date(`${hour}:${String(quarter * 15).padStart(2, "0")}:00Z`);

const QUARTER = `substr(%, 1, 13) AS hour, CAST(substr(%, 15, 2) AS INTEGER) / 15 AS quarter`;

export function sqliteStatsReads(file: string): StatsReads {
  // On the read threads: these counts walk tens of thousands of rows, and the page's several
  // counts run side by side there while the request thread serves others.
  const pool = () => readPool(file);
  return {
    async deckCounts(userId, scopes, dayEnd, now) {
      const due = `s.suspended = 0 AND s.due < @dayEnd AND (s.buriedUntil IS NULL OR s.buriedUntil <= @now)`;
      return pool().all<DeckCountRow>(
        `SELECT c.deckId, COUNT(*) AS cards,
             COALESCE(SUM(s.state IS NULL OR s.state = ${New}), 0) AS unstudied,
             COALESCE(SUM(s.state IN (${Learning}, ${Relearning}) AND ${due}), 0) AS learning,
             COALESCE(SUM(s.state = ${Review} AND ${due}), 0) AS review
           FROM "Card" c LEFT JOIN "CardState" s ON s.cardId = c.id AND s.userId = @userId
           WHERE c.suspended = 0 AND c.scope IN (${scopes.map((_, i) => `@scope${i}`).join(", ")})
           GROUP BY c.deckId`,
        [
          {
            userId,
            dayEnd: toStoredDate(dayEnd),
            now: toStoredDate(now),
            ...Object.fromEntries(scopes.map((scope, i) => [`scope${i}`, scope])),
          },
        ],
      );
    },

    async reviewBuckets(userId, bounds, matureDays) {
      if (bounds.length < 2) return [];
      const graded = `l.state = ${Review} AND l.rating BETWEEN 1 AND 4`;
      const passed = `l.state = ${Review} AND l.rating BETWEEN 2 AND 4`;
      const young = `l.scheduledDays < ${Number(matureDays)}`;
      const rows = await pool().all<Omit<ReviewBucket, "start"> & { day: number }>(
        `WITH span(i, start, finish) AS (SELECT key, value, lead(value) OVER (ORDER BY key) FROM json_each(?))
           SELECT span.i AS day, COUNT(*) AS reviews,
             SUM(${graded}) AS graded, SUM(${passed}) AS passed,
             SUM(${graded} AND ${young}) AS youngGraded, SUM(${passed} AND ${young}) AS youngPassed
           FROM span JOIN "ReviewLog" l ON l.userId = ? AND l.review >= span.start AND l.review < span.finish
           GROUP BY span.i`,
        [JSON.stringify(bounds.map(toStoredDate)), userId],
      );
      return rows.map(({ day, ...counts }) => ({ start: bounds[day]!, ...counts }));
    },

    async reviewCount(userId) {
      const [row] = await pool().all<{ n: number }>(`SELECT COUNT(*) AS n FROM "ReviewLog" WHERE userId = ?`, [userId]);
      return row?.n ?? 0;
    },

    async stateBuckets(userId, scopes) {
      // From the cards (the scope index) to the learner's state of each: one pass counts the
      // studied and the never-studied alike.
      const rows = await pool().all<{ state: number | null; suspended: number; cards: number }>(
        `SELECT s.state, COALESCE(s.suspended, 0) AS suspended, COUNT(*) AS cards
           FROM "Card" c LEFT JOIN "CardState" s ON s.cardId = c.id AND s.userId = ?
           WHERE c.suspended = 0 AND c.scope IN (${scopes.map(() => "?").join(", ")})
           GROUP BY s.state, s.suspended`,
        [userId, ...scopes],
      );
      return rows.map((r): StateBucket => ({ state: r.state, suspended: r.suspended !== 0, cards: r.cards }));
    },

    async dueBuckets(userId, scopes, before, matureDays) {
      const rows = await pool().all<{ hour: string; quarter: number; state: number; mature: number; cards: number }>(
        `SELECT ${QUARTER.replaceAll("%", "s.due")}, s.state, s.scheduledDays >= ? AS mature, COUNT(*) AS cards
           FROM "CardState" s JOIN "Card" c ON c.id = s.cardId
           WHERE s.userId = ? AND s.due < ? AND s.state <> ${New} AND s.suspended = 0
             AND c.suspended = 0 AND c.scope IN (${scopes.map(() => "?").join(", ")})
           GROUP BY hour, quarter, s.state, mature`,
        [matureDays, userId, toStoredDate(before), ...scopes],
      );
      return rows.map((r): DueBucket => ({
        start: quarterStart(r.hour, r.quarter),
        state: r.state,
        mature: r.mature !== 0,
        cards: r.cards,
      }));
    },
  };
}
