// The migration that made the JSON columns Prisma's Json (jsonb on PostgreSQL) keeps the rows
// written before it: each column's text becomes the same value, on the run's engine. The history
// is applied up to the migration before, rows are written as the app wrote them then (JSON text),
// and the rest of the history is applied over them.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseAt, MIGRATIONS_DIR, numbered, testEngine, withDatabase, type SqlValue } from "../support/database.ts";
import { freshDatabase } from "../support/temp-database.ts";

const engine = testEngine();
const database = freshDatabase();
const before = mkdtempSync(join(tmpdir(), "json-columns-"));
afterAll(async () => {
  await database.cleanup();
  rmSync(before, { recursive: true, force: true });
});

const AT = "2026-12-01T08:00:00.000+00:00";
const SETTINGS = { newPerDay: 7, decks: { d1: { reviewsPerDay: 50 } } };
const TAGS = ["aws", "iam policies", "ünïcode"];
const BASE = { schedule: null, buriedUntil: "2026-12-02T04:00:00.000Z", suspended: false };
const OPTIONS = [{ id: "a", text: 'Allow, "quoted"', correct: true }];
const PAPER = { questions: [{ questionId: "q1", names: { bucket: "logs-7" } }] };
const CHOICE = ["a"];
const RESULT = { tooFewReviews: true, needed: 3, reviewsUsed: 1, items: 1, applied: false };

/** The rows, as the app wrote them while these columns were text. */
const ROWS: Array<[string, SqlValue[]]> = [
  [
    `INSERT INTO "User" (id, email, "schedulerSettings", "createdAt", "updatedAt") VALUES ('u1', 'u1@example.com', ?, ?, ?)`,
    [JSON.stringify(SETTINGS), AT, AT],
  ],
  [`INSERT INTO "User" (id, email, "createdAt", "updatedAt") VALUES ('u2', 'u2@example.com', ?, ?)`, [AT, AT]],
  [
    `INSERT INTO "Deck" (id, "ownerId", scope, path, name, "createdAt", "updatedAt") VALUES ('d1', 'u1', 'u1', 'AWS', 'AWS', ?, ?)`,
    [AT, AT],
  ],
  [
    `INSERT INTO "Card" (id, "deckId", scope, key, kind, front, back, tags, "noteKey", "sourceFile", "sourceLine", "createdAt", "updatedAt")
     VALUES ('c1', 'd1', 'u1', 'k1', 'basic', 'front', 'back', ?, 'n1', 'a.md', 1, ?, ?)`,
    [JSON.stringify(TAGS), AT, AT],
  ],
  [
    `INSERT INTO "Card" (id, "deckId", scope, key, kind, front, back, "noteKey", "sourceFile", "sourceLine", "createdAt", "updatedAt")
     VALUES ('c2', 'd1', 'u1', 'k2', 'basic', 'front', 'back', 'n2', 'a.md', 2, ?, ?)`,
    [AT, AT],
  ],
  [
    `INSERT INTO "ReviewEvent" (id, "userId", "cardId", kind, at, "deviceId", base, "receivedAt") VALUES ('base:c1', 'u1', 'c1', 'base', ?, 'server', ?, ?)`,
    [AT, JSON.stringify(BASE), AT],
  ],
  [
    `INSERT INTO "Classroom" (id, "instructorId", name, "joinCode", "createdAt", "updatedAt") VALUES ('k1', 'u1', 'Class', 'ABCD2345', ?, ?)`,
    [AT, AT],
  ],
  [`INSERT INTO "Quiz" (id, "classroomId", title, "createdAt", "updatedAt") VALUES ('z1', 'k1', 'Quiz', ?, ?)`, [AT, AT]],
  [
    `INSERT INTO "QuizQuestion" (id, "quizId", position, kind, prompt, options, answer, "createdAt") VALUES ('q1', 'z1', 0, 'card', 'p', ?, 'a', ?)`,
    [JSON.stringify(OPTIONS), AT],
  ],
  [
    `INSERT INTO "QuizAttempt" (id, "quizId", "userId", "startedAt", "maxScore", paper) VALUES ('t1', 'z1', 'u2', ?, 1, ?)`,
    [AT, JSON.stringify(PAPER)],
  ],
  [
    `INSERT INTO "QuizAnswer" (id, "attemptId", "questionId", choice, revision, "updatedAt") VALUES ('w1', 't1', 'q1', ?, 1, ?)`,
    [JSON.stringify(CHOICE), AT],
  ],
  [
    `INSERT INTO "OptimizerRun" (id, "userId", status, result, "createdAt", "updatedAt") VALUES ('o1', 'u1', 'done', ?, ?, ?)`,
    [JSON.stringify(RESULT), AT, AT],
  ],
  [`INSERT INTO "OptimizerRun" (id, "userId", "createdAt", "updatedAt") VALUES ('o2', 'u1', ?, ?)`, [AT, AT]],
];

