// A database of learners with large collections and long histories, written as plain rows in one
// transaction per table through the test database helper, which stores values the way Prisma
// does: seeding half a million log rows through the ORM would take longer than the benchmarks themselves.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CardStateCode } from "../../lib/srs/index.ts";
import { migratedDatabase, withDatabase, type SqlValue } from "../../tests/support/database.ts";
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
  file: string;
  learners: Array<{ id: string; email: string }>;
}

const DAY = 86_400_000;

export async function buildReviewFixture(options: FixtureOptions): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), "iam-recall-bench-review-"));
  const file = join(dir, "bench.db");
  const url = `file:${file}`;
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
    await db.runMany(
      `INSERT INTO "User" (id, email, name, passwordHash, role, timeZone, schedulerSettings, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'learner', 'UTC', ?, ?, ?)`,
      users,
    );
    await db.runMany(`INSERT INTO "Deck" (id, ownerId, scope, path, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`, decks);
    await db.runMany(
      `INSERT INTO "Card" (id, deckId, scope, key, kind, front, back, tags, noteKey, sourceFile, sourceLine, suspended, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'basic', ?, ?, '[]', ?, ?, ?, false, ?, ?)`,
      cards,
    );
    await db.runMany(
      `INSERT INTO "CardState" (id, userId, cardId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended, version, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, false, ?, ?)`,
      states,
    );
    await db.runMany(
      `INSERT INTO "ReviewLog" (id, userId, cardId, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays, learningSteps, review, durationMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      logs,
    );
  });
  return { dir, file, learners };
}
