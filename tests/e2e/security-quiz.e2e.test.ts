// Over HTTP: once the instructor unpublishes a quiz, the learner's answer saves
// and submit are refused with a reason a person can read, nothing is stored or scored, and the
// quiz page shows the reason instead of retrying for ever.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { countRows, readRow, type SqlValue } from "./support/database.ts";
import { signInOverHttp } from "./support/http-session.ts";
import { PASSWORD, signIn, signUp, waitUntil } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");

const TEACHER = "teacher@quiz-window.example";
const LEARNER = "learner@quiz-window.example";

let browser: Browser;
const ids = { classId: "", quizId: "", attemptId: "", joinCode: "", learnerId: "" };

const row = <T>(sql: string, ...params: SqlValue[]) => readRow<T>(sql, ...params);

interface StoredPaper {
  questions: Array<{ questionId: string; options: Array<{ id: string; correct: boolean }> }>;
}
const paperOf = async (attemptId: string) =>
  JSON.parse(
    (await row<{ paper: string }>(`SELECT CAST(paper AS TEXT) AS paper FROM "QuizAttempt" WHERE id = ?`, attemptId))!.paper,
  ) as StoredPaper;
/** Everything a save or a submit could write for the attempt, as one comparable value. */
const stored = async () => ({
  attempt: await row<{ submittedAt: unknown; score: unknown }>(
    `SELECT "submittedAt", score FROM "QuizAttempt" WHERE id = ?`,
    ids.attemptId,
  ),
  answers:
    (
      await row<{ a: string | null }>(
        `SELECT string_agg("questionId" || ':' || CAST(choice AS TEXT) || ':' || revision, ',') AS a FROM "QuizAnswer" WHERE "attemptId" = ?`,
        ids.attemptId,
      )
    )?.a ?? null,
  reviewStates: await countRows(`SELECT COUNT(*) AS n FROM "CardState" WHERE "userId" = ?`, ids.learnerId),
});

async function signedIn(email: string): Promise<Page> {
  const { page } = await newPage(browser, baseUrl, "desktop");
  await page.goto("/signin");
  await signIn(page, email, PASSWORD);
  await page.waitForURL(`${baseUrl}/decks`);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The first account of a database is its admin; in a full run another file made it.
  const accounts = [TEACHER, LEARNER];
  if ((await countRows(`SELECT COUNT(*) AS n FROM "User"`)) === 0) accounts.unshift("admin@quiz-window.example");
  for (const email of accounts) {
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await signUp(page, email, PASSWORD, email.split("@")[0]);
    await page.waitForURL(`${baseUrl}/decks`);
    await context.close();
  }
  ids.learnerId = (await row<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, LEARNER))!.id;

  const adminEmail = (await row<{ email: string }>(`SELECT email FROM "User" WHERE role = 'admin' ORDER BY "createdAt" LIMIT 1`))!.email;
  const admin = await signedIn(adminEmail);
  await admin.goto("/admin/users");
  await admin.getByLabel(`Role of ${TEACHER}`, { exact: true }).selectOption("instructor");
  await admin.getByRole("button", { name: `Save role of ${TEACHER}` }).click();
  await waitUntil(
    async () => (await row<{ role: string }>(`SELECT role FROM "User" WHERE email = ?`, TEACHER))?.role === "instructor",
    () => "teacher is not an instructor",
  );
  await admin.context().close();

  // A published quiz of two card questions.
  const teacher = await signedIn(TEACHER);
  await teacher.goto("/teach");
  await teacher.getByLabel("Class name").fill("Window class");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await teacher.waitForURL(/\/teach\/classes\/[^/]+$/);
  ids.classId = teacher.url().split("/").pop()!;
  ids.joinCode = (await teacher.getByTestId("join-code").textContent())!.replace("-", "");
  await teacher.getByLabel("New quiz title").fill("Withdrawn quiz");
  await teacher.getByRole("button", { name: "Create quiz" }).click();
  await teacher.waitForURL(/\/teach\/quizzes\/[^/]+$/);
  ids.quizId = teacher.url().split("/").pop()!;
  const deck = (await row<{ deckId: string }>(
    `SELECT "deckId" FROM "Card" WHERE scope = 'starter' AND kind = 'basic' AND back <> '' GROUP BY "deckId" HAVING COUNT(*) >= 4 ORDER BY COUNT(*) LIMIT 1`,
  ))!;
  await teacher.getByLabel("Deck").selectOption(deck.deckId);
  await teacher.getByRole("button", { name: "Show cards" }).click();
  await teacher.waitForURL(/deck=/);
  for (let i = 0; i < 2; i++) {
    await teacher.getByTestId("picker-card").nth(i).getByRole("button", { name: "Add" }).click();
    await waitUntil(
      async () => (await countRows(`SELECT COUNT(*) AS n FROM "QuizQuestion" WHERE "quizId" = ?`, ids.quizId)) === i + 1,
      () => "card not added",
    );
  }
  await teacher.reload();
  await teacher.getByLabel(/Published/).check();
  await teacher.getByRole("button", { name: "Save settings" }).click();
  await waitUntil(
    async () =>
      (await row<{ published: number }>(`SELECT CASE WHEN published THEN 1 ELSE 0 END AS published FROM "Quiz" WHERE id = ?`, ids.quizId))
        ?.published === 1,
    () => "not published",
  );
  await teacher.context().close();
});
afterAll(async () => {
  await browser?.close();
});

