// Statistics, settings and export end to end: a learner reviews a few cards, sees the
// charts (also at 375 px), changes a setting, downloads the CSV, and has a malformed backup refused
// with the JSON path of the problem; another learner's export holds none of it.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { countRows, readRow } from "./support/database.ts";
import { signUp, waitUntil } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");
const DECK = "Directory Services"; // a starter deck of three cards
const EMAIL = "stats-learner@example.com";
const CSV_HEADER = "card_id,review_time,review_rating,review_state,review_duration";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const logsOf = (email: string) =>
  countRows(`SELECT COUNT(*) AS n FROM "ReviewLog" WHERE "userId" = (SELECT id FROM "User" WHERE email = ?)`, email);

async function storedSettings(email: string): Promise<Record<string, unknown>> {
  const row = (await readRow<{ schedulerSettings: string }>(
    `SELECT CAST("schedulerSettings" AS TEXT) AS "schedulerSettings" FROM "User" WHERE email = ?`,
    email,
  ))!;
  return JSON.parse(row.schedulerSettings) as Record<string, unknown>;
}

/** Grades every card of the starter deck Good with the keyboard until the session is done. */
async function reviewDeck(page: Page, email: string): Promise<number> {
  await page.goto("/decks");
  await page.getByRole("link", { name: `Study ${DECK}` }).click();
  await page.waitForURL(/\/review\?deck=/);
  let grades = 0;
  for (;;) {
    const done = page.getByTestId("review-done");
    const card = page.getByTestId("review-card");
    await Promise.race([done.waitFor(), card.waitFor()]);
    if (await done.isVisible()) return grades;
    expect(grades).toBeLessThan(12);
    await page.keyboard.press("Space");
    await page.getByTestId("back").waitFor();
    await page.keyboard.press("3");
    await page.getByTestId("back").waitFor({ state: "detached" });
    grades += 1;
    await waitUntil(
      async () => (await logsOf(email)) === grades,
      async () => `${await logsOf(email)} log rows after ${grades} grades`,
    );
  }
}

/** Set STATS_SCREENSHOTS to a folder to keep pictures of the pages for a person to look at. */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.STATS_SCREENSHOTS;
  if (!folder) return;
  await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${folder}/${name}-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
}

