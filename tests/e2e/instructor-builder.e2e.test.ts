// Issue 14, the instructor's part: the admin's role select keeps the saved role and says so; the quiz
// builder lists each scenario once in words and refuses it twice; the scenario editor has its guide
// and examples, and a problem replaces an earlier "Added"; settings say they were saved. The learner
// lands on the score, reads options lettered A, B, C in order and rendered Markdown; results, the
// admin table and the learner's results fit 375 px; the CSV names options by their text.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { countRows, readRow, readRows, type SqlValue } from "./support/database.ts";
import { signInOverHttp } from "./support/http-session.ts";
import { PASSWORD, signIn, signUp, waitUntil } from "./support/accounts.ts";
import { plainText } from "@/lib/classroom/index.ts";

const baseUrl = inject("baseUrl");

const TEACHER = "builder-teacher@classroom.example";
const LEARNER = "builder-learner@classroom.example";

let browser: Browser;
let adminEmail = "";
const ids = { classId: "", quizId: "", joinCode: "", attemptId: "" };
const row = <T>(sql: string, ...params: SqlValue[]) => readRow<T>(sql, ...params);
const questionCount = () => countRows(`SELECT COUNT(*) AS n FROM "QuizQuestion" WHERE "quizId" = ?`, ids.quizId);

async function signedIn(email: string, viewport: "desktop" | "phone" = "desktop"): Promise<Page> {
  const { page } = await newPage(browser, baseUrl, viewport);
  await page.goto("/signin");
  await signIn(page, email, PASSWORD);
  await page.waitForURL(`${baseUrl}/decks`);
  return page;
}

/** At 375 px the page itself never scrolls sideways (a table may, inside its own box). */
const fitsPhone = (page: Page) => page.evaluate(() => window.innerWidth === 375 && document.documentElement.scrollWidth <= 375);