describe("10.6: an unpublished quiz takes no more answers", () => {
  it("10.6: instructor unpublishes → the learner's save and submit are refused with the reason, and nothing is stored", async () => {
    // The learner joins, starts, and has one answer saved.
    const learner = await signedIn(LEARNER);
    await learner.goto(`/join/${ids.joinCode}`);
    await learner.getByRole("button", { name: "Join class" }).click();
    await learner.waitForURL(`${baseUrl}/classes/${ids.classId}`);
    await learner.goto(`/quizzes/${ids.quizId}`);
    await learner.getByRole("button", { name: "Start quiz" }).click();
    await learner.getByTestId("take-question").first().waitFor();
    ids.attemptId = (await row<{ id: string }>(
      `SELECT id FROM "QuizAttempt" WHERE "quizId" = ? AND "userId" = ?`,
      ids.quizId,
      ids.learnerId,
    ))!.id;
    const [first, second] = (await paperOf(ids.attemptId)).questions;
    const right = (q: typeof first) => q!.options.find((o) => o.correct)!.id;
    await learner
      .getByTestId("take-question")
      .nth(0)
      .locator(`input[value="${right(first)}"]`)
      .click();
    await waitUntil(
      async () => (await stored()).answers === `${first!.questionId}:${JSON.stringify([right(first)])}:1`,
      () => "first answer not saved",
    );

    // The instructor withdraws the quiz.
    const teacher = await signedIn(TEACHER);
    await teacher.goto(`/teach/quizzes/${ids.quizId}`);
    await teacher.getByLabel(/Published/).uncheck();
    await teacher.getByRole("button", { name: "Save settings" }).click();
    await waitUntil(
      async () =>
        (await row<{ published: number }>(`SELECT CASE WHEN published THEN 1 ELSE 0 END AS published FROM "Quiz" WHERE id = ?`, ids.quizId))
          ?.published === 0,
      () => "not unpublished",
    );
    await teacher.context().close();
    const before = await stored();
    expect(before.attempt).toEqual({ submittedAt: null, score: null });

    // The open page: the next answer is refused once, the reason is shown, and it is not retried.
    const saves: string[] = [];
    learner.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/api/classroom/answers")) saves.push(r.url());
    });
    await learner
      .getByTestId("take-question")
      .nth(1)
      .locator(`input[value="${right(second)}"]`)
      .click();
    await learner
      .getByTestId("save-state")
      .filter({ hasText: /^This quiz is not published/ })
      .waitFor({ timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 5_000));
    expect(saves).toHaveLength(1);
    expect(await learner.getByRole("button", { name: "Submit answers" }).isDisabled()).toBe(true);
    expect(await stored()).toEqual(before);
    await learner.context().close();

    // Over HTTP: the save and the submit get 403 with the reason and a code.
    const cookie = await signInOverHttp(baseUrl, LEARNER, PASSWORD);
    const save = await fetch(`${baseUrl}/api/classroom/answers`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ attemptId: ids.attemptId, questionId: second!.questionId, choice: [right(second)], revision: 99 }),
    });
    expect(save.status).toBe(403);
    expect(await save.json()).toEqual({ code: "unpublished", error: expect.stringMatching(/^This quiz is not published/) });
    const submit = await fetch(`${baseUrl}/api/classroom/attempts/${ids.attemptId}/submit`, { method: "POST", headers: { cookie } });
    expect(submit.status).toBe(403);
    expect(await submit.json()).toEqual({ code: "unpublished", error: expect.stringMatching(/^This quiz is not published/) });
    expect(await stored()).toEqual(before);
  });

  it("10.6: once published again the attempt goes on; a save not sent as JSON is refused (415) and stores nothing", async () => {
    const teacher = await signedIn(TEACHER);
    await teacher.goto(`/teach/quizzes/${ids.quizId}`);
    await teacher.getByLabel(/Published/).check();
    await teacher.getByRole("button", { name: "Save settings" }).click();
    await waitUntil(
      async () =>
        (await row<{ published: number }>(`SELECT CASE WHEN published THEN 1 ELSE 0 END AS published FROM "Quiz" WHERE id = ?`, ids.quizId))
          ?.published === 1,
      () => "not published again",
    );
    await teacher.context().close();

    const cookie = await signInOverHttp(baseUrl, LEARNER, PASSWORD);
    const second = (await paperOf(ids.attemptId)).questions[1]!;
    const body = JSON.stringify({
      attemptId: ids.attemptId,
      questionId: second.questionId,
      choice: [second.options[0]!.id],
      revision: 100,
    });
    const before = await stored();
    const plain = await fetch(`${baseUrl}/api/classroom/answers`, {
      method: "POST",
      headers: { cookie, "content-type": "text/plain" },
      body,
    });
    expect(plain.status).toBe(415);
    expect(await stored()).toEqual(before);
    const json = await fetch(`${baseUrl}/api/classroom/answers`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body,
    });
    expect(json.status).toBe(200);
    expect((await stored()).answers).toContain(`${second.questionId}:${JSON.stringify([second.options[0]!.id])}:100`);
  });
});
