// An attempt's saves and submit are held to the quiz as it stands when they
// arrive (published, membership, close time, time limit with its grace), against a real SQLite file.
// Every refusal is checked for what matters: no answer row, no score, no review card written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { importDeck } from "../support/learners.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const db = await import("@/lib/db/classroom/index.ts");
const { ANSWER_GRACE_MS } = await import("@/lib/classroom/index.ts");
type Role = "learner" | "instructor" | "admin";
type User = { id: string; email: string; name: string | null; role: Role; timeZone: string };

const t0 = new Date("2026-11-22T09:00:00Z");
const later = (minutes: number, ms = 0) => new Date(t0.getTime() + minutes * 60_000 + ms);

let teacher: User;
let classId = "";
let joinCode = "";
let cardIds: string[] = [];
let learners = 0;

async function user(email: string, role: Role): Promise<User> {
  const row = await prisma.user.create({ data: { email, role, name: email.split("@")[0] } });
  return { id: row.id, email, name: row.name, role, timeZone: "UTC" };
}

const SETTINGS = {
  title: "Windows",
  timeLimitMinutes: null as number | null,
  opensAt: null as Date | null,
  closesAt: null as Date | null,
  shuffle: false,
  showResults: true,
  published: true,
};

/** A published quiz with two card questions, a new learner in the class, and their attempt started at t0. */
async function started(timeLimitMinutes: number | null = null) {
  const quizId = (await db.createQuiz(teacher, classId, "Windows"))!.id;
  expect(await db.addCardQuestions(teacher, quizId, [cardIds[0]!, cardIds[1]!], t0)).toEqual({ ok: true });
  expect(await db.updateQuizSettings(teacher, quizId, { ...SETTINGS, timeLimitMinutes })).toBe(true);
  const learner = await user(`learner${++learners}@example.com`, "learner");
  expect(await db.joinClass(learner, joinCode)).toEqual({ ok: true, classId });
  const start = await db.startAttempt(learner, quizId, t0);
  if (!start.ok) throw new Error(start.message);
  const paper = (await db.findLearnerQuiz(learner, quizId))!.attempt!.paper;
  const [first, second] = paper.questions;
  const right = (q: typeof first) => q!.options.find((o) => o.correct)!.id;
  const save = (q: typeof first, revision: number, now: Date) =>
    db.saveAnswer(learner, { attemptId: start.attemptId, questionId: q!.questionId, choice: [right(q)], revision }, now);
  return { quizId, learner, attemptId: start.attemptId, first: first!, second: second!, save, timeLimitMinutes };
}

type Started = Awaited<ReturnType<typeof started>>;

/** Everything a save or submit could have written for this attempt. */
async function written(s: Started) {
  const attempt = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: s.attemptId }, select: { submittedAt: true, score: true } });
  const answers = await prisma.quizAnswer.findMany({
    where: { attemptId: s.attemptId },
    orderBy: { questionId: "asc" },
    select: { questionId: true, choice: true, revision: true, correct: true },
  });
  const reviewStates = await prisma.cardState.count({ where: { userId: s.learner.id } });
  return { attempt, answers, reviewStates };
}

