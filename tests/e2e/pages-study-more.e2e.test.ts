// "Study N more today" (issue 14): where the deck list says the daily new-card limit is reached,
// one button raises it for the rest of the learner's day; the raise is stored with the instant the
// day ends, and another learner's counts do not move.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { readRow } from "./support/database.ts";
import { signUp } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");
const EMAIL = "study-more@pages.example";
const OTHER = "study-more-other@pages.example";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const newToday = async (page: Page) => {
  const summary = (await page.getByTestId("today-summary").textContent()) ?? "";
  const match = /^Today: (\d+) new/.exec(summary);
  if (!match) throw new Error(`no count of new cards in “${summary}”`);
  return Number(match[1]);
};

describe("study more new cards today", () => {
  it("raises the day's new-card limit from the deck list, until the learner's day ends", async () => {
    const other = await newPage(browser, baseUrl, "desktop");
    await signUp(other.page, OTHER);
    await other.page.waitForURL(`${baseUrl}/decks`);
    const othersBefore = await newToday(other.page);

    const { context, page } = await newPage(browser, baseUrl, "phone");
    await signUp(page, EMAIL);
    await page.waitForURL(`${baseUrl}/decks`);
    // The starter decks hold more new cards than the default limit of 20.
    expect(await newToday(page)).toBe(20);
    const note = page.getByTestId("limit-note").first();
    await note.getByRole("button", { name: "Study 20 more today" }).click();
    await page
      .getByTestId("today-summary")
      .filter({ hasText: /^Today: 40 new/ })
      .waitFor();

    const stored = JSON.parse(
      (await readRow<{ schedulerSettings: string }>(
        `SELECT CAST("schedulerSettings" AS TEXT) AS "schedulerSettings" FROM "User" WHERE email = ?`,
        EMAIL,
      ))!.schedulerSettings,
    ) as { raisedNew?: Array<{ deckId: string | null; extra: number; until: string }> };
    expect(stored.raisedNew).toHaveLength(1);
    expect(stored.raisedNew![0]).toMatchObject({ deckId: null, extra: 20 });
    const until = Date.parse(stored.raisedNew![0]!.until);
    expect(until).toBeGreaterThan(Date.now());
    expect(until - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);

    await page.reload();
    expect(await newToday(page)).toBe(40);
    await other.page.reload();
    expect(await newToday(other.page)).toBe(othersBefore);
    await context.close();
    await other.context.close();
  });
});
