// Classes and quizzes end to end: the admin makes an instructor, who builds a quiz with
// cards and a template scenario; a learner joins and takes it at the phone viewport (answers saved
// as chosen, through a reload and a lost connection); the instructor reads the results and the CSV.
// Then every way in for the wrong person answers 404 and changes nothing.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { countRows, readRow, type SqlValue } from "./support/database.ts";
import { signInOverHttp } from "./support/http-session.ts";
import { PASSWORD, signIn, signUp, waitUntil } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");
const SCENARIO = readFileSync(new URL("../../seeds/scenarios/iam-and-bucket-example-2-bucket-denies-role.yaml", import.meta.url), "utf8");

const TEACHER = "teacher@classroom.example";
const OTHER_TEACHER = "other-teacher@classroom.example";
const LEARNER = "learner@classroom.example";
const CLASSMATE = "classmate@classroom.example";
const OUTSIDER = "outsider@classroom.example";

let browser: Browser;
let adminEmail = "";
const ids = { classId: "", quizId: "", attemptId: "", joinCode: "", otherClassId: "" };

const row = <T>(sql: string, ...params: SqlValue[]) => readRow<T>(sql, ...params);

interface StoredPaper {
  questions: Array<{ questionId: string; kind: string; options: Array<{ id: string; correct: boolean }>; names: Record<string, string> }>;
}
const paperOf = async (attemptId: string) =>
  JSON.parse(
    (await row<{ paper: string }>(`SELECT CAST(paper AS TEXT) AS paper FROM "QuizAttempt" WHERE id = ?`, attemptId))!.paper,
  ) as StoredPaper;
const savedChoice = async (attemptId: string, questionId: string) =>
  (
    await row<{ choice: string }>(
      `SELECT CAST(choice AS TEXT) AS choice FROM "QuizAnswer" WHERE "attemptId" = ? AND "questionId" = ?`,
      attemptId,
      questionId,
    )
  )?.choice ?? null;

async function signedIn(email: string, viewport: "desktop" | "phone" = "desktop"): Promise<Page> {
  const { page } = await newPage(browser, baseUrl, viewport);
  await page.goto("/signin");
  await signIn(page, email, PASSWORD);
  await page.waitForURL(`${baseUrl}/decks`);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The first account of the database is its admin: in a full run another test file made it.
  const accounts = [TEACHER, OTHER_TEACHER, LEARNER, CLASSMATE, OUTSIDER];
  if ((await countRows(`SELECT COUNT(*) AS n FROM "User"`)) === 0) accounts.unshift("admin@classroom.example");
  for (const email of accounts) {
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await signUp(page, email, PASSWORD, email.split("@")[0]);
    await page.waitForURL(`${baseUrl}/decks`);
    await context.close();
  }
  adminEmail = (await row<{ email: string }>(`SELECT email FROM "User" WHERE role = 'admin' ORDER BY "createdAt" LIMIT 1`))!.email;
});
afterAll(async () => {
  await browser?.close();
});

