// A quiz attempt under concurrent requests, on the engine under test: several submits at once
// score it once and all report that score, and saves racing the submit either land before it (and
// are marked) or are refused; none changes an answer after it was marked. On PostgreSQL the
// transactions really interleave, so this rests on the attempt's lock, not on SQLite's one writer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngine } from "../support/database.ts";
import { importDeck } from "../support/learners.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const db = await import("@/lib/db/classroom/index.ts");
type User = Awaited<ReturnType<typeof import("@/lib/db/users.ts").findSessionUser>> & {};

const t0 = new Date("2026-11-22T09:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function user(email: string, role: "learner" | "instructor"): Promise<User> {
  const row = await prisma.user.create({ data: { email, role, name: email.split("@")[0] } });
  return { id: row.id, email, name: row.name, role, timeZone: "UTC" };
}

let teacher: User;
let quizId = "";
const learners: User[] = [];

beforeAll(async () => {
  teacher = await user("teacher@example.com", "instructor");
  const cardIds = await importDeck("starter", "Basics", ["one", "two", "three", "four", "five"]);
  const classId = (await db.createClass(teacher, "Class"))!.id;
  const code = (await db.findTaughtClass(teacher, classId))!.joinCode;
  for (const name of ["ana", "ben"]) {
    const learner = await user(`${name}@example.com`, "learner");
    expect(await db.joinClass(learner, code)).toEqual({ ok: true, classId });
    learners.push(learner);
  }
  quizId = (await db.createQuiz(teacher, classId, "Week 1"))!.id;
  expect(await db.addCardQuestions(teacher, quizId, cardIds.slice(0, 3), t0)).toEqual({ ok: true });
  await db.updateQuizSettings(teacher, quizId, {
    title: "Week 1",
    timeLimitMinutes: null,
    opensAt: null,
    closesAt: null,
    shuffle: false,
    showResults: true,
    published: true,
  });
});

afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

async function attemptOf(learner: User) {
  const started = await db.startAttempt(learner, quizId, later(1));
  if (!started.ok) throw new Error(`start refused: ${started.message}`);
  const paper = (await db.findLearnerQuiz(learner, quizId))!.attempt!.paper;
  return { attemptId: started.attemptId, paper };
}

describe(`a quiz attempt under concurrent requests on ${testEngine()}`, () => {
  it("scores once when submitted eight times at once, and every submit reports that score", async () => {
    const { attemptId, paper } = await attemptOf(learners[0]!);
    const q = paper.questions[0]!;
    const right = q.options.find((o) => o.correct)!.id;
    expect(await db.saveAnswer(learners[0]!, { attemptId, questionId: q.questionId, choice: [right], revision: 1 }, later(2))).toEqual({
      ok: true,
      revision: 1,
    });
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => db.submitAttempt(learners[0]!, attemptId, later(3))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const scored = outcomes.filter((o) => o.ok && !o.alreadySubmitted);
    expect(scored).toHaveLength(1);
    expect(outcomes.map((o) => o.ok && o.score)).toEqual(Array(8).fill(q.points));
    expect(await prisma.quizAnswer.count({ where: { attemptId } })).toBe(paper.questions.length);
  });

  it("never changes an answer after it was marked, when saves race the submit", async () => {
    const learner = learners[1]!;
    const { attemptId, paper } = await attemptOf(learner);
    const saves = paper.questions.flatMap((q, i) =>
      q.options.map((option, j) =>
        db.saveAnswer(learner, { attemptId, questionId: q.questionId, choice: [option.id], revision: 1 + j }, later(2 + i)),
      ),
    );
    const [submitted] = await Promise.all([db.submitAttempt(learner, attemptId, later(4)), ...saves]);
    expect(submitted).toMatchObject({ ok: true, alreadySubmitted: false });
    const rows = await prisma.quizAnswer.findMany({ where: { attemptId }, select: { questionId: true, choice: true, correct: true } });
    expect(rows).toHaveLength(paper.questions.length);
    const marks = new Map(paper.questions.map((q) => [q.questionId, new Set(q.options.filter((o) => o.correct).map((o) => o.id))]));
    let score = 0;
    for (const row of rows) {
      const choice = row.choice as string[];
      const right = choice.length === 1 && marks.get(row.questionId)!.has(choice[0]!);
      // The mark was made from the answer as stored: nothing wrote the choice after the submit read it.
      expect({ question: row.questionId, correct: row.correct }).toEqual({ question: row.questionId, correct: right });
      if (right) score += paper.questions.find((q) => q.questionId === row.questionId)!.points;
    }
    const attempt = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { score: true } });
    expect(attempt.score).toBe(score);
  });
});
