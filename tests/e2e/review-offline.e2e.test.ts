// Issue 13's device tests: a whole day reviewed offline on a phone (the service worker serves the
// page, IndexedDB holds the day and the outbox), two devices of one learner grading the same card
// while offline, keys that do not steal focus, and axe on the review screen at both viewports.
import { AxeBuilder } from "@axe-core/playwright";
import { createEmptyCard, fsrs, GenSeedStrategyWithCardId, StrategyMode, type Card, type Grade } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { readRow, readRows } from "./support/database.ts";
import { PASSWORD, signIn, signUp, waitUntil } from "./support/accounts.ts";
import { signInOverHttp } from "./support/http-session.ts";
import { followRun } from "./support/upload-runs.ts";

const baseUrl = inject("baseUrl");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface EventRow {
  id: string;
  cardId: string;
  kind: string;
  rating: number | null;
  at: string | number | Date;
}
interface StateRow {
  cardId: string;
  due: string | number | Date;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  state: number;
}

const userId = async (email: string) => (await readRow<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, email))!.id;
const eventsOf = async (email: string) =>
  readRows<EventRow>(
    // "base" rows are the server's snapshot of a card's state before its first event, not events.
    `SELECT id, "cardId", kind, rating, at FROM "ReviewEvent" WHERE "userId" = ? AND kind <> 'base' ORDER BY at`,
    await userId(email),
  );
const deckNamed = async (name: string) => (await readRow<{ id: string }>(`SELECT id FROM "Deck" WHERE name = ? LIMIT 1`, name))!.id;
const asDate = (value: string | number | Date) => new Date(typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value);

/** The review screen is up with a card (or the end of the day) on it. */
async function screenReady(page: Page): Promise<void> {
  await page.locator("[data-testid=review-screen][data-ready=true]").waitFor();
  await Promise.race([page.getByTestId("review-card").waitFor(), page.getByTestId("review-done").waitFor()]);
}

/** The service worker controls the page and holds a copy of it for offline launches. */
async function offlineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 60_000 });
  const deadline = Date.now() + 30_000;
  while (!(await page.evaluate(async () => Boolean(await caches.match(location.pathname + location.search))))) {
    if (Date.now() > deadline) throw new Error("the service worker never cached the review page");
    await page.waitForTimeout(100);
  }
}

/** Shows the answer and grades the card on screen; returns its id and kind. */
async function gradeShown(page: Page, rating: 1 | 2 | 3 | 4, tap: boolean): Promise<{ id: string; kind: string }> {
  const card = page.getByTestId("review-card");
  await card.waitFor();
  const id = (await card.getAttribute("data-card-id"))!;
  const kind = (await card.getAttribute("data-kind"))!;
  const reveal = page.getByRole("button", { name: "Show answer" });
  if (tap) await reveal.tap();
  else await reveal.click();
  await page.getByTestId("back").waitFor();
  const button = page.getByTestId(`grade-${rating}`);
  if (tap) await button.tap();
  else await button.click();
  await page.getByTestId("back").waitFor({ state: "detached" });
  return { id, kind };
}

const pendingText = (page: Page) => page.getByTestId("pending-count").textContent();

/** ts-fsrs itself, with the learner's (default) settings and the app's per-card fuzz seed. */
function replay(cardId: string, grades: { rating: number; at: Date }[]): Card {
  const scheduler = fsrs({
    request_retention: 0.9,
    maximum_interval: 36500,
    enable_fuzz: true,
    enable_short_term: true,
    learning_steps: ["1m", "10m"],
    relearning_steps: ["10m"],
  }).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId("card_id"));
  let card: Card & { card_id: string } = { ...createEmptyCard(grades[0]!.at), card_id: cardId };
  for (const g of grades) card = { ...scheduler.next(card, g.at, g.rating as Grade).card, card_id: cardId };
  return card;
}

async function openReview(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/review");
  await screenReady(page);
  return page;
}