describe("an instructor's quiz, taken by a learner on a phone", () => {
  it("the admin makes two instructors on the users page", async () => {
    const page = await signedIn(adminEmail);
    await page.getByRole("link", { name: "Users" }).click();
    for (const email of [TEACHER, OTHER_TEACHER]) {
      await page.getByLabel(`Role of ${email}`, { exact: true }).selectOption("instructor");
      await page.getByRole("button", { name: `Save role of ${email}` }).click();
      await waitUntil(
        async () => (await row<{ role: string }>(`SELECT role FROM "User" WHERE email = ?`, email))?.role === "instructor",
        () => `${email} is not an instructor`,
      );
    }
    expect((await row<{ role: string }>(`SELECT role FROM "User" WHERE email = ?`, LEARNER))?.role).toBe("learner");
    await page.context().close();
  });

  it("the instructor creates a class and builds a quiz from cards and a written template scenario", async () => {
    const page = await signedIn(TEACHER);
    await page.getByRole("link", { name: "Teach" }).click();
    await page.getByLabel("Class name").fill("IAM bootcamp");
    await page.getByRole("button", { name: "Create class" }).click();
    await page.waitForURL(/\/teach\/classes\/[^/]+$/);
    ids.classId = page.url().split("/").pop()!;
    ids.joinCode = (await page.getByTestId("join-code").textContent())!.replace("-", "");
    expect(await page.getByTestId("join-link").textContent()).toContain(`/join/${ids.joinCode}`);

    await page.getByLabel("New quiz title").fill("Week 1: policies");
    await page.getByRole("button", { name: "Create quiz" }).click();
    await page.waitForURL(/\/teach\/quizzes\/[^/]+$/);
    ids.quizId = page.url().split("/").pop()!;

    // Two cards from a starter deck with enough answers for distractors.
    const deck = (await row<{ deckId: string }>(
      `SELECT "deckId" FROM "Card" WHERE scope = 'starter' AND kind = 'basic' AND back <> '' GROUP BY "deckId" HAVING COUNT(*) >= 4 ORDER BY COUNT(*) LIMIT 1`,
    ))!;
    await page.getByLabel("Deck").selectOption(deck.deckId);
    await page.getByRole("button", { name: "Show cards" }).click();
    await page.waitForURL(/deck=/);
    for (let i = 0; i < 2; i++) {
      const before = await countRows(`SELECT COUNT(*) AS n FROM "QuizQuestion" WHERE "quizId" = ?`, ids.quizId);
      await page.getByTestId("picker-card").nth(i).getByRole("button", { name: "Add" }).click();
      await waitUntil(
        async () => (await countRows(`SELECT COUNT(*) AS n FROM "QuizQuestion" WHERE "quizId" = ?`, ids.quizId)) === before + 1,
        () => "card not added",
      );
    }

    // The editor checks as you type: first a mistake, named by its path, then a scenario and its computed answers.
    const editor = page.getByLabel("Scenario (YAML or JSON)");
    await editor.fill(SCENARIO.replace("kind: decidingPolicy", "kind: decidingPolicyy"));
    await expect(page.getByTestId("scenario-error").textContent({ timeout: 15_000 })).resolves.toMatch(/questions\[2\]/);
    await editor.fill(SCENARIO);
    await page.getByTestId("scenario-preview").waitFor({ timeout: 15_000 });
    const preview = await page.getByTestId("scenario-preview").textContent();
    expect(preview).toMatch(/3 questions with options/);
    expect(preview).toMatch(/One learner might see: .*bucket = /);
    await page.getByRole("button", { name: "Add scenario to quiz" }).click();
    await waitUntil(
      async () =>
        (await countRows(`SELECT COUNT(*) AS n FROM "QuizQuestion" WHERE "quizId" = ? AND kind = 'scenario' AND template`, ids.quizId)) ===
        3,
      () => "scenario not added",
    );

    // Order and points: the first scenario question moves to the top and is worth 2.
    await page.reload();
    await expect(page.getByTestId("quiz-question").count()).resolves.toBe(5);
    await page.getByRole("button", { name: "Move question 3 up" }).click();
    await waitUntil(
      async () =>
        (await row<{ kind: string }>(`SELECT kind FROM "QuizQuestion" WHERE "quizId" = ? AND position = 1`, ids.quizId))?.kind ===
        "scenario",
      () => "not moved",
    );

    await page.getByLabel("Time limit (minutes)").fill("20");
    await page.getByLabel(/Shuffle questions/).check();
    await page.getByLabel(/Learners see their score/).check();
    await page.getByLabel(/Published/).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await waitUntil(
      async () =>
        (await row<{ published: number }>(`SELECT CASE WHEN published THEN 1 ELSE 0 END AS published FROM "Quiz" WHERE id = ?`, ids.quizId))
          ?.published === 1,
      () => "not published",
    );
    expect(
      (await row<{ timeLimitMinutes: number }>(`SELECT "timeLimitMinutes" FROM "Quiz" WHERE id = ?`, ids.quizId))?.timeLimitMinutes,
    ).toBe(20);
    await page.context().close();
  });

  it("the learner joins with the link and takes the quiz at the phone viewport, losing nothing", async () => {
    const page = await signedIn(LEARNER, "phone");
    await page.goto(`/join/${ids.joinCode}`);
    await page.getByRole("button", { name: "Join class" }).tap();
    await page.waitForURL(`${baseUrl}/classes/${ids.classId}`);
    await page.locator("summary", { hasText: "Menu" }).tap();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Classes" }).tap();
    await page.getByTestId("open-quiz").getByRole("link", { name: "Week 1: policies" }).tap();
    await page.getByRole("button", { name: "Start quiz" }).tap();
    await page.getByTestId("take-question").first().waitFor();
    ids.attemptId = (await row<{ id: string }>(
      `SELECT a.id FROM "QuizAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email = ?`,
      LEARNER,
    ))!.id;
    const paper = await paperOf(ids.attemptId);
    expect(paper.questions).toHaveLength(5);
    const scenario = paper.questions.find((q) => q.kind === "scenario")!;
    expect(scenario.names.bucket).toBeTruthy();
    expect(await page.content()).toContain(scenario.names.bucket!);
    // A wide policy block would make a phone zoom the page out (its layout viewport grows past 375 px).
    const noHorizontalScroll = () => page.evaluate(() => window.innerWidth === 375 && document.documentElement.scrollWidth <= 375);

    // The first question right, the second wrong, each saved as it is tapped.
    const pick = async (index: number, correct: boolean) => {
      const q = paper.questions[index]!;
      const option = q.options.find((o) => o.correct === correct)!;
      await page.getByTestId("take-question").nth(index).locator(`input[value="${option.id}"]`).tap();
      return { q, option };
    };
    const first = await pick(0, true);
    await waitUntil(
      async () => (await savedChoice(ids.attemptId, first.q.questionId)) === JSON.stringify([first.option.id]),
      () => "first answer not saved",
    );
    const second = await pick(1, false);
    await waitUntil(
      async () => (await savedChoice(ids.attemptId, second.q.questionId)) === JSON.stringify([second.option.id]),
      () => "second answer not saved",
    );
    await page
      .getByTestId("save-state")
      .filter({ hasText: /^All answers saved$/ })
      .waitFor();

    // A reload shows what was saved.
    await page.reload();
    await expect(page.getByTestId("take-question").nth(0).locator(`input[value="${first.option.id}"]`).isChecked()).resolves.toBe(true);

    // Offline: the answer waits on the device, and reaches the server once the connection is back.
    await page.context().setOffline(true);
    const third = await pick(2, true);
    await page
      .getByTestId("save-state")
      .filter({ hasText: /^Not connected/ })
      .waitFor({ timeout: 10_000 });
    expect(await savedChoice(ids.attemptId, third.q.questionId)).toBeNull();
    await page.context().setOffline(false);
    await waitUntil(
      async () => (await savedChoice(ids.attemptId, third.q.questionId)) === JSON.stringify([third.option.id]),
      () => "offline answer never arrived",
      20_000,
    );
    expect(await noHorizontalScroll()).toBe(true);

    await page.getByRole("button", { name: "Submit answers" }).tap();
    await page.getByRole("button", { name: "Submit now" }).tap();
    const score = page.getByTestId("quiz-score");
    await score.waitFor();
    const points: number[] = [];
    for (const q of paper.questions) {
      points.push((await row<{ points: number }>(`SELECT points FROM "QuizQuestion" WHERE id = ?`, q.questionId))!.points);
    }
    const expected = points[0]! + points[2]!;
    await expect(score.textContent()).resolves.toBe(`Your score: ${expected} / ${points.reduce((a, b) => a + b, 0)}`);
    await expect(page.getByTestId("reviewed-question").count()).resolves.toBe(5);
    expect(await noHorizontalScroll()).toBe(true);

    // A second submit changes nothing.
    const cookie = await signInOverHttp(baseUrl, LEARNER, PASSWORD);
    const again = await fetch(`${baseUrl}/api/classroom/attempts/${ids.attemptId}/submit`, { method: "POST", headers: { cookie } });
    expect(await again.json()).toMatchObject({ submitted: true, alreadySubmitted: true });
    expect((await row<{ score: number }>(`SELECT score FROM "QuizAttempt" WHERE id = ?`, ids.attemptId))?.score).toBe(expected);

    // Missed questions are in the learner's review: scenario cards of their own, card questions due now.
    const userId = (await row<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, LEARNER))!.id;
    const missedScenarios = paper.questions.filter((q, i) => q.kind === "scenario" && i !== 0 && i !== 2).length;
    expect(await countRows(`SELECT COUNT(*) AS n FROM "Card" WHERE scope = ? AND kind = 'scenario'`, userId)).toBe(missedScenarios);
    const missedCards = paper.questions.filter((q, i) => q.kind === "card" && i !== 0 && i !== 2).length;
    expect(
      await countRows(
        `SELECT COUNT(*) AS n FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" WHERE s."userId" = ? AND c.scope = 'starter'`,
        userId,
      ),
    ).toBe(missedCards);
    await page.context().close();
  });

  it("the instructor sees the result per question and learner, and downloads the CSV", async () => {
    const page = await signedIn(TEACHER);
    await page.goto(`/teach/quizzes/${ids.quizId}/results`);
    await expect(page.getByTestId("results-summary").textContent()).resolves.toMatch(/^1 submitted of 1 started/);
    await expect(page.getByTestId("question-result").count()).resolves.toBe(5);
    const learnerRow = page.getByTestId("learner-result");
    await expect(learnerRow.textContent()).resolves.toContain(LEARNER);
    const score = (await row<{ score: number; maxScore: number }>(
      `SELECT score, "maxScore" FROM "QuizAttempt" WHERE id = ?`,
      ids.attemptId,
    ))!;
    await expect(learnerRow.textContent()).resolves.toContain(`${score.score}/${score.maxScore}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^learner,email,status,submitted_at,score,max_score,q1_answer,q1_points/);
    expect(lines[1]).toContain(`,${LEARNER},submitted,`);
    expect(lines[1]).toContain(`,${score.score},${score.maxScore},`);
    await page.context().close();
  });
});

describe("nobody reaches what is not theirs", () => {
  let learner = "";
  let classmate = "";
  let outsider = "";
  let otherTeacher = "";
  let classmateAttempt = "";

  beforeAll(async () => {
    learner = await signInOverHttp(baseUrl, LEARNER, PASSWORD);
    classmate = await signInOverHttp(baseUrl, CLASSMATE, PASSWORD);
    outsider = await signInOverHttp(baseUrl, OUTSIDER, PASSWORD);
    otherTeacher = await signInOverHttp(baseUrl, OTHER_TEACHER, PASSWORD);
    // The classmate joins through the join page and starts the quiz over HTTP.
    const page = await signedIn(CLASSMATE);
    await page.goto(`/join/${ids.joinCode}`);
    await page.getByRole("button", { name: "Join class" }).click();
    await page.waitForURL(`${baseUrl}/classes/${ids.classId}`);
    await page.context().close();
    const started = await fetch(`${baseUrl}/api/classroom/quizzes/${ids.quizId}/attempt`, {
      method: "POST",
      headers: { cookie: classmate },
    });
    classmateAttempt = ((await started.json()) as { attemptId: string }).attemptId;
    // The other instructor has a class of their own.
    const other = await signedIn(OTHER_TEACHER);
    await other.goto("/teach");
    await other.getByLabel("Class name").fill("Other class");
    await other.getByRole("button", { name: "Create class" }).click();
    await other.waitForURL(/\/teach\/classes\/[^/]+$/);
    ids.otherClassId = other.url().split("/").pop()!;
    await other.context().close();
  });

  const status = async (cookie: string, path: string, init: RequestInit = {}) =>
    (await fetch(`${baseUrl}${path}`, { ...init, headers: { cookie, "content-type": "application/json", ...(init.headers ?? {}) } }))
      .status;

  it("a learner gets 404 for every instructor and admin page and endpoint", async () => {
    for (const path of [
      "/teach",
      `/teach/classes/${ids.classId}`,
      `/teach/quizzes/${ids.quizId}`,
      `/teach/quizzes/${ids.quizId}/results`,
      `/teach/quizzes/${ids.quizId}/results/export`,
      "/admin/users",
    ]) {
      expect(await status(learner, path), path).toBe(404);
    }
    expect(await status(learner, "/api/classroom/scenario-preview", { method: "POST", body: JSON.stringify({ source: SCENARIO }) })).toBe(
      404,
    );
  });

  it("a learner outside the class cannot see it, its quiz, or start an attempt", async () => {
    expect(await status(outsider, `/classes/${ids.classId}`)).toBe(404);
    expect(await status(outsider, `/quizzes/${ids.quizId}`)).toBe(404);
    const before = await countRows(`SELECT COUNT(*) AS n FROM "QuizAttempt"`);
    expect(await status(outsider, `/api/classroom/quizzes/${ids.quizId}/attempt`, { method: "POST" })).toBe(404);
    expect(await countRows(`SELECT COUNT(*) AS n FROM "QuizAttempt"`)).toBe(before);
    expect(await status(learner, `/classes/${ids.classId}`)).toBe(200);
  });

  it("a classmate cannot read, change or submit another learner's answers", async () => {
    const theirs = await paperOf(ids.attemptId);
    const html = await (await fetch(`${baseUrl}/quizzes/${ids.quizId}`, { headers: { cookie: classmate } })).text();
    const learnerBucket = theirs.questions.find((q) => q.kind === "scenario")!.names.bucket!;
    expect(html).toContain((await paperOf(classmateAttempt)).questions.find((q) => q.kind === "scenario")!.names.bucket!);
    expect(html).not.toContain(learnerBucket);
    const answersBefore = JSON.stringify(
      await row(`SELECT string_agg(CAST(choice AS TEXT) || revision, ',') AS c FROM "QuizAnswer" WHERE "attemptId" = ?`, ids.attemptId),
    );
    const q = theirs.questions[1]!;
    expect(
      await status(classmate, "/api/classroom/answers", {
        method: "POST",
        body: JSON.stringify({ attemptId: ids.attemptId, questionId: q.questionId, choice: [q.options[0]!.id], revision: 999 }),
      }),
    ).toBe(404);
    expect(await status(classmate, `/api/classroom/attempts/${ids.attemptId}/submit`, { method: "POST" })).toBe(404);
    expect(
      JSON.stringify(
        await row(`SELECT string_agg(CAST(choice AS TEXT) || revision, ',') AS c FROM "QuizAnswer" WHERE "attemptId" = ?`, ids.attemptId),
      ),
    ).toBe(answersBefore);
    expect(await status(classmate, `/teach/quizzes/${ids.quizId}/results`)).toBe(404);
  });

  it("another instructor cannot see the class, its quiz, results or CSV", async () => {
    for (const path of [
      `/teach/classes/${ids.classId}`,
      `/teach/quizzes/${ids.quizId}`,
      `/teach/quizzes/${ids.quizId}/results`,
      `/teach/quizzes/${ids.quizId}/results/export`,
    ]) {
      expect(await status(otherTeacher, path), path).toBe(404);
    }
    expect(await status(otherTeacher, `/teach/classes/${ids.otherClassId}`)).toBe(200);
  });

  it("another instructor's forged forms change nothing in the browser", async () => {
    const members = () => countRows(`SELECT COUNT(*) AS n FROM "ClassMember" WHERE "classroomId" = ?`, ids.classId);
    const quizzes = () => countRows(`SELECT COUNT(*) AS n FROM "Quiz" WHERE "classroomId" = ?`, ids.classId);
    const questions = async () =>
      JSON.stringify(
        await row(`SELECT string_agg(id || ':' || position || ':' || points, ',') AS q FROM "QuizQuestion" WHERE "quizId" = ?`, ids.quizId),
      );
    const before = { members: await members(), quizzes: await quizzes(), questions: await questions() };
    const learnerId = (await row<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, LEARNER))!.id;

    // The outsider joins the other instructor's class, so that page has a "Remove" form to forge.
    const outsiderPage = await signedIn(OUTSIDER);
    const otherCode = (await row<{ joinCode: string }>(`SELECT "joinCode" FROM "Classroom" WHERE id = ?`, ids.otherClassId))!.joinCode;
    await outsiderPage.goto(`/join/${otherCode}`);
    await outsiderPage.getByRole("button", { name: "Join class" }).click();
    await outsiderPage.waitForURL(`${baseUrl}/classes/${ids.otherClassId}`);
    await outsiderPage.context().close();

    const page = await signedIn(OTHER_TEACHER);
    // A refused server action calls notFound(); Next.js answers the action's POST with its not-found
    // fallback (status 200, the digest in the body). What matters is checked below: no row changes.
    const refusedPost = () =>
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(`${baseUrl}/teach/`)).then((r) => r.status());
    const forge = (fields: Record<string, string>) =>
      page.evaluate((values) => {
        for (const [name, value] of Object.entries(values)) {
          document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`).forEach((input) => (input.value = value));
        }
      }, fields);

    await page.goto(`/teach/classes/${ids.otherClassId}`);
    await forge({ classId: ids.classId, learnerId });
    let refused = refusedPost();
    await page.getByRole("button", { name: `Remove ${OUTSIDER}` }).click();
    expect(await refused).toBeLessThan(500);
    expect(await members()).toBe(before.members);

    await page.goto(`/teach/classes/${ids.otherClassId}`);
    await forge({ classId: ids.classId });
    await page.getByLabel("New quiz title").fill("Hijacked");
    refused = refusedPost();
    await page.getByRole("button", { name: "Create quiz" }).click();
    expect(await refused).toBeLessThan(500);
    expect(await quizzes()).toBe(before.quizzes);

    // A quiz of their own with one question, whose edit forms are then pointed at the first quiz.
    await page.goto(`/teach/classes/${ids.otherClassId}`);
    await page.getByLabel("New quiz title").fill("Mine");
    await page.getByRole("button", { name: "Create quiz" }).click();
    await page.waitForURL(/\/teach\/quizzes\/[^/]+$/);
    const ownQuiz = page.url().split("/").pop()!;
    await page.getByLabel("Scenario (YAML or JSON)").fill(SCENARIO);
    await page.getByTestId("scenario-preview").waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Add scenario to quiz" }).click();
    await waitUntil(
      async () => (await countRows(`SELECT COUNT(*) AS n FROM "QuizQuestion" WHERE "quizId" = ?`, ownQuiz)) === 3,
      () => "own question not added",
    );
    await page.reload();
    const target = (await row<{ id: string }>(`SELECT id FROM "QuizQuestion" WHERE "quizId" = ? ORDER BY position LIMIT 1`, ids.quizId))!
      .id;
    await forge({ quizId: ids.quizId, questionId: target });
    refused = refusedPost();
    await page.getByRole("button", { name: "Remove", exact: true }).first().click();
    expect(await refused).toBeLessThan(500);
    expect(await questions()).toBe(before.questions);
    await page.context().close();
  });
});
