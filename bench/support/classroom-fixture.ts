// A class of learners with one published quiz, written straight through better-sqlite3 in the
// format Prisma reads (as review-fixture.ts does). The quiz's questions are made by lib/classroom
// itself (card questions from a deck, a template scenario played by lib/scenarios), so papers, saves and
// scoring in the benchmark do the same work as in real use.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "../../lib/db/engine/sqlite/migrations/run.node.ts";
import { toStoredDate } from "../../lib/db/engine/sqlite/stored-dates.ts";
import { enableWriteAheadLog } from "../../lib/db/engine/sqlite/write-ahead-log.node.ts";
import {
  askableQuestions,
  cardQuestion,
  playScenario,
  scenarioSeed,
  type DeckCard,
  type QuizQuestionDraft,
} from "../../lib/classroom/index.ts";

export interface ClassroomFixture {
  dir: string;
  file: string;
  quizId: string;
  instructor: { id: string; email: string };
  learners: Array<{ id: string; email: string }>;
  questionCount: number;
}

const SCENARIO = resolve(import.meta.dirname, "../../seeds/scenarios/iam-and-bucket-example-1-role-allows.yaml");

export async function buildClassroomFixture(options: {
  learners: number;
  cardQuestions: number;
  passwordHash: string;
  now: Date;
}): Promise<ClassroomFixture> {
  const dir = mkdtempSync(join(tmpdir(), "iam-recall-bench-classroom-"));
  const file = join(dir, "bench.db");
  await applyMigrations(`file:${file}`, resolve(import.meta.dirname, "../../prisma/migrations"));
  enableWriteAheadLog(file);
  const db = new Database(file);
  const stamp = toStoredDate(options.now);
  const quizId = randomUUID();
  const classId = randomUUID();
  const deckId = randomUUID();
  const instructor = { id: randomUUID(), email: "instructor@bench.example" };
  const learners = Array.from({ length: options.learners }, (_, i) => ({ id: randomUUID(), email: `learner${i}@bench.example` }));

  const cards: DeckCard[] = Array.from({ length: options.cardQuestions + 10 }, (_, i) => ({
    id: randomUUID(),
    kind: "basic",
    front: `Which policy type is checked at step ${i}?`,
    back: `Policy answer number ${i}`,
  }));
  const source = readFileSync(SCENARIO, "utf8");
  const played = playScenario(source, { now: options.now.toISOString(), seed: scenarioSeed(quizId) });
  type Row = QuizQuestionDraft & { cardId: string | null; scenarioSource: string | null; scenarioQuestion: number; template: boolean };
  const rows: Row[] = [
    ...cards
      .slice(0, options.cardQuestions)
      .map((c): Row => ({ ...cardQuestion(c, cards), cardId: c.id, scenarioSource: null, scenarioQuestion: 0, template: false })),
    ...askableQuestions(played.answered).map((index, i): Row => ({
      ...played.quizQuestions[i]!,
      cardId: null,
      scenarioSource: source,
      scenarioQuestion: index,
      template: true,
    })),
  ];

  const insertUser = db.prepare(
    `INSERT INTO "User" (id, email, name, passwordHash, role, timeZone, schedulerSettings, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 'UTC', '{}', ?, ?)`,
  );
  db.transaction(() => {
    insertUser.run(instructor.id, instructor.email, "Instructor", options.passwordHash, "instructor", stamp, stamp);
    learners.forEach((l, i) => insertUser.run(l.id, l.email, `Learner ${i}`, options.passwordHash, "learner", stamp, stamp));
    db.prepare(
      `INSERT INTO "Deck" (id, ownerId, scope, path, name, createdAt, updatedAt) VALUES (?, NULL, 'starter', 'Bench › Quiz deck', 'Quiz deck', ?, ?)`,
    ).run(deckId, stamp, stamp);
    const insertCard = db.prepare(
      `INSERT INTO "Card" (id, deckId, scope, key, kind, front, back, tags, noteKey, sourceFile, sourceLine, suspended, createdAt, updatedAt) VALUES (?, ?, 'starter', ?, 'basic', ?, ?, '[]', ?, 'bench.md', ?, 0, ?, ?)`,
    );
    cards.forEach((c, i) => insertCard.run(c.id, deckId, `k${i}`, c.front, c.back, `n${i}`, i, stamp, stamp));
    db.prepare(
      `INSERT INTO "Classroom" (id, instructorId, name, joinCode, createdAt, updatedAt) VALUES (?, ?, 'Bench class', 'BENCH234', ?, ?)`,
    ).run(classId, instructor.id, stamp, stamp);
    const insertMember = db.prepare(`INSERT INTO "ClassMember" (id, classroomId, userId, joinedAt) VALUES (?, ?, ?, ?)`);
    for (const l of learners) insertMember.run(randomUUID(), classId, l.id, stamp);
    db.prepare(
      `INSERT INTO "Quiz" (id, classroomId, title, timeLimitMinutes, opensAt, closesAt, shuffle, showResults, published, createdAt, updatedAt) VALUES (?, ?, 'Bench quiz', 60, NULL, NULL, 1, 1, 1, ?, ?)`,
    ).run(quizId, classId, stamp, stamp);
    const insertQuestion = db.prepare(
      `INSERT INTO "QuizQuestion" (id, quizId, position, points, kind, cardId, scenarioSource, scenarioQuestion, template, prompt, options, answer, explanation, createdAt) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    rows.forEach((r, i) =>
      insertQuestion.run(
        randomUUID(),
        quizId,
        i,
        r.kind,
        r.cardId,
        r.scenarioSource,
        r.scenarioQuestion,
        r.template ? 1 : 0,
        r.prompt,
        JSON.stringify(r.options),
        r.answer,
        r.explanation,
        stamp,
      ),
    );
  })();
  db.close();
  return { dir, file, quizId, instructor, learners, questionCount: rows.length };
}
