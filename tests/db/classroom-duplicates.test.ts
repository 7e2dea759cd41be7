// A quiz holds each card and each scenario once: adding one again is refused with a reason the
// builder shows, whether the scenario comes from a deck or from the editor (issue 14).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { importDeck } from "../support/learners.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const db = await import("@/lib/db/classroom/index.ts");

const SCENARIO = readFileSync(new URL("../../seeds/scenarios/iam-and-bucket-example-1-role-allows.yaml", import.meta.url), "utf8");
const now = new Date("2026-11-22T09:00:00Z");

let teacher: { id: string; email: string; name: string | null; role: "instructor"; timeZone: string };
let quizId = "";
let cardIds: string[] = [];
const count = () => prisma.quizQuestion.count({ where: { quizId } });

beforeAll(async () => {
  const row = await prisma.user.create({ data: { email: "teacher@example.com", role: "instructor", name: "teacher" } });
  teacher = { id: row.id, email: row.email, name: row.name, role: "instructor", timeZone: "UTC" };
  cardIds = await importDeck("starter", "Duplicates", ["one", "two", "three", "four"]);
  const classroom = await db.createClass(teacher, "Class");
  quizId = (await db.createQuiz(teacher, classroom!.id, "Quiz"))!.id;
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("adding twice", () => {
  it("refuses a card already in the quiz, and adds nothing", async () => {
    expect(await db.addCardQuestions(teacher, quizId, [cardIds[0]!], now)).toEqual({ ok: true });
    expect(await db.addCardQuestions(teacher, quizId, [cardIds[0]!], now)).toEqual({
      ok: false,
      code: "duplicate",
      message: "This card is already in the quiz.",
    });
    expect(await count()).toBe(1);
  });

  it("refuses a scenario already in the quiz, even with other whitespace around it or CRLF line ends (a textarea's)", async () => {
    expect(await db.addScenarioQuestions(teacher, quizId, { source: SCENARIO, template: false }, now)).toEqual({ ok: true });
    const after = await count();
    expect(after).toBeGreaterThan(1);
    const again = await db.addScenarioQuestions(
      teacher,
      quizId,
      { source: `\n${SCENARIO.replace(/\n/g, "\r\n")}\n\n`, template: true },
      now,
    );
    expect(again).toMatchObject({ ok: false, code: "duplicate", message: expect.stringMatching(/already in the quiz/) });
    expect(await count()).toBe(after);
  });

  it("adds it again once its questions are removed", async () => {
    const scenarioQuestions = await prisma.quizQuestion.findMany({ where: { quizId, kind: "scenario" }, select: { id: true } });
    for (const q of scenarioQuestions) expect(await db.removeQuestion(teacher, quizId, q.id)).toEqual({ ok: true });
    expect(await db.addScenarioQuestions(teacher, quizId, { source: SCENARIO, template: false }, now)).toEqual({ ok: true });
  });
});
