// A database of learners with large collections and long histories, written as plain rows in one
// transaction per table through the test database helper, which stores values the way Prisma
// does: seeding half a million log rows through the ORM would take longer than the benchmarks themselves.
// The same rows go to either engine: many rows per INSERT, the SQL quoted and numbered for both.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CardStateCode } from "../../lib/srs/index.ts";
import { engineNameOf } from "../../lib/db/engine/select.ts";
import {
  migratedDatabase,
  numbered,
  withDatabase,
  type DatabaseHandle,
  type EngineName,
  type SqlValue,
} from "../../tests/support/database.ts";
import { floats, mulberry32 } from "../../lib/random/index.ts";

export interface FixtureOptions {
  learners: number;
  cardsPerLearner: number;
  /** Cards per learner already studied (in Review state); the rest are new. */
  studiedPerLearner: number;
  /** Of the studied cards, how many are due now. */
  duePerLearner: number;
  logsPerLearner: number;
  decksPerLearner: number;
  /** bcrypt hash stored for every learner, so they can sign in over HTTP. */
  passwordHash?: string;
  settings?: object;
  now: Date;
  /** A new database to fill (bench/support/engines.ts); by default a SQLite file in a temporary folder. */
  url?: string;
}

/** The benchmark learner of the review targets: 50,000 cards, 400 due, 500,000 review-log rows. */
export const ONE_BIG_LEARNER = {
  learners: 1,
  cardsPerLearner: 50_000,
  studiedPerLearner: 45_000,
  duePerLearner: 400,
  logsPerLearner: 500_000,
  decksPerLearner: 50,
} as const satisfies Omit<FixtureOptions, "now">;

export interface Fixture {
  dir: string;
  /** The SQLite file, when the fixture is one. */
  file: string;
  url: string;
  learners: Array<{ id: string; email: string }>;
}

/** SQLite takes at most 32,766 parameters a statement; PostgreSQL 65,535. */
const PARAMETERS_PER_STATEMENT = 30_000;

/** Writes `rows` into `table`, many rows a statement: the full statements in one transaction, the rest in one more. */
async function insertRows(db: DatabaseHandle, engine: EngineName, table: string, columns: string, tuple: string, rows: SqlValue[][]) {
  const width = (tuple.match(/\?/g) ?? []).length;
  const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / width));
  const statements: SqlValue[][] = [];
  for (let i = 0; i < rows.length; i += perStatement) statements.push(rows.slice(i, i + perStatement).flat());
  const full = `INSERT INTO "${table}" (${columns}) VALUES ${Array(perStatement).fill(tuple).join(", ")}`;
  const last = rows.length % perStatement;
  const head = last === 0 ? statements : statements.slice(0, -1);
  await db.runMany(numbered(full, engine), head);
  if (last > 0) {
    await db.runMany(numbered(`INSERT INTO "${table}" (${columns}) VALUES ${Array(last).fill(tuple).join(", ")}`, engine), [
      statements.at(-1)!,
    ]);
  }
}

const DAY = 86_400_000;

export async function buildReviewFixture(options: FixtureOptions): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), "iam-recall-bench-review-"));
  const file = join(dir, "bench.db");
  const url = options.url ?? `file:${file}`;
  const engine = engineNameOf(url);
  await migratedDatabase(url);
  const rand = floats(mulberry32(7));
  const now = options.now.getTime();
  const stamp = options.now;
  const learners: Fixture["learners"] = [];
  const users: SqlValue[][] = [];
  const decks: SqlValue[][] = [];
  const cards: SqlValue[][] = [];
  const states: SqlValue[][] = [];
  const logs: SqlValue[][] = [];

  for (let l = 0; l < options.learners; l++) {
    const userId = randomUUID();
    const email = `learner${l}@bench.example`;
    learners.push({ id: userId, email });
    users.push([userId, email, `Learner ${l}`, options.passwordHash ?? null, JSON.stringify(options.settings ?? {}), stamp, stamp]);
    const deckIds = Array.from({ length: options.decksPerLearner }, (_, d) => {
      const id = randomUUID();
      decks.push([id, userId, userId, `Bench › Deck ${d}`, `Deck ${d}`, stamp, stamp]);
      return id;
    });
    const cardIds: string[] = [];
    for (let c = 0; c < options.cardsPerLearner; c++) {
      const id = randomUUID();
      cardIds.push(id);
      cards.push([
        id,
        deckIds[c % deckIds.length]!,
        userId,
        `k${c}`,
        `What does policy ${c} allow?`,
        `Answer ${c}`,
        `n${c}`,
        `notes/${c % 500}.md`,
        c,
        stamp,
        stamp,
      ]);
    }
    for (let c = 0; c < options.studiedPerLearner; c++) {
      const due = c < options.duePerLearner ? now - (1 + Math.floor(rand() * 30)) * DAY : now + (1 + Math.floor(rand() * 300)) * DAY;
      const interval = 1 + Math.floor(rand() * 60);
      states.push([
        randomUUID(),
        userId,
        cardIds[c]!,
        new Date(due),
        1 + rand() * 50,
        1 + rand() * 9,
        interval,
        interval,
        3 + Math.floor(rand() * 10),
        Math.floor(rand() * 3),
        CardStateCode.Review,
        new Date(due - interval * DAY),
        3,
        stamp,
      ]);
    }
    // History spread over the past two years, on studied cards, none today (so today's limits are untouched).
    for (let i = 0; i < options.logsPerLearner; i++) {
      const review = now - DAY - Math.floor(rand() * 730 * DAY);
      const card = cardIds[Math.floor(rand() * Math.max(1, options.studiedPerLearner))]!;
      const rating = rand() < 0.12 ? 1 : rand() < 0.15 ? 2 : rand() < 0.9 ? 3 : 4;
      logs.push([
        randomUUID(),
        userId,
        card,
        rating,
        CardStateCode.Review,
        new Date(review - 5 * DAY),
        1 + rand() * 40,
        1 + rand() * 9,
        5,
        5,
        10,
        new Date(review),
        2000 + Math.floor(rand() * 8000),
      ]);
    }
  }

  await withDatabase(url, async (db) => {
    const insert = (table: string, columns: string, tuple: string, rows: SqlValue[][]) =>
      insertRows(db, engine, table, columns, tuple, rows);
    await insert(
      "User",
      `id, email, name, "passwordHash", role, "timeZone", "schedulerSettings", "createdAt", "updatedAt"`,
      `(?, ?, ?, ?, 'learner', 'UTC', ?, ?, ?)`,
      users,
    );
    await insert("Deck", `id, "ownerId", scope, path, name, "createdAt", "updatedAt"`, `(?, ?, ?, ?, ?, ?, ?)`, decks);
    await insert(
      "Card",
      `id, "deckId", scope, key, kind, front, back, tags, "noteKey", "sourceFile", "sourceLine", suspended, "createdAt", "updatedAt"`,
      `(?, ?, ?, ?, 'basic', ?, ?, '[]', ?, ?, ?, false, ?, ?)`,
      cards,
    );
    await insert(
      "CardState",
      `id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", suspended, version, "updatedAt"`,
      `(?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, false, ?, ?)`,
      states,
    );
    await insert(
      "ReviewLog",
      `id, "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", review, "durationMs"`,
      `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      logs,
    );
    // PostgreSQL plans from statistics a bulk load leaves stale until autovacuum comes by.
    if (engine === "postgresql") await db.run("ANALYZE");
  });
  return { dir, file, url, learners };
}