describe("statistics, settings and export", () => {
  let page: Page;
  let reviews = 0;

  beforeAll(async () => {
    ({ page } = await newPage(browser, baseUrl, "desktop"));
    await signUp(page, EMAIL);
    await page.waitForURL(`${baseUrl}/decks`);
    reviews = await reviewDeck(page, EMAIL);
  });

  it("shows the charts, with their data for screen readers, at desktop and phone widths", async () => {
    expect(reviews).toBeGreaterThanOrEqual(3);
    await page.getByRole("link", { name: "Stats" }).click();
    await page.waitForURL(`${baseUrl}/stats`);
    for (const name of [
      "Due forecast, next 30 days",
      "Reviews per day over the past year",
      "Cards by state",
      "True retention by week",
      "True retention by month",
    ]) {
      await expect(page.getByRole("img", { name }).count(), name).resolves.toBe(1);
    }
    // Every grade was given today, so the heatmap's last day holds all of them.
    await expect(page.getByTestId("chart-heatmap").getByText(`Reviews ${reviews}`, { exact: true }).count()).resolves.toBe(1);
    // The three cards were learned: the hidden table of the state chart says so.
    const stateTable = page.getByRole("table", { name: "Cards in each state" });
    await expect(stateTable.getByRole("row", { name: /^Review 3 / }).count()).resolves.toBe(1);
    // The forecast's table lists 30 days, and the three learned cards fall due within them.
    const forecastRows = page.getByRole("table", { name: /Cards due per day/ }).getByRole("row");
    await expect(forecastRows.count()).resolves.toBe(31);

    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await expect(page.getByRole("img", { name: "Reviews per day over the past year" }).count()).resolves.toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.getByRole("img", { name: "Due forecast, next 30 days" }).boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    await screenshot(page, "stats-375");
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, "stats-desktop");
  });

  it("saves a valid setting and refuses an invalid one field by field, writing nothing", async () => {
    await page.goto("/settings");
    const retention = page.getByLabel("Desired retention");
    await retention.fill("0.85");
    await page.getByLabel("New cards per day").fill("15");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();
    expect(await storedSettings(EMAIL)).toMatchObject({ desiredRetention: 0.85, newPerDay: 15, fuzz: true });

    await retention.fill("1.5");
    await page.getByLabel("Learning steps", { exact: true }).fill("1m 5x");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("must be between 0.70 and 0.99").waitFor();
    await page.getByText(/^Step 2: must be a whole number followed by m, h or d/).waitFor();
    await expect(retention.getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await storedSettings(EMAIL)).toMatchObject({ desiredRetention: 0.85, newPerDay: 15, learningSteps: ["1m", "10m"] });
    await page.setViewportSize({ width: 375, height: 812 });
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, "settings-375");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("gives one deck its own new-card limit", async () => {
    const deck = (await readRow<{ id: string }>(`SELECT id FROM "Deck" WHERE name = ? AND scope = 'starter'`, DECK))!;
    await page.goto("/settings");
    await page.getByLabel("Deck", { exact: true }).selectOption(deck.id);
    await page.locator("#deck-newPerDay").fill("5");
    await page.getByRole("button", { name: "Save deck settings" }).click();
    await page.getByText("Deck settings saved.").waitFor();
    expect(await storedSettings(EMAIL)).toMatchObject({ newPerDay: 15, decks: { [deck.id]: { newPerDay: 5 } } });
  });

  it("says how many more reviews the optimizer needs", async () => {
    await page.goto("/settings");
    await page.getByRole("button", { name: "Optimize my parameters" }).click();
    await page
      .getByTestId("optimize-status")
      .getByText(/\d+ more reviews on a later day/)
      .waitFor();
    expect((await storedSettings(EMAIL)).parameters).toBeUndefined();
  });

  it("downloads the reviews as CSV in the optimizer's columns, one row per grade", async () => {
    await page.goto("/settings");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download reviews (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^iam-recall-reviews-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await download.path(), "utf8")
      .trimEnd()
      .split("\n");
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(reviews + 1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^[a-z0-9-]+,\d{13},3,[0-2],\d+$/);
  });

  it("refuses a malformed backup with the JSON path of the problem and changes nothing", async () => {
    await page.goto("/settings");
    const malformed = {
      format: "iam-recall-backup",
      version: 1,
      exportedAt: "2026-01-01T00:00:00.000Z",
      settings: {},
      cardStates: {},
      reviewLogs: [{ cardKey: "x", rating: 7 }],
    };
    await page
      .getByLabel("Backup file")
      .setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(malformed)) });
    await page.getByRole("button", { name: "Restore backup" }).click();
    const alert = page.getByTestId("restore-status").getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("reviewLogs[0].rating: must be 1 (Again) to 4 (Easy)");
    expect(await logsOf(EMAIL)).toBe(reviews);

    await page
      .getByLabel("Backup file")
      .setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
    await page.getByRole("button", { name: "Restore backup" }).click();
    await page
      .getByTestId("restore-status")
      .getByText(/not JSON/)
      .waitFor();
    expect(await logsOf(EMAIL)).toBe(reviews);
  });

  it("gives another learner none of this learner's reviews, and a visitor nothing", async () => {
    const other = await newPage(browser, baseUrl, "desktop");
    await signUp(other.page, "stats-outsider@example.com");
    await other.page.waitForURL(`${baseUrl}/decks`);
    const csv = await other.page.request.get("/api/export/reviews");
    expect(await csv.text()).toBe(`${CSV_HEADER}\n`);
    const backup = (await (await other.page.request.get("/api/export/backup")).json()) as { cardStates: object; reviewLogs: unknown[] };
    expect(backup.reviewLogs).toEqual([]);
    expect(backup.cardStates).toEqual({});
    await other.context.close();

    const visitor = await fetch(`${baseUrl}/api/export/reviews`, { redirect: "manual" });
    expect([302, 303, 307, 401]).toContain(visitor.status);
    expect(await visitor.text()).not.toContain(CSV_HEADER);
  });
});
