// Another connection (the CLI importer, `npm run setup`) holding the write lock
// must not freeze the server nor lose a grade. Before the fix a grade failed with a 500 (P1008)
// within 0.3 s and unrelated pages waited up to 7 s, because SQLite's busy wait slept on the
// server's only thread.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { DATABASE_BUSY_WAIT_MS } from "@/lib/db/database-busy.ts";
import { launchBrowser, newPage } from "./support/browser.ts";
import { countRows, holdWriteLock } from "./support/database.ts";
import { signUp, createAccounts } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");
const EMAIL = "locked-out-grader@lock.example";
const LOCK_HELD_MS = 5_000;
const PROBE_EVERY_MS = 200;

let cookie = "";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  [cookie] = (await createAccounts(baseUrl, [EMAIL], browser)) as [string];
});
afterAll(async () => {
  await browser?.close();
});

interface Step {
  card: { cardId: string; version: number } | null;
}

const review = (body: unknown) =>
  fetch(`${baseUrl}/api/review`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });

const logsWith = (clientReviewId: string) => countRows(`SELECT COUNT(*) AS n FROM "ReviewLog" WHERE "clientReviewId" = ?`, clientReviewId);

/** A crashed handler answers an empty 500: keep it readable in the failure instead of a parse error. */
function jsonOrText(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { text };
  }
}

/** Times `GET /signin` every PROBE_EVERY_MS until `done` settles. */
async function probeSignIn(done: Promise<unknown>): Promise<number[]> {
  let settled = false;
  void done.finally(() => (settled = true));
  const timings: number[] = [];
  while (!settled) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/signin`, { redirect: "manual" });
    await response.arrayBuffer();
    timings.push(performance.now() - started);
    expect(response.status).toBe(200);
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  return timings;
}

describe("10.7: a held write lock does not stall or fail the app", () => {
  it("10.7: a grade sent while another connection holds BEGIN IMMEDIATE for 5 s is stored once, and /signin answers in under 1 s throughout", async () => {
    const first = (await (await review({ type: "next" })).json()) as Step;
    expect(first.card).not.toBeNull();
    const grade = {
      type: "grade",
      cardId: first.card!.cardId,
      rating: 3,
      version: first.card!.version,
      clientReviewId: "lock-e2e-grade-0001",
      durationMs: 1200,
    };

    const { lockedAt, released } = await holdWriteLock(LOCK_HELD_MS);
    try {
      const answer = review(grade).then(async (response) => ({
        response,
        answeredAt: performance.now(),
        body: jsonOrText(await response.text()),
      }));
      // Nothing can be written while the lock is held: look shortly before it is released.
      const seenWhileLocked = new Promise<number>((resolve) =>
        setTimeout(() => void logsWith(grade.clientReviewId).then(resolve), LOCK_HELD_MS - 500),
      );
      const duringLock = await probeSignIn(released);
      expect(await seenWhileLocked).toBe(0);
      const { response, answeredAt, body } = await answer;

      expect(duringLock.length).toBeGreaterThanOrEqual(Math.floor(LOCK_HELD_MS / (PROBE_EVERY_MS + 1_000)));
      expect(Math.max(...duringLock), `GET /signin took ${duringLock.map((t) => Math.round(t)).join(", ")} ms`).toBeLessThan(1_000);

      if (response.status === 200) {
        // Waited for the lock instead of failing, and answered only once it could write.
        expect(answeredAt - lockedAt).toBeGreaterThanOrEqual(LOCK_HELD_MS - 100);
        expect(body).toHaveProperty("undo");
      } else {
        // Past the bounded wait: said so, and the same grade sent again is stored.
        expect(response.status, JSON.stringify(body)).toBe(503);
        expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(body.error).toMatch(/^Not saved: the database is busy, try again/);
        expect(await logsWith(grade.clientReviewId)).toBe(0);
        expect((await review(grade)).status).toBe(200);
      }
      expect(await logsWith(grade.clientReviewId)).toBe(1);
      // A retry of the same grade (same clientReviewId) still counts once.
      expect((await review(grade)).status).toBe(200);
      expect(await logsWith(grade.clientReviewId)).toBe(1);
    } finally {
      await released;
    }
  });

  it("10.7: a grade made while the database is locked moves on at once on the device, says why it is not synced yet, and is stored once when the lock goes", async () => {
    const email = "not-saved-grader@lock.example";
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    try {
      await signUp(page, email);
      await page.waitForURL(`${baseUrl}/decks`);
      await page.getByRole("link", { name: "Study Directory Services" }).click();
      await page.waitForURL(/\/review\?deck=/);
      const card = page.getByTestId("review-card");
      const shown = await card.getAttribute("data-card-id");
      await page.getByRole("button", { name: "Show answer" }).click();
      await page.getByTestId("back").waitFor();
      const logsOfLearner = () =>
        countRows(`SELECT COUNT(*) AS n FROM "ReviewLog" WHERE "userId" = (SELECT id FROM "User" WHERE email = ?)`, email);

      // Long enough for two syncs to give up: the service worker's Background Sync may take the
      // first attempt (the page never sees its answer), and the page's own comes after it.
      const { lockedAt, released } = await holdWriteLock(2 * DATABASE_BUSY_WAIT_MS + 5_000);
      try {
        await page.getByTestId("grade-3").click();
        // Graded on the device: the next card is up long before the server could have written anything.
        await page.getByTestId("back").waitFor({ state: "detached" });
        expect(await card.getAttribute("data-card-id")).not.toBe(shown);
        expect(performance.now() - lockedAt).toBeLessThan(DATABASE_BUSY_WAIT_MS);
        // The sync gives up after the bounded wait and says so; the grade waits on the device.
        await page
          .getByRole("alert")
          .filter({ hasText: "Not synced: the database is busy" })
          .waitFor({ timeout: 2 * DATABASE_BUSY_WAIT_MS + 4_000 });
        expect(performance.now() - lockedAt).toBeGreaterThanOrEqual(DATABASE_BUSY_WAIT_MS - 500);
        expect(await page.getByTestId("pending-count").textContent()).toBe("1 grade waiting to sync");
        expect(await logsOfLearner()).toBe(0);
      } finally {
        await released;
      }
      // Once the lock is gone the next sync stores it, and a sync after that adds nothing.
      await page.evaluate(() => window.dispatchEvent(new Event("online")));
      await page.getByText("0 grades waiting to sync").waitFor();
      expect(await logsOfLearner()).toBe(1);
      await page.evaluate(() => window.dispatchEvent(new Event("online")));
      await page.waitForTimeout(1_000);
      expect(await logsOfLearner()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