beforeAll(async () => {
  browser = await launchBrowser();
  const accounts = [TEACHER, LEARNER];
  if ((await countRows(`SELECT COUNT(*) AS n FROM "User"`)) === 0) accounts.unshift("builder-admin@classroom.example");
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

describe("the instructor's builder does not fight back", () => {
  it("the admin's role select shows the saved role after saving, with a confirmation, and fits a phone", async () => {
    const page = await signedIn(adminEmail);
    await page.goto("/admin/users");
    const select = page.getByLabel(`Role of ${TEACHER}`, { exact: true });
    await select.selectOption("instructor");
    await page.getByRole("button", { name: `Save role of ${TEACHER}` }).click();
    const status = page.getByTestId("user-row").filter({ hasText: TEACHER }).getByTestId("role-status");
    await status.filter({ hasText: "Saved: instructor." }).waitFor();
    expect(await select.inputValue()).toBe("instructor");
    expect((await row<{ role: string }>(`SELECT role FROM "User" WHERE email = ?`, TEACHER))?.role).toBe("instructor");
    await page.reload();
    expect(await page.getByLabel(`Role of ${TEACHER}`, { exact: true }).inputValue()).toBe("instructor");
    await page.context().close();

    const phone = await signedIn(adminEmail, "phone");
    await phone.goto("/admin/users");
    await phone.getByTestId("user-row").first().waitFor();
    expect(await fitsPhone(phone)).toBe(true);
    await phone.context().close();
  });

  it("the picker shows one row per scenario, its questions in words, never YAML, and refuses a scenario twice", async () => {
    const page = await signedIn(TEACHER);
    await page.goto("/teach");
    await page.getByLabel("Class name").fill("Builder class");
    await page.getByRole("button", { name: "Create class" }).click();
    await page.waitForURL(/\/teach\/classes\/[^/]+$/);
    ids.classId = page.url().split("/").pop()!;
    ids.joinCode = (await page.getByTestId("join-code").textContent())!.replace("-", "");
    await page.getByLabel("New quiz title").fill("Builder quiz");
    await page.getByRole("button", { name: "Create quiz" }).click();
    await page.waitForURL(/\/teach\/quizzes\/[^/]+$/);
    ids.quizId = page.url().split("/").pop()!;

    const deck = (await row<{ deckId: string }>(
      `SELECT "deckId" FROM "Card" WHERE scope = 'starter' AND kind = 'scenario' GROUP BY "deckId" ORDER BY COUNT(*) DESC LIMIT 1`,
    ))!;
    const scenarios = await readRows<{ questions: number }>(
      `SELECT COUNT(*) AS questions FROM "Card" WHERE "deckId" = ? AND kind = 'scenario' AND NOT suspended GROUP BY front ORDER BY MIN("sourceFile"), MIN("sourceLine")`,
      deck.deckId,
    );
    await page.getByLabel("Deck").selectOption(deck.deckId);
    await page.getByRole("button", { name: "Show cards" }).click();
    await page.waitForURL(/deck=/);
    const rows = page.getByTestId("picker-scenario");
    await expect(rows.count()).resolves.toBe(scenarios.length);
    const listed = await page.locator(".picker").textContent();
    expect(listed).not.toMatch(/trustPolicy|Statement:|Version:|\{\{/);
    // Each row: a title and as many sentences as the scenario has questions.
    const first = rows.first();
    const sentences = await first.locator(".picker-questions li").allTextContents();
    const perRow = await Promise.all((await rows.all()).map((r) => r.locator(".picker-questions li").count()));
    expect(perRow.reduce((a, b) => a + b, 0)).toBe(scenarios.reduce((a, s) => a + s.questions, 0));
    expect(sentences.every((s) => s.endsWith("?"))).toBe(true);

    await first.getByRole("button", { name: /^Add scenario/ }).click();
    await first.getByText("Added to the quiz.").or(first.getByText("Already in this quiz.")).first().waitFor();
    await waitUntil(
      async () => (await questionCount()) > 0,
      () => "scenario not added",
    );
    const added = await questionCount();
    await first.getByText("Already in this quiz.").waitFor();

    // The same scenario through the editor: refused, with the reason in place of any success.
    const source = (await row<{ scenarioSource: string }>(
      `SELECT "scenarioSource" FROM "QuizQuestion" WHERE "quizId" = ? LIMIT 1`,
      ids.quizId,
    ))!.scenarioSource;
    await page.getByLabel("Scenario (YAML or JSON)").fill(source);
    // The editor starts with the guide's first example; wait for the check of the text just typed.
    await page.getByTestId("scenario-preview").filter({ hasNotText: "Can the role read the bucket?" }).waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Add scenario to quiz" }).click();
    await page
      .getByTestId("scenario-outcome")
      .filter({ hasText: /already in the quiz/ })
      .waitFor();
    expect(await questionCount()).toBe(added);

    // The question list shows each question's own sentence, rendered, not the world above it.
    await page.reload();
    const texts = await page.getByTestId("question-text").allTextContents();
    expect(texts).toHaveLength(added);
    expect(texts.join("\n")).not.toMatch(/\*\*|`|Account \d/);
    // Each row is its question's own sentence (numbered, perhaps shortened), taken from the stored prompt.
    const prompts = await readRows<{ prompt: string }>(
      `SELECT prompt FROM "QuizQuestion" WHERE "quizId" = ? ORDER BY position`,
      ids.quizId,
    );
    const words = (text: string) => text.replace(/\s+/g, " ").trim();
    texts.forEach((text, i) => {
      const sentence = words(text.replace(/^\d+\.\s*/, "").replace(/…$/, ""));
      expect(sentence.length, JSON.stringify(texts)).toBeGreaterThan(10);
      expect(words(plainText(prompts[i]!.prompt))).toContain(sentence.slice(0, 40));
    });
    await page.context().close();
  });

  it("the editor has a guide with examples that load and add, and a problem replaces an earlier Added", async () => {
    const page = await signedIn(TEACHER);
    await page.goto(`/teach/quizzes/${ids.quizId}`);
    expect(await page.content()).not.toContain("docs/scenarios.md");
    await page.getByText("How to write a scenario").click();
    const guide = page.getByTestId("scenario-guide");
    await expect(guide.textContent()).resolves.toMatch(/decidingPolicy.*whichCall/s);
    const before = await questionCount();
    await guide.getByRole("button", { name: /An explicit Deny wins/ }).click();
    await expect(page.getByLabel("Scenario (YAML or JSON)").inputValue()).resolves.toContain("NoDeletes");
    await page
      .getByTestId("scenario-preview")
      .filter({ hasText: /3 questions with options/ })
      .waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Add scenario to quiz" }).click();
    const outcome = page.getByTestId("scenario-outcome");
    await outcome.filter({ hasText: /^Added to the quiz/ }).waitFor();
    await waitUntil(
      async () => (await questionCount()) === before + 3,
      () => "example not added",
    );

    await page.getByLabel("Scenario (YAML or JSON)").fill("title: half\ndeck: [x]\naccounts: 3\n");
    await page.getByTestId("scenario-error").waitFor({ timeout: 15_000 });
    await expect(outcome.textContent()).resolves.toBe("");
    expect(await page.getByText(/Added to the quiz/).count()).toBe(0);
    await page.context().close();
  });

  it("saving the settings says so", async () => {
    const page = await signedIn(TEACHER);
    await page.goto(`/teach/quizzes/${ids.quizId}`);
    await page.getByLabel(/Shuffle questions/).check();
    await page.getByLabel(/Learners see their score/).check();
    await page.getByLabel(/Published/).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByTestId("settings-status").filter({ hasText: "Settings saved; the quiz is published." }).waitFor();
    expect(
      await row<{ published: number; shuffle: number }>(
        `SELECT CASE WHEN published THEN 1 ELSE 0 END AS published, CASE WHEN shuffle THEN 1 ELSE 0 END AS shuffle FROM "Quiz" WHERE id = ?`,
        ids.quizId,
      ),
    ).toEqual({
      published: 1,
      shuffle: 1,
    });
    await page.context().close();
  });

  it("the learner reads options A, B, C in order, lands on the score, and reads rendered results at 375 px", async () => {
    const page = await signedIn(LEARNER, "phone");
    await page.goto(`/join/${ids.joinCode}`);
    await page.getByRole("button", { name: "Join class" }).tap();
    await page.waitForURL(`${baseUrl}/classes/${ids.classId}`);
    await page.goto(`/quizzes/${ids.quizId}`);
    await page.getByRole("button", { name: "Start quiz" }).tap();
    const questions = page.getByTestId("take-question");
    await questions.first().waitFor();
    const total = await questions.count();
    for (let i = 0; i < total; i++) {
      const letters = await questions.nth(i).locator(".option-letter").allTextContents();
      expect(letters).toEqual(letters.map((_, k) => `${String.fromCharCode(65 + k)}.`));
    }
    ids.attemptId = (await row<{ id: string }>(
      `SELECT a.id FROM "QuizAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email = ?`,
      LEARNER,
    ))!.id;
    for (let i = 0; i < total; i++) await questions.nth(i).locator("input").first().tap();
    await waitUntil(
      async () => (await countRows(`SELECT COUNT(*) AS n FROM "QuizAnswer" WHERE "attemptId" = ?`, ids.attemptId)) === total,
      () => "answers not saved",
    );
    await page.getByRole("button", { name: "Submit answers" }).tap();
    await page.getByRole("button", { name: "Submit now" }).tap();
    await page.getByTestId("quiz-score").waitFor();
    // Landed on the score: it has focus and is on screen, not far above a page scrolled to its foot.
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "quiz-landing");
    const top = await page.getByTestId("quiz-score").evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(812);

    const reviewed = page.getByTestId("reviewed-question");
    await expect(reviewed.count()).resolves.toBe(total);
    for (let i = 0; i < total; i++) {
      const letters = await reviewed.nth(i).locator(".option-letter").allTextContents();
      expect(letters).toEqual(letters.map((_, k) => `${String.fromCharCode(65 + k)}.`));
    }
    const text = (await page.locator(".quiz-questions").textContent()) ?? "";
    expect(text).not.toMatch(/\*\*|```|Correct options?: \(/);
    expect(await page.locator(".quiz-questions pre").count()).toBeGreaterThan(0);
    expect(await fitsPhone(page)).toBe(true);
    await page.context().close();
  });

  it("the results fit 375 px, render Markdown, scroll their tables inside a focusable box; the CSV names options by text", async () => {
    const page = await signedIn(TEACHER, "phone");
    await page.goto(`/teach/quizzes/${ids.quizId}/results`);
    await page.getByTestId("question-result").first().waitFor();
    expect(await fitsPhone(page)).toBe(true);
    expect(await page.locator('.table-wrap[role="region"][tabindex="0"]').count()).toBe(2);
    const cells = (await page.getByTestId("question-result").allTextContents()).join("\n");
    expect(cells).not.toMatch(/\*\*|`/);
    await page.context().close();

    const cookie = await signInOverHttp(baseUrl, TEACHER, PASSWORD);
    const csv = await (await fetch(`${baseUrl}/teach/quizzes/${ids.quizId}/results/export`, { headers: { cookie } })).text();
    const paper = JSON.parse(
      (await row<{ paper: string }>(`SELECT CAST(paper AS TEXT) AS paper FROM "QuizAttempt" WHERE id = ?`, ids.attemptId))!.paper,
    ) as {
      questions: Array<{ questionId: string; options: Array<{ id: string; text: string }> }>;
    };
    const learnerLine = csv.split("\r\n").find((l) => l.includes(LEARNER))!;
    // Named in the instructor's reference wording (a template learner's own names aside), by the option chosen.
    for (const q of paper.questions) {
      const reference = JSON.parse(
        (await row<{ options: string }>(`SELECT CAST(options AS TEXT) AS options FROM "QuizQuestion" WHERE id = ?`, q.questionId))!.options,
      ) as Array<{
        id: string;
        text: string;
      }>;
      const chosen = reference.find((o) => o.id === q.options[0]!.id)!;
      expect(learnerLine).toContain(plainText(chosen.text).replace(/"/g, '""'));
    }
    const cellsOfLine = learnerLine.split(",");
    expect(cellsOfLine.some((c) => /^[a-f](\+[a-f])*$/.test(c))).toBe(false);
  });
});
