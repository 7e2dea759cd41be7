// Issue 14, measured: axe (axe-core's default rules, WCAG 2.x A/AA and best practices) finds
// nothing on any page, signed out and in as each role, at 1280 px and 375 px; and at 375 px no page
// is wider than the screen. The review screen is checked by its own suite. Every page of app/ is
// here: signed out /, /signin, /signup and a 404; a learner's decks, deck, its delete step, import
// with a preview shown, stats, settings, playground, a card and its edit form, classes, a class, the
// join page, a quiz being taken and its results; an instructor's teach, class, quiz builder and
// results; an admin's users.
import { AxeBuilder } from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, VIEWPORTS } from "./support/browser.ts";
import { countRows, e2eEngine, readRow, type SqlValue } from "./support/database.ts";
import { PASSWORD, signIn, signUp, waitUntil } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");

// axe reads every node of a page twice per page; on a busy machine a group of pages takes minutes.
const GROUP_TIMEOUT_MS = 900_000;

const TEACHER = "axe-teacher@a11y.example";
const LEARNER = "axe-learner@a11y.example";

// A note with a code block, so the card and deck pages show highlighted code.
const NOTE = [
  "# Axe deck",
  "",
  "- Which statement lets the role read the bucket? #card",
  "\t- This one:",
  "\t  ```json",
  '\t  { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::a-bucket-with-a-rather-long-name-for-a-phone/*" }',
  "\t  ```",
  "- What does sts:AssumeRole return? #card\n\t- Temporary credentials",
  "",
].join("\n");

let browser: Browser;
let adminEmail = "";
const ids = { classId: "", quizId: "", joinCode: "", deckId: "", starterDeckId: "", cardId: "", starterCardId: "" };
const row = <T>(sql: string, ...params: SqlValue[]) => readRow<T>(sql, ...params);

interface Finding {
  where: string;
  what: string;
}

// axe judges the markup, which is the same build and the same data on either engine, and it is
// most of this file's time. So the SQLite run checks every page with axe, and the PostgreSQL run
// (run beside it) visits every page at both widths, checking that each renders and fits, without
// axe again. E2E_AXE=1 runs axe on PostgreSQL too.
const RUN_AXE = e2eEngine === "sqlite" || process.env.E2E_AXE === "1";