beforeAll(async () => {
  teacher = await user("teacher@example.com", "instructor");
  cardIds = await importDeck("starter", "Windows deck", ["one", "two", "three", "four", "five"]);
  classId = (await db.createClass(teacher, "Windows class"))!.id;
  joinCode = (await db.findTaughtClass(teacher, classId))!.joinCode;
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("10.6: saves and submits follow the quiz as it stands", () => {
  it("10.6: a quiz closed by its instructor refuses saves; a late submit scores only what was saved in time", async () => {
    const s = await started();
    expect(await s.save(s.first, 1, later(1))).toEqual({ ok: true, revision: 1 });
    // The attempt started with no deadline at all: only the quiz's current close can stop it.
    expect(await db.updateQuizSettings(teacher, s.quizId, { ...SETTINGS, closesAt: later(2) })).toBe(true);
    const before = await written(s);
    const late = await s.save(s.second, 2, later(3));
    expect(late).toEqual({
      ok: false,
      code: "closed",
      message: "This quiz closed at 2026-11-22 09:02 UTC: answers sent after that are not accepted.",
    });
    expect(await written(s)).toEqual(before);

    const submit = await db.submitAttempt(s.learner, s.attemptId, later(4));
    expect(submit).toMatchObject({ ok: true, alreadySubmitted: false, score: s.first.points, missed: 1 });
    const after = await written(s);
    expect(after.answers.find((a) => a.questionId === s.second.questionId)).toMatchObject({ choice: [], revision: 0, correct: false });
  });

  it("10.6: an unpublished quiz refuses saves and the submit, and nothing is written", async () => {
    const s = await started(30);
    expect(await s.save(s.first, 1, later(1))).toEqual({ ok: true, revision: 1 });
    expect(await db.updateQuizSettings(teacher, s.quizId, { ...SETTINGS, timeLimitMinutes: 30, published: false })).toBe(true);
    const before = await written(s);
    expect(await s.save(s.second, 2, later(2))).toMatchObject({
      ok: false,
      code: "unpublished",
      message: expect.stringMatching(/^This quiz is not published/),
    });
    expect(await s.save(s.first, 3, later(2))).toMatchObject({ ok: false, code: "unpublished" });
    expect(await db.submitAttempt(s.learner, s.attemptId, later(3))).toMatchObject({ ok: false, code: "unpublished" });
    expect(await written(s)).toEqual(before);
    expect(before.attempt).toEqual({ submittedAt: null, score: null });
    expect(before.answers).toHaveLength(1);
    expect(before.reviewStates).toBe(0);
  });

  it("10.6: a learner removed from the class can neither save nor submit, and nothing is written", async () => {
    const s = await started(30);
    expect(await s.save(s.first, 1, later(1))).toEqual({ ok: true, revision: 1 });
    expect(await db.removeLearner(teacher, classId, s.learner.id)).toBe(true);
    const before = await written(s);
    expect(await s.save(s.second, 2, later(2))).toEqual({
      ok: false,
      code: "not_member",
      message: "You are no longer a member of this class.",
    });
    expect(await db.submitAttempt(s.learner, s.attemptId, later(3))).toMatchObject({ ok: false, code: "not_member" });
    expect(await written(s)).toEqual(before);
    expect(before.attempt.submittedAt).toBeNull();
    // Nor can they start the quiz again, or learn that it exists.
    expect(await db.startAttempt(s.learner, s.quizId, later(3))).toMatchObject({ ok: false, code: "not_found" });
  });

  it("10.6: past the time limit beyond the grace a save is refused; the submit scores the saves made in time", async () => {
    const s = await started(10);
    expect(await s.save(s.first, 1, later(9))).toEqual({ ok: true, revision: 1 });
    const before = await written(s);
    const late = await s.save(s.second, 2, later(10, ANSWER_GRACE_MS + 1));
    expect(late).toEqual({
      ok: false,
      code: "closed",
      message: "Your time limit ended at 2026-11-22 09:10 UTC: answers sent after that are not accepted.",
    });
    // Nor may a late save overwrite an answer given in time.
    expect(await s.save(s.first, 3, later(11))).toMatchObject({ ok: false, code: "closed" });
    expect(await written(s)).toEqual(before);
    const submit = await db.submitAttempt(s.learner, s.attemptId, later(12));
    expect(submit).toMatchObject({ ok: true, score: s.first.points, missed: 1 });
  });

  it("10.6: inside the grace a save sent before the deadline is stored and counts", async () => {
    const s = await started(10);
    expect(await s.save(s.second, 1, later(10, ANSWER_GRACE_MS))).toEqual({ ok: true, revision: 1 });
    const stored = await written(s);
    expect(stored.answers).toEqual([
      {
        questionId: s.second.questionId,
        choice: [s.second.options.find((o) => o.correct)!.id],
        revision: 1,
        correct: null,
      },
    ]);
    const submit = await db.submitAttempt(s.learner, s.attemptId, later(10, ANSWER_GRACE_MS));
    expect(submit).toMatchObject({ ok: true, score: s.second.points, missed: 1 });
  });

  it("10.6: a submitted attempt refuses saves with a reason", async () => {
    const s = await started();
    expect((await db.submitAttempt(s.learner, s.attemptId, later(1))).ok).toBe(true);
    const before = await written(s);
    expect(await s.save(s.first, 5, later(2))).toMatchObject({ ok: false, code: "submitted" });
    expect(await written(s)).toEqual(before);
  });
});

describe("10.6: starting an attempt follows the same rules", () => {
  async function quizFor(settings: Partial<typeof SETTINGS>) {
    const quizId = (await db.createQuiz(teacher, classId, "Start"))!.id;
    await db.addCardQuestions(teacher, quizId, [cardIds[2]!], t0);
    await db.updateQuizSettings(teacher, quizId, { ...SETTINGS, ...settings });
    const learner = await user(`starter${++learners}@example.com`, "learner");
    await db.joinClass(learner, joinCode);
    return { quizId, learner };
  }
  const attempts = (quizId: string) => prisma.quizAttempt.count({ where: { quizId } });

  it("10.6: an unpublished quiz answers as if it did not exist", async () => {
    const { quizId, learner } = await quizFor({ published: false });
    expect(await db.startAttempt(learner, quizId, t0)).toEqual({ ok: false, code: "not_found", message: "There is no such quiz." });
    expect(await attempts(quizId)).toBe(0);
  });

  it("10.6: a closed or not yet open quiz says when, and starts nothing", async () => {
    const closed = await quizFor({ closesAt: later(-1) });
    expect(await db.startAttempt(closed.learner, closed.quizId, t0)).toEqual({
      ok: false,
      code: "closed",
      message: "This quiz closed at 2026-11-22 08:59 UTC.",
    });
    expect(await attempts(closed.quizId)).toBe(0);
    const upcoming = await quizFor({ opensAt: later(60) });
    expect(await db.startAttempt(upcoming.learner, upcoming.quizId, t0)).toMatchObject({
      ok: false,
      code: "not_open",
      message: "This quiz opens at 2026-11-22 10:00 UTC.",
    });
    expect(await attempts(upcoming.quizId)).toBe(0);
  });

  it("10.6: a learner removed from the class cannot start", async () => {
    const { quizId, learner } = await quizFor({});
    expect(await db.removeLearner(teacher, classId, learner.id)).toBe(true);
    expect(await db.startAttempt(learner, quizId, t0)).toMatchObject({ ok: false, code: "not_found" });
    expect(await attempts(quizId)).toBe(0);
  });
});