describe("review on a phone with no network", () => {
  it("reviews 35 cards offline across decks, a reload and a reopen, undoes one, and syncs 34 events once each", async () => {
    const email = "offline-phone@example.com";
    const { context, page } = await newPage(browser, baseUrl, "phone");
    await signUp(page, email);
    await page.waitForURL(`${baseUrl}/decks`);
    // The learner's own note with cloze deletions (Obsidian's ==highlight== in a #flashcards note).
    const upload = new FormData();
    upload.set("mode", "apply");
    const note =
      "#flashcards\n\n" +
      [
        "An ==SCP== limits every account of an organisation",
        "A ==permissions boundary== caps what an identity policy can grant",
        "An ==RCP== limits what can be done to resources in an organisation",
        "A ==session policy== is passed when the session is created",
        "An ==explicit deny== wins over any allow",
        "A role's ==trust policy== names who may assume it",
        "Temporary keys start with ==ASIA==",
      ].join("\n\n") +
      "\n";
    upload.append("file", new Blob([note]), "clozes.md");
    upload.append("path", "clozes.md");
    const cookie = await signInOverHttp(baseUrl, email, PASSWORD);
    const imported = await followRun(
      baseUrl,
      await fetch(`${baseUrl}/api/import`, { method: "POST", body: upload, headers: { cookie } }),
      cookie,
    );
    expect(imported.status).toBe(200);
    const clozeDeck = (await readRow<{ deckId: string }>(
      `SELECT c."deckId" FROM "Card" c WHERE c.kind = 'cloze' AND c.scope = ? LIMIT 1`,
      await userId(email),
    ))!.deckId;
    // Four decks, each opened once online so its day is on the device.
    // Scenario questions of one scenario are siblings (one a day), so two scenario decks of three or
    // more scenarios each; the notes deck last, since it has cards enough for the reopened page.
    const decks = [await deckNamed("IAM and S3 bucket policies"), clozeDeck, await deckNamed("STS federation"), await deckNamed("IAM")];
    for (const deck of decks) {
      await page.goto(`/review?deck=${deck}`);
      await screenReady(page);
      await offlineReady(page);
    }

    await context.setOffline(true);
    await page.reload();
    await screenReady(page);
    const kinds = new Set<string>();
    const plan: [string, number][] = [
      [decks[0]!, 6],
      [decks[1]!, 6],
      [decks[2]!, 6],
      [decks[3]!, 12],
    ];
    let n = 0;
    for (const [deck, grades] of plan) {
      await page.goto(`/review?deck=${deck}`);
      await screenReady(page);
      for (let i = 0; i < grades; i++, n++) kinds.add((await gradeShown(page, n % 7 === 3 ? 1 : n % 5 === 4 ? 2 : 3, true)).kind);
    }
    await expect(pendingText(page)).resolves.toBe("30 grades waiting to sync");
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto(`/review?deck=${decks[3]}`);
    await screenReady(reopened);
    await expect(pendingText(reopened)).resolves.toBe("30 grades waiting to sync");
    await reopened.getByTestId("undo").tap();
    await reopened.getByText("29 grades waiting to sync").waitFor();
    for (let i = 0; i < 5; i++) kinds.add((await gradeShown(reopened, 3, true)).kind);
    await expect(pendingText(reopened)).resolves.toBe("34 grades waiting to sync");
    expect(await eventsOf(email)).toHaveLength(0);
    expect([...kinds].sort()).toEqual(["basic", "cloze", "scenario"]);

    await context.setOffline(false);
    await reopened.evaluate(() => window.dispatchEvent(new Event("online")));
    await waitUntil(
      async () => (await eventsOf(email)).length >= 34,
      async () => `${(await eventsOf(email)).length} events stored`,
    );
    await reopened.getByText("0 grades waiting to sync").waitFor();
    const events = await eventsOf(email);
    expect(events).toHaveLength(34);
    expect(new Set(events.map((e) => e.id)).size).toBe(34);
    expect(events.every((e) => e.kind === "grade")).toBe(true);

    const byCard = new Map<string, { rating: number; at: Date }[]>();
    for (const e of events) byCard.set(e.cardId, [...(byCard.get(e.cardId) ?? []), { rating: e.rating!, at: asDate(e.at) }]);
    const states = await readRows<StateRow>(
      `SELECT "cardId", due, stability, difficulty, reps, lapses, state FROM "CardState" WHERE "userId" = ?`,
      await userId(email),
    );
    for (const [cardId, grades] of byCard) {
      const stored = states.find((s) => s.cardId === cardId);
      const expected = replay(cardId, grades);
      expect(stored, cardId).toBeDefined();
      expect(asDate(stored!.due).getTime(), cardId).toBe(expected.due.getTime());
      expect(stored!.state, cardId).toBe(expected.state);
      expect(stored!.reps, cardId).toBe(expected.reps);
      expect(stored!.lapses, cardId).toBe(expected.lapses);
      expect(stored!.stability, cardId).toBeCloseTo(expected.stability, 6);
      expect(stored!.difficulty, cardId).toBeCloseTo(expected.difficulty, 6);
    }
    await context.close();
  });

  it("keeps both devices' grades of one card made offline, and both show the replayed due date", async () => {
    const email = "two-devices@example.com";
    const first = await newPage(browser, baseUrl, "phone");
    await signUp(first.page, email);
    await first.page.waitForURL(`${baseUrl}/decks`);
    const second = await newPage(browser, baseUrl, "desktop");
    await second.page.goto("/signin");
    await signIn(second.page, email, PASSWORD);
    await second.page.waitForURL(/\/decks/);
    const [a, b] = [await openReview(first.context), await openReview(second.context)];
    const cardA = await a.getByTestId("review-card").getAttribute("data-card-id");
    const cardB = await b.getByTestId("review-card").getAttribute("data-card-id");
    expect(cardA).toBe(cardB);

    await first.context.setOffline(true);
    await second.context.setOffline(true);
    await gradeShown(a, 1, true);
    await gradeShown(b, 2, false);
    for (const context of [first.context, second.context]) await context.setOffline(false);
    for (const page of [a, b]) await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await waitUntil(
      async () => (await eventsOf(email)).length === 2,
      async () => `${(await eventsOf(email)).length} events stored`,
    );
    expect((await eventsOf(email)).map((e) => [e.cardId, e.rating])).toEqual(
      expect.arrayContaining([
        [cardA, 1],
        [cardA, 2],
      ]),
    );
    const stored = await readRow<StateRow>(`SELECT due FROM "CardState" WHERE "userId" = ? AND "cardId" = ?`, await userId(email), cardA);
    const due = asDate(stored!.due).toISOString();
    // Each device syncs its own event and then refreshes; the one that synced first refreshes again.
    for (const page of [a, b]) await page.evaluate(() => window.dispatchEvent(new Event("online")));
    const dueOnDevice = (page: Page) =>
      page.evaluate(async (cardId) => {
        const names = (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("iam-recall-review-"));
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(names[0]!);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const day = await new Promise<{ day: { cards: { cardId: string; schedule: { due: string } | null }[] } }>((resolve, reject) => {
          const request = db.transaction("meta").objectStore("meta").get("day:*");
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        db.close();
        return day.day.cards.find((c) => c.cardId === cardId)?.schedule?.due ?? null;
      }, cardA);
    for (const page of [a, b]) {
      const deadline = Date.now() + 15_000;
      while ((await dueOnDevice(page)) !== due && Date.now() < deadline) await page.waitForTimeout(200);
      await expect(dueOnDevice(page)).resolves.toBe(due);
    }
    await first.context.close();
    await second.context.close();
  });
});

describe("the review screen's keys and accessibility", () => {
  it("Space on a focused Bury buries the card and grades nothing", async () => {
    const email = "bury-keys@example.com";
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await signUp(page, email);
    await page.waitForURL(`${baseUrl}/decks`);
    await page.goto("/review");
    await screenReady(page);
    const before = await page.getByTestId("review-card").getAttribute("data-card-id");
    await page.keyboard.press("Space");
    await page.getByTestId("back").waitFor();
    await page.getByTestId("card-menu").click();
    await page.getByTestId("bury").focus();
    await page.keyboard.press("Space");
    await page
      .getByTestId("review-card")
      .and(page.locator(`:not([data-card-id="${before}"])`))
      .waitFor();
    await waitUntil(
      async () => (await eventsOf(email)).length === 1,
      async () => `${(await eventsOf(email)).length} events stored`,
    );
    expect((await eventsOf(email)).map((e) => e.kind)).toEqual(["bury"]);
    await context.close();
  });

  for (const viewport of ["phone", "desktop"] as const) {
    it(`axe finds nothing on the front and back at ${viewport} size`, async () => {
      const email = `axe-review-${viewport}@example.com`;
      const { context, page } = await newPage(browser, baseUrl, viewport);
      await signUp(page, email);
      await page.waitForURL(`${baseUrl}/decks`);
      // A scenario card: its back has the folded policies and code boxes.
      await page.goto(`/review?deck=${await deckNamed("Roles and PassRole")}`);
      await screenReady(page);
      await expect(page.getByTestId("review-card").getAttribute("data-kind")).resolves.toBe("scenario");
      const front = await new AxeBuilder({ page }).analyze();
      expect(front.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await page.getByRole("button", { name: "Show answer" }).click();
      await page.getByTestId("back").waitFor();
      const back = await new AxeBuilder({ page }).analyze();
      expect(back.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await context.close();
    });
  }
});