/** Each column read back as JSON text (jsonb's own spelling on PostgreSQL), parsed. */
const READS: Array<[string, string, unknown]> = [
  ["User.schedulerSettings of u1", `SELECT CAST("schedulerSettings" AS TEXT) AS v FROM "User" WHERE id = 'u1'`, SETTINGS],
  ["User.schedulerSettings by default", `SELECT CAST("schedulerSettings" AS TEXT) AS v FROM "User" WHERE id = 'u2'`, {}],
  ["Card.tags of c1", `SELECT CAST(tags AS TEXT) AS v FROM "Card" WHERE id = 'c1'`, TAGS],
  ["Card.tags by default", `SELECT CAST(tags AS TEXT) AS v FROM "Card" WHERE id = 'c2'`, []],
  ["ReviewEvent.base", `SELECT CAST(base AS TEXT) AS v FROM "ReviewEvent" WHERE id = 'base:c1'`, BASE],
  ["QuizQuestion.options", `SELECT CAST(options AS TEXT) AS v FROM "QuizQuestion" WHERE id = 'q1'`, OPTIONS],
  ["QuizAttempt.paper", `SELECT CAST(paper AS TEXT) AS v FROM "QuizAttempt" WHERE id = 't1'`, PAPER],
  ["QuizAnswer.choice", `SELECT CAST(choice AS TEXT) AS v FROM "QuizAnswer" WHERE id = 'w1'`, CHOICE],
  ["OptimizerRun.result", `SELECT CAST(result AS TEXT) AS v FROM "OptimizerRun" WHERE id = 'o1'`, RESULT],
];

describe(`the JSON columns' migration (${engine})`, () => {
  it("16: keeps every value written as text before it, and the defaults", async () => {
    const names = readdirSync(MIGRATIONS_DIR).sort();
    const migration = names.find((name) => /^\d+_json_columns$/.test(name));
    expect(migration, "the json_columns migration").toBeDefined();
    for (const name of names.filter((name) => !/^\d+_/.test(name) || name < migration!)) {
      cpSync(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
    }
    await databaseAt(database.url).applyMigrations(before);
    await withDatabase(database.url, async (db) => {
      for (const [sql, params] of ROWS) await db.run(numbered(sql), ...params);
    });

    expect(await databaseAt(database.url).applyMigrations(MIGRATIONS_DIR)).toContain(migration);
    const read = await withDatabase(
      database.url,
      async (db) => {
        const values: Array<[string, unknown]> = [];
        for (const [column, sql] of READS) {
          const row = await db.get<{ v: string | null }>(sql);
          values.push([column, row?.v == null ? row?.v : JSON.parse(row.v)]);
        }
        const absent = await db.get<{ v: string | null }>(`SELECT CAST(result AS TEXT) AS v FROM "OptimizerRun" WHERE id = 'o2'`);
        values.push(["OptimizerRun.result left empty", absent?.v]);
        return values;
      },
      { readonly: true },
    );
    expect(read).toEqual([
      ...READS.map(([column, , value]): [string, unknown] => [column, value]),
      ["OptimizerRun.result left empty", null],
    ]);
  });
});
