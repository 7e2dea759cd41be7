// Classes, quizzes, attempts and results against a real SQLite file: membership and ownership
// scoping, idempotent saves, one submit, scoring, and missed questions landing in review.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { importDeck } from "../support/learners.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const db = await import("@/lib/db/classroom/index.ts");
type Role = "learner" | "instructor" | "admin";
type User = { id: string; email: string; name: string | null; role: Role; timeZone: string };

const SCENARIO = readFileSync(new URL("../../seeds/scenarios/iam-and-bucket-example-1-role-allows.yaml", import.meta.url), "utf8");
const t0 = new Date("2026-11-22T09:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function user(email: string, role: Role): Promise<User> {
  const row = await prisma.user.create({ data: { email, role, name: email.split("@")[0] } });
  return { id: row.id, email, name: row.name, role, timeZone: "UTC" };
}

let admin: User, teacher: User, otherTeacher: User, ana: User, ben: User, stranger: User;
let classId = "";
let quizId = "";
let cardIds: string[] = [];
let privateCardIds: string[] = [];

beforeAll(async () => {
  admin = await user("admin@example.com", "admin");
  teacher = await user("teacher@example.com", "learner");
  otherTeacher = await user("other@example.com", "instructor");
  ana = await user("ana@example.com", "learner");
  ben = await user("ben@example.com", "learner");
  stranger = await user("stranger@example.com", "learner");
  cardIds = await importDeck("starter", "STS basics", ["one", "two", "three", "four", "five"]);
  privateCardIds = await importDeck(otherTeacher.id, "Private", ["p1", "p2"]);
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("roles", () => {
  it("only an admin lists users and gives roles, never to themselves", async () => {
    expect(await db.listUsersForAdmin(ana)).toBeNull();
    expect(await db.setUserRole(ana, teacher.id, "instructor")).toEqual({ ok: false, code: "not_found" });
    expect(await db.setUserRole(admin, admin.id, "learner")).toEqual({ ok: false, code: "own_role" });
    expect(await db.setUserRole(admin, teacher.id, "instructor")).toEqual({ ok: true });
    teacher = { ...teacher, role: "instructor" };
    expect((await db.listUsersForAdmin(admin))?.find((u) => u.id === teacher.id)?.role).toBe("instructor");
  });
});

describe("classes and membership", () => {
  it("a learner cannot create a class; an instructor can, with a join code", async () => {
    expect(await db.createClass(ana, "Nope")).toBeNull();
    const created = await db.createClass(teacher, "IAM bootcamp");
    classId = created!.id;
    const found = await db.findTaughtClass(teacher, classId);
    expect(found?.joinCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(await db.findTaughtClass(otherTeacher, classId)).toBeNull();
    expect(await db.findTaughtClass(ana, classId)).toBeNull();
  });

  it("learners join with the code (typed loosely), twice is once; the instructor removes one", async () => {
    const code = (await db.findTaughtClass(teacher, classId))!.joinCode;
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    expect(await db.joinClass(ana, typed)).toEqual({ ok: true, classId });
    expect(await db.joinClass(ana, code)).toEqual({ ok: true, classId });
    expect(await db.joinClass(ben, code)).toEqual({ ok: true, classId });
    expect(await db.joinClass(stranger, "ZZZZZZZZ")).toEqual({ ok: false, code: "not_found" });
    expect(await db.joinClass(teacher, code)).toEqual({ ok: false, code: "own_class" });
    expect((await db.findTaughtClass(teacher, classId))!.members).toHaveLength(2);
    expect(await db.findJoinedClass(stranger, classId)).toBeNull();
    // Another instructor cannot remove anyone from this class.
    expect(await db.removeLearner(otherTeacher, classId, ben.id)).toBe(false);
    await db.joinClass(stranger, code);
    expect(await db.removeLearner(teacher, classId, stranger.id)).toBe(true);
    expect(await db.findJoinedClass(stranger, classId)).toBeNull();
  });
});

describe("building a quiz", () => {
  it("adds card questions with distractors from the same deck, and a template scenario", async () => {
    quizId = (await db.createQuiz(teacher, classId, "Week 1"))!.id;
    expect(await db.createQuiz(otherTeacher, classId, "Hijack")).toBeNull();
    expect(await db.addCardQuestions(teacher, quizId, [cardIds[0]!, cardIds[1]!], t0)).toEqual({ ok: true });
    // A card from another instructor's private deck is not the teacher's to use.
    expect((await db.addCardQuestions(teacher, quizId, [privateCardIds[0]!], t0)).ok).toBe(false);
    expect(await db.addScenarioQuestions(teacher, quizId, { source: SCENARIO, template: true }, t0)).toEqual({ ok: true });
    const bad = await db.addScenarioQuestions(teacher, quizId, { source: "title: x\nsteps: 3", template: false }, t0);
    expect(bad.ok).toBe(false);
    const quiz = await db.findOwnQuiz(teacher, quizId);
    expect(quiz!.questions.map((q) => q.kind)).toEqual(["card", "card", "scenario", "scenario", "scenario"]);
    const first = quiz!.questions[0]!.options;
    expect(first.filter((o) => o.correct).map((o) => o.text)).toEqual(["Back one"]);
    expect(first.length).toBe(4);
    expect(first.every((o) => /^Back /.test(o.text))).toBe(true);
    expect(await db.findOwnQuiz(otherTeacher, quizId)).toBeNull();
  });

  it("reorders and sets points; another instructor cannot", async () => {
    const quiz = (await db.findOwnQuiz(teacher, quizId))!;
    const [q0, q1] = quiz.questions;
    expect(await db.moveQuestion(teacher, quizId, q1!.id, -1)).toEqual({ ok: true });
    expect(await db.setQuestionPoints(teacher, quizId, q0!.id, 3)).toEqual({ ok: true });
    expect((await db.setQuestionPoints(otherTeacher, quizId, q0!.id, 9)).ok).toBe(false);
    const after = (await db.findOwnQuiz(teacher, quizId))!;
    expect(after.questions.map((q) => q.id).slice(0, 2)).toEqual([q1!.id, q0!.id]);
    expect(after.questions[1]!.points).toBe(3);
  });
});

describe("taking a quiz", () => {
  let anaAttempt = "";
  it("is invisible until published, and only to members", async () => {
    expect(await db.findLearnerQuiz(ana, quizId)).toBeNull();
    await db.updateQuizSettings(teacher, quizId, {
      title: "Week 1",
      timeLimitMinutes: 30,
      opensAt: null,
      closesAt: null,
      shuffle: true,
      showResults: true,
      published: true,
    });
    expect(await db.findLearnerQuiz(ana, quizId)).not.toBeNull();
    expect(await db.findLearnerQuiz(stranger, quizId)).toBeNull();
    expect((await db.startAttempt(stranger, quizId, t0)).ok).toBe(false);
  });

  it("gives each learner their own variant names, with answers recomputed", async () => {
    const a = await db.startAttempt(ana, quizId, t0);
    const b = await db.startAttempt(ben, quizId, t0);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    anaAttempt = a.attemptId;
    expect((await db.startAttempt(ana, quizId, later(1))).ok && a.attemptId).toBe(anaAttempt);
    const paperA = (await db.findLearnerQuiz(ana, quizId))!.attempt!.paper;
    const paperB = (await db.findLearnerQuiz(ben, quizId))!.attempt!.paper;
    const scenarioA = paperA.questions.find((q) => q.kind === "scenario")!;
    const scenarioB = paperB.questions.find((q) => q.questionId === scenarioA.questionId)!;
    expect(scenarioA.names.bucket).toBeDefined();
    expect(scenarioA.names.bucket).not.toBe(scenarioB.names.bucket);
    expect(scenarioA.prompt).toContain(scenarioA.names.bucket!);
    expect(scenarioA.prompt).not.toContain("my_bucket");
    expect(scenarioA.reviewSource).toContain(scenarioA.names.bucket!);
    // The quiz is locked once started.
    expect((await db.removeQuestion(teacher, quizId, scenarioA.questionId)).ok).toBe(false);
  });

  it("saves answers idempotently, ignoring a late older save; refuses another learner's attempt", async () => {
    const paper = (await db.findLearnerQuiz(ana, quizId))!.attempt!.paper;
    const q = paper.questions[0]!;
    const wrongId = q.options.find((o) => !o.correct)!.id;
    const rightId = q.options.find((o) => o.correct)!.id;
    expect(await db.saveAnswer(ana, { attemptId: anaAttempt, questionId: q.questionId, choice: [wrongId], revision: 1 }, later(2))).toEqual(
      { ok: true, revision: 1 },
    );
    expect(await db.saveAnswer(ana, { attemptId: anaAttempt, questionId: q.questionId, choice: [rightId], revision: 2 }, later(2))).toEqual(
      { ok: true, revision: 2 },
    );
    await db.saveAnswer(ana, { attemptId: anaAttempt, questionId: q.questionId, choice: [rightId], revision: 2 }, later(2));
    await db.saveAnswer(ana, { attemptId: anaAttempt, questionId: q.questionId, choice: [wrongId], revision: 1 }, later(3));
    const rows = await prisma.quizAnswer.findMany({ where: { attemptId: anaAttempt } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.choice).toEqual([rightId]);
    expect(
      (await db.saveAnswer(ben, { attemptId: anaAttempt, questionId: q.questionId, choice: [wrongId], revision: 9 }, later(3))).ok,
    ).toBe(false);
    expect((await db.saveAnswer(ana, { attemptId: anaAttempt, questionId: q.questionId, choice: ["zz"], revision: 10 }, later(3))).ok).toBe(
      false,
    );
    // After the time limit (30 min) and its grace, saves are refused.
    expect(
      await db.saveAnswer(ana, { attemptId: anaAttempt, questionId: q.questionId, choice: [wrongId], revision: 11 }, later(31)),
    ).toMatchObject({ ok: false, code: "closed" });
  });

  it("submits once: scores, marks, and sends misses to review; a second submit changes nothing", async () => {
    const paper = (await db.findLearnerQuiz(ana, quizId))!.attempt!.paper;
    expect((await db.submitAttempt(ben, anaAttempt, later(4))).ok).toBe(false);
    const first = await db.submitAttempt(ana, anaAttempt, later(4));
    expect(first).toMatchObject({ ok: true, alreadySubmitted: false });
    if (!first.ok) return;
    const answered = paper.questions[0]!;
    expect(first.score).toBe(answered.points);
    expect(first.maxScore).toBe(paper.questions.reduce((s, q) => s + q.points, 0));
    expect(first.missed).toBe(paper.questions.length - 1);
    const again = await db.submitAttempt(ana, anaAttempt, later(5));
    expect(again).toMatchObject({ ok: true, alreadySubmitted: true, score: first.score });
    const attempt = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: anaAttempt } });
    expect(attempt.submittedAt?.toISOString()).toBe(later(4).toISOString());
    expect(await prisma.quizAnswer.count({ where: { attemptId: anaAttempt } })).toBe(paper.questions.length);

    // Missed card questions: the card itself due now; missed scenarios: a scenario card of Ana's own.
    const missedCards = paper.questions.filter((q, i) => i > 0 && q.kind === "card").map((q) => q.cardId!);
    for (const cardId of missedCards) {
      const state = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: ana.id, cardId } } });
      expect(state.due.getTime()).toBeLessThanOrEqual(later(4).getTime());
    }
    const own = await prisma.card.findMany({ where: { scope: ana.id, kind: "scenario" }, include: { deck: true, states: true } });
    expect(own).toHaveLength(paper.questions.filter((q, i) => i > 0 && q.kind === "scenario").length);
    const variantBucket = paper.questions.find((q) => q.kind === "scenario")!.names.bucket!;
    for (const card of own) {
      expect(card.deck.path).toBe("Quizzes › IAM bootcamp");
      expect(card.front).toContain(variantBucket);
      expect(JSON.parse(card.front).questions).toHaveLength(1);
      expect(card.states[0]?.userId).toBe(ana.id);
    }
    // A second submit adds no more cards.
    expect(await prisma.card.count({ where: { scope: ana.id } })).toBe(own.length);
    expect(
      (await db.saveAnswer(ana, { attemptId: anaAttempt, questionId: answered.questionId, choice: [], revision: 50 }, later(6))).ok,
    ).toBe(false);
  });

  it("gives the instructor results per question and learner, and nobody else", async () => {
    await db.submitAttempt(ben, (await db.findLearnerQuiz(ben, quizId))!.attempt!.id, later(6));
    expect(await db.quizResults(otherTeacher, quizId)).toBeNull();
    expect(await db.quizResults(ana, quizId)).toBeNull();
    const view = (await db.quizResults(teacher, quizId))!;
    expect(view.results.submitted).toBe(2);
    expect(view.results.learners.map((l) => l.learner.email)).toEqual(["ana@example.com", "ben@example.com"]);
    const total = view.results.questions.reduce((s, q) => s + q.answered, 0);
    expect(total).toBe(2 * view.questions.length);
  });
});