/** axe's violations on the page as it is now, one line each: rule, impact, the elements it names. */
async function axeFindings(page: Page, where: string): Promise<Finding[]> {
  // Either way, a page that failed to render (the error boundary) is a finding.
  const broken = await page.getByRole("heading", { name: "Something went wrong" }).count();
  if (broken) return [{ where, what: "the page shows the error boundary: Something went wrong" }];
  if (!RUN_AXE) return [];
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => ({
    where,
    what: `${v.id} (${v.impact}): ${v.help}; ${v.nodes
      .slice(0, 3)
      .map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`)
      .join(" | ")}`,
  }));
  // Said as found too, so a run cut short still tells what it saw.
  for (const f of found) console.log(`axe: ${f.where}: ${f.what}`);
  return found;
}

/**
 * Checks the page now open at both widths: axe at 1280 px, then axe and the page's width at 375 px.
 * The page is reloaded at 375 px so what the server or the first render chose by width is fresh.
 */
async function checkBothWidths(page: Page, label: string, reload = true): Promise<Finding[]> {
  await page.setViewportSize(VIEWPORTS.desktop);
  const found = await axeFindings(page, `${label} at 1280 px`);
  await page.setViewportSize(VIEWPORTS.phone);
  if (reload) await page.reload();
  found.push(...(await axeFindings(page, `${label} at 375 px`)));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > VIEWPORTS.phone.width) {
    found.push({ where: `${label} at 375 px`, what: `the page is ${width} px wide` });
    console.log(`width: ${label}: ${width} px`);
  }
  return found;
}

async function visitAll(page: Page, paths: readonly string[]): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const path of paths) {
    await page.setViewportSize(VIEWPORTS.desktop);
    const response = await page.goto(path);
    if (!path.includes("no-such") && response && response.status() >= 400) {
      found.push({ where: path, what: `answered ${response.status()}` });
      continue;
    }
    found.push(...(await checkBothWidths(page, path)));
  }
  return found;
}

const report = (found: Finding[]) => found.map((f) => `${f.where}: ${f.what}`);

async function signedIn(email: string): Promise<Page> {
  const { page } = await newPage(browser, baseUrl, "desktop");
  await page.goto("/signin");
  await signIn(page, email, PASSWORD);
  await page.waitForURL(`${baseUrl}/decks`);
  return page;
}

async function showImportPreview(page: Page): Promise<void> {
  await page.goto("/import");
  await page.getByTestId("import-files").setInputFiles([{ name: "axe.md", mimeType: "text/markdown", buffer: Buffer.from(NOTE) }]);
  await page.getByTestId("picked").waitFor();
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("heading", { name: "Preview" }).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  const accounts = [TEACHER, LEARNER];
  if ((await countRows(`SELECT COUNT(*) AS n FROM "User"`)) === 0) accounts.unshift("axe-admin@a11y.example");
  for (const email of accounts) {
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await signUp(page, email, PASSWORD, email.split("@")[0]);
    await page.waitForURL(`${baseUrl}/decks`);
    await context.close();
  }
  adminEmail = (await row<{ email: string }>(`SELECT email FROM "User" WHERE role = 'admin' ORDER BY "createdAt" LIMIT 1`))!.email;

  // The admin makes the teacher an instructor.
  const admin = await signedIn(adminEmail);
  await admin.goto("/admin/users");
  await admin.getByLabel(`Role of ${TEACHER}`, { exact: true }).selectOption("instructor");
  await admin.getByRole("button", { name: `Save role of ${TEACHER}` }).click();
  await waitUntil(
    async () => (await row<{ role: string }>(`SELECT role FROM "User" WHERE email = ?`, TEACHER))?.role === "instructor",
    () => "the teacher is no instructor",
  );
  await admin.context().close();

  // The teacher makes a class and a published quiz of one starter scenario.
  const teacher = await signedIn(TEACHER);
  await teacher.goto("/teach");
  await teacher.getByLabel("Class name").fill("Axe class");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await teacher.waitForURL(/\/teach\/classes\/[^/]+$/);
  ids.classId = teacher.url().split("/").pop()!;
  ids.joinCode = (await teacher.getByTestId("join-code").textContent())!.replace("-", "");
  await teacher.getByLabel("New quiz title").fill("Axe quiz");
  await teacher.getByRole("button", { name: "Create quiz" }).click();
  await teacher.waitForURL(/\/teach\/quizzes\/[^/]+$/);
  ids.quizId = teacher.url().split("/").pop()!;
  const scenarioDeck = (await row<{ deckId: string }>(
    `SELECT "deckId" FROM "Card" WHERE scope = 'starter' AND kind = 'scenario' GROUP BY "deckId" ORDER BY COUNT(*) DESC LIMIT 1`,
  ))!;
  await teacher.getByLabel("Deck").selectOption(scenarioDeck.deckId);
  await teacher.getByRole("button", { name: "Show cards" }).click();
  await teacher.waitForURL(/deck=/);
  await teacher
    .getByTestId("picker-scenario")
    .first()
    .getByRole("button", { name: /^Add scenario/ })
    .click();
  await waitUntil(
    async () => (await countRows(`SELECT COUNT(*) AS n FROM "QuizQuestion" WHERE "quizId" = ?`, ids.quizId)) > 0,
    () => "no question added",
  );
  await teacher.getByLabel(/Learners see their score/).check();
  await teacher.getByLabel(/Published/).check();
  await teacher.getByRole("button", { name: "Save settings" }).click();
  await teacher
    .getByTestId("settings-status")
    .filter({ hasText: /Settings saved/ })
    .waitFor();
  await teacher.context().close();

  // The learner imports a note of their own.
  const learner = await signedIn(LEARNER);
  await showImportPreview(learner);
  await learner.getByRole("button", { name: /^Import 2 cards/ }).click();
  await learner.getByRole("heading", { name: "Imported" }).waitFor();
  await learner.context().close();
  const own = (await row<{ id: string; deckId: string }>(
    `SELECT c.id, c."deckId" FROM "Card" c JOIN "User" u ON c.scope = u.id WHERE u.email = ? ORDER BY c."sourceLine" LIMIT 1`,
    LEARNER,
  ))!;
  const starter = (await row<{ id: string; deckId: string }>(
    `SELECT id, "deckId" FROM "Card" WHERE scope = 'starter' AND kind = 'scenario' LIMIT 1`,
  ))!;
  Object.assign(ids, { cardId: own.id, deckId: own.deckId, starterCardId: starter.id, starterDeckId: starter.deckId });
}, GROUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
});

describe("every page passes axe and fits 375 px", () => {
  it(
    "signed out: home, sign in, sign up and a page that does not exist",
    async () => {
      const { context, page } = await newPage(browser, baseUrl, "desktop");
      // A visitor's unknown address leads to sign in; the learner's list below has the 404 page.
      const found = await visitAll(page, ["/", "/signin", "/signup", "/no-such-page"]);
      await context.close();
      expect(report(found)).toEqual([]);
    },
    GROUP_TIMEOUT_MS,
  );

  it(
    "a learner's pages, with the import preview shown",
    async () => {
      const page = await signedIn(LEARNER);
      const found = await visitAll(page, [
        "/decks",
        `/decks/${ids.deckId}`,
        `/decks/${ids.starterDeckId}`,
        `/decks/${ids.deckId}/delete`,
        "/stats",
        "/settings",
        "/playground",
        `/cards/${ids.cardId}`,
        `/cards/${ids.starterCardId}`,
        `/cards/${ids.cardId}/edit`,
        `/join/${ids.joinCode}`,
        "/decks/no-such-deck",
      ]);
      await expect(page.getByRole("heading", { name: "Not found" }).count()).resolves.toBe(1);
      await page.setViewportSize(VIEWPORTS.desktop);
      await page.goto("/import");
      found.push(...(await checkBothWidths(page, "/import (empty)")));
      await page.setViewportSize(VIEWPORTS.desktop);
      await showImportPreview(page);
      // A reload would drop the preview: the width changes under it instead.
      found.push(...(await checkBothWidths(page, "/import with a preview", false)));
      await page.context().close();
      expect(report(found)).toEqual([]);
    },
    GROUP_TIMEOUT_MS,
  );

  it(
    "a learner joins a class, takes the quiz and reads the results",
    async () => {
      const page = await signedIn(LEARNER);
      await page.goto(`/join/${ids.joinCode}`);
      await page.getByRole("button", { name: "Join class" }).click();
      await page.waitForURL(`${baseUrl}/classes/${ids.classId}`);
      const found = await visitAll(page, ["/classes", `/classes/${ids.classId}`, `/quizzes/${ids.quizId}`]);
      await page.setViewportSize(VIEWPORTS.desktop);
      await page.getByRole("button", { name: "Start quiz" }).click();
      const questions = page.getByTestId("take-question");
      await questions.first().waitFor();
      found.push(...(await checkBothWidths(page, "a quiz being taken", false)));
      const total = await questions.count();
      for (let i = 0; i < total; i++) await questions.nth(i).locator("input").first().check();
      const attemptId = (await row<{ id: string }>(
        `SELECT a.id FROM "QuizAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email = ? AND a."quizId" = ?`,
        LEARNER,
        ids.quizId,
      ))!.id;
      await waitUntil(
        async () => (await countRows(`SELECT COUNT(*) AS n FROM "QuizAnswer" WHERE "attemptId" = ?`, attemptId)) === total,
        () => "answers not saved",
      );
      await page.getByRole("button", { name: "Submit answers" }).click();
      await page.getByRole("button", { name: "Submit now" }).click();
      await page.getByTestId("quiz-score").waitFor();
      found.push(...(await checkBothWidths(page, "a quiz's results for the learner")));
      await page.context().close();
      expect(report(found)).toEqual([]);
    },
    GROUP_TIMEOUT_MS,
  );

  it(
    "an instructor's teach, class, quiz builder and results pages",
    async () => {
      const page = await signedIn(TEACHER);
      const found = await visitAll(page, [
        "/teach",
        `/teach/classes/${ids.classId}`,
        `/teach/quizzes/${ids.quizId}`,
        `/teach/quizzes/${ids.quizId}?deck=${ids.starterDeckId}`,
        `/teach/quizzes/${ids.quizId}/results`,
      ]);
      await page.context().close();
      expect(report(found)).toEqual([]);
    },
    GROUP_TIMEOUT_MS,
  );

  it(
    "an admin's users page",
    async () => {
      const page = await signedIn(adminEmail);
      const found = await visitAll(page, ["/admin/users"]);
      await page.context().close();
      expect(report(found)).toEqual([]);
    },
    GROUP_TIMEOUT_MS,
  );
});

