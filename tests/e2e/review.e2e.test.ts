// Daily review end to end: taps at the phone viewport, keys at the desktop viewport,
// undo, and the database holding exactly one log row per grade.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { countRows } from "./support/database.ts";
import { signUp, waitUntil } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");
const DECK = "Directory Services"; // a starter deck of three cards

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const logsOf = (email: string) =>
  countRows(`SELECT COUNT(*) AS n FROM "ReviewLog" WHERE "userId" = (SELECT id FROM "User" WHERE email = ?)`, email);

async function openDeck(page: Page): Promise<void> {
  await page.goto("/decks");
  await page.getByRole("link", { name: `Study ${DECK}` }).click();
  await page.waitForURL(/\/review\?deck=/);
}

/** After a grade or an undo the screen shows the next card face down: wait for that. */
async function settled(page: Page): Promise<void> {
  await page.getByTestId("back").waitFor({ state: "detached" });
}

async function cardShown(page: Page): Promise<string | null> {
  const done = page.getByTestId("review-done");
  const card = page.getByTestId("review-card");
  await Promise.race([done.waitFor(), card.waitFor()]);
  if (await done.isVisible()) return null;
  return card.getAttribute("data-card-id");
}

describe("reviewing a small deck to the end", () => {
  it("with taps at the phone viewport", async () => {
    const email = "phone-reviewer@example.com";
    const { context, page } = await newPage(browser, baseUrl, "phone");
    await signUp(page, email);
    await page.waitForURL(`${baseUrl}/decks`);
    await openDeck(page);

    let grades = 0;
    for (let id = await cardShown(page); id !== null; id = await cardShown(page)) {
      expect(grades).toBeLessThan(12); // three new cards, two steps each, and nothing else
      await page.getByRole("button", { name: "Show answer" }).tap();
      await page.getByTestId("back").waitFor();
      const good = page.getByTestId("grade-3");
      await expect(good.textContent()).resolves.toMatch(/\d+(m|h|d|mo|y)Good/);
      await good.tap();
      await settled(page);
      grades += 1;
      await waitUntil(
        async () => (await logsOf(email)) === grades,
        async () => `${await logsOf(email)} log rows after ${grades} grades`,
      );
    }
    expect(grades).toBeGreaterThanOrEqual(3);
    expect(
      await countRows(
        `SELECT COUNT(*) AS n FROM "CardState" WHERE state = 2 AND "userId" = (SELECT id FROM "User" WHERE email = ?)`,
        email,
      ),
    ).toBe(3);
    await context.close();
  });

  it("with keys at the desktop viewport, undoing a grade on the way", async () => {
    const email = "desktop-reviewer@example.com";
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await signUp(page, email);
    await page.waitForURL(`${baseUrl}/decks`);
    await openDeck(page);

    const first = await cardShown(page);
    expect(first).not.toBeNull();
    await page.keyboard.press("Space");
    await page.getByTestId("back").waitFor();
    await page.keyboard.press("1"); // Again
    await settled(page);
    await waitUntil(
      async () => (await logsOf(email)) === 1,
      async () => `${await logsOf(email)} log rows after one grade`,
    );
    await expect(cardShown(page)).resolves.not.toBe(first);

    await page.keyboard.press("Control+z");
    await page
      .getByTestId("review-card")
      .and(page.locator(`[data-card-id="${first}"]`))
      .waitFor();
    await waitUntil(
      async () => (await logsOf(email)) === 0,
      async () => `${await logsOf(email)} log rows after undo`,
    );
    await expect(cardShown(page)).resolves.toBe(first);

    let grades = 0;
    for (let id = await cardShown(page); id !== null; id = await cardShown(page)) {
      expect(grades).toBeLessThan(12);
      await page.keyboard.press("Space");
      await page.getByTestId("back").waitFor();
      await page.keyboard.press("3");
      await settled(page);
      grades += 1;
      await waitUntil(
        async () => (await logsOf(email)) === grades,
        async () => `${await logsOf(email)} log rows after ${grades} grades`,
      );
    }
    expect(grades).toBeGreaterThanOrEqual(3);
    await context.close();
  });

  // Keys typed faster than the cards change: a grade's swap holds React's update for a frame or
  // more, and every key pressed meanwhile must still count, in order (card-swap.ts).
  it("with keys typed without waiting for the screen, none is lost", async () => {
    const email = "fast-typist@example.com";
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await signUp(page, email);
    await page.waitForURL(`${baseUrl}/decks`);
    await openDeck(page);
    await cardShown(page);

    // Three cards revealed and graded Good, then an undo, in one burst.
    for (const key of ["Space", "3", "Space", "3", "Space", "3", "Control+z"]) await page.keyboard.press(key);

    const pending = () => page.getByTestId("pending-count").textContent();
    await waitUntil(
      async () => (await logsOf(email)) === 2 && (await pending()) === "0 grades waiting to sync",
      async () => `${await logsOf(email)} log rows and "${await pending()}" after three grades and an undo`,
    );
    const logged = await countRows(
      `SELECT COUNT(DISTINCT "cardId") AS n FROM "ReviewLog" WHERE "userId" = (SELECT id FROM "User" WHERE email = ?)`,
      email,
    );
    expect(logged).toBe(2);
    // The undone third card is back, face down, and it is none of the two graded ones.
    const back = await cardShown(page);
    expect(back).not.toBeNull();
    const ofBack = await countRows(
      `SELECT COUNT(*) AS n FROM "ReviewLog" WHERE "cardId" = ? AND "userId" = (SELECT id FROM "User" WHERE email = ?)`,
      back!,
      email,
    );
    expect(ofBack).toBe(0);
    await expect(page.getByTestId("back").count()).resolves.toBe(0);
    await context.close();
  });
});
