// Review ahead at the end of the day (issue 14): once today's cards are done, the review screen
// offers the studied cards due by the end of tomorrow, which the device already holds; grading them
// syncs like any grade. The cards are staged in the database as reviews due tomorrow.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { learnerDay } from "@/lib/srs/index.ts";
import { launchBrowser, newPage } from "./support/browser.ts";
import { PASSWORD, signIn, signUp } from "./support/accounts.ts";
import { countRows, readRow, readRows, writeRows } from "./support/database.ts";

const baseUrl = inject("baseUrl");
const EMAIL = "review-ahead@example.com";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("review ahead", () => {
  it("offers tomorrow's reviews once today's are done, and the grades reach the server once each", async () => {
    const signup = await newPage(browser, baseUrl, "desktop");
    await signUp(signup.page, EMAIL);
    await signup.page.waitForURL(`${baseUrl}/decks`);
    await signup.context.close();
    const user = (await readRow<{ id: string; timeZone: string }>(`SELECT id, "timeZone" FROM "User" WHERE email = ?`, EMAIL))!;

    // No new cards today, and three starter cards (of three notes) in review, due tomorrow morning.
    await writeRows(`UPDATE "User" SET "schedulerSettings" = ? WHERE id = ?`, [[JSON.stringify({ newPerDay: 0 }), user.id]]);
    const now = new Date();
    const tomorrow = learnerDay(learnerDay(now, user.timeZone).end, user.timeZone);
    const due = new Date(tomorrow.start.getTime() + 6 * 3_600_000);
    const cards = (
      await readRows<{ id: string }>(
        `SELECT MIN(id) AS id FROM "Card" WHERE scope = 'starter' AND kind = 'basic' AND NOT suspended GROUP BY "noteKey" ORDER BY MIN(id) LIMIT 3`,
      )
    ).map((c) => c.id);
    expect(cards).toHaveLength(3);
    await writeRows(
      `INSERT INTO "CardState" (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses,
         state, "lastReview", suspended, version, "updatedAt")
       VALUES (?, ?, ?, ?, 12, 5, 10, 11, 0, 4, 0, 2, ?, false, 0, ?)`,
      cards.map((cardId) => [randomUUID(), user.id, cardId, due, new Date(now.getTime() - 10 * 86_400_000), now]),
    );

    const { context, page } = await newPage(browser, baseUrl, "phone");
    await page.goto("/signin");
    await signIn(page, EMAIL, PASSWORD);
    await page.waitForURL(/\/decks/);
    await page.goto("/review");
    const ahead = page.getByTestId("review-ahead");
    await expect(ahead.textContent()).resolves.toBe("Review ahead: 3 cards due by tomorrow");
    await ahead.click();

    const graded: string[] = [];
    for (let i = 0; i < 3; i++) {
      const card = page.getByTestId("review-card");
      await card.waitFor();
      await expect(page.getByTestId("progress").textContent()).resolves.toContain("reviewing ahead");
      graded.push((await card.getAttribute("data-card-id"))!);
      await page.keyboard.press("Space");
      await page.getByTestId("back").waitFor();
      await page.getByTestId("grade-3").click();
      await page.locator(`[data-testid=review-card]:not([data-card-id="${graded[i]}"]), [data-testid=review-done]`).first().waitFor();
    }
    expect([...graded].sort()).toEqual([...cards].sort());
    // Nothing is left ahead: the end of the day no longer offers it.
    await page.getByTestId("review-done").waitFor();
    await expect(page.getByTestId("review-ahead").count()).resolves.toBe(0);

    // The grades sync (a moment after the last one) and are stored once each; each card moved past tomorrow.
    await expect
      .poll(() => countRows(`SELECT COUNT(*) AS n FROM "ReviewEvent" WHERE "userId" = ? AND kind = 'grade'`, user.id), {
        timeout: 20_000,
      })
      .toBe(3);
    for (const cardId of cards) {
      const state = (await readRow<{ due: string | Date; reps: number }>(
        `SELECT due, reps FROM "CardState" WHERE "userId" = ? AND "cardId" = ?`,
        user.id,
        cardId,
      ))!;
      expect(state.reps).toBe(5);
      expect(new Date(state.due).getTime()).toBeGreaterThan(due.getTime());
    }
    await context.close();
  });
});