describe("the header on a phone", () => {
  it(
    "is one line, with the rest behind a menu that opens and closes",
    async () => {
      const { context, page } = await newPage(browser, baseUrl, "phone");
      await page.goto("/signin");
      await signIn(page, LEARNER, PASSWORD);
      await page.waitForURL(`${baseUrl}/decks`);
      for (const path of ["/decks", "/stats", "/playground", `/classes/${ids.classId}`]) {
        await page.goto(path);
        const height = await page.locator("header.site-header").evaluate((el) => el.getBoundingClientRect().height);
        // One row: the 44 px touch target and its padding, where three rows took 211 px.
        expect(height, path).toBeLessThanOrEqual(64);
        expect(await page.getByRole("link", { name: "Stats" }).count()).toBe(0);
      }
      await page.locator("summary", { hasText: "Menu" }).click();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stats" }).click();
      await page.waitForURL(`${baseUrl}/stats`);
      // The menu closes once the page changes, so the new page is not hidden under it.
      await page.waitForFunction(() => !document.querySelector("details.site-menu")?.hasAttribute("open"));
      expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);
      await context.close();

      const desktop = await newPage(browser, baseUrl, "desktop");
      await desktop.page.goto("/signin");
      expect(await desktop.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign up" }).isVisible()).toBe(true);
      expect(await desktop.page.locator("summary", { hasText: "Menu" }).isVisible()).toBe(false);
      await desktop.context.close();
    },
    GROUP_TIMEOUT_MS,
  );
});
