// An Anki package built here, uploaded through the import page: the preview counts its cards,
// reviews and images, confirming stores them with their history, the image is served to its owner,
// and another learner asking for the same image gets 404. The deck exports back as an .apkg.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { BASIC, PNG, legacyApkg } from "../anki/collection-builder.ts";
import { launchBrowser, newPage } from "./support/browser.ts";
import { readRows } from "./support/database.ts";
import { signUp } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");
const OWNER = "anki-owner@example.com";
const OTHER = "anki-other@example.com";
const T0 = Date.parse("2026-01-05T09:00:00Z");

const apkg = legacyApkg(
  {
    crt: Date.parse("2026-01-01T04:00:00Z") / 1000,
    models: [BASIC],
    decks: [{ id: 7, name: "AWS::Anki STS" }],
    notes: [
      {
        id: 1,
        guid: "e2e-1",
        mid: BASIC.id,
        fields: ['What does <b>sts:AssumeRole</b> return? <img src="key.png">', "Temporary credentials"],
        tags: ["sts"],
      },
      { id: 2, guid: "e2e-2", mid: BASIC.id, fields: ["What is a session policy?", "A policy passed when assuming a role"] },
    ],
    cards: [
      { id: 11, nid: 1, did: 7, type: 2, queue: 2, due: 90, ivl: 12, factor: 2500, reps: 2 },
      { id: 21, nid: 2, did: 7 },
    ],
    revlog: [
      { id: T0, cid: 11, ease: 3, type: 0 },
      { id: T0 + 3 * 86_400_000, cid: 11, ease: 4, type: 1 },
    ],
  },
  { "key.png": PNG },
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("importing an Anki package in the browser", () => {
  it("previews, imports with history, shows the image to its owner only, and exports the deck", async () => {
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await signUp(page, OWNER);
    await page.waitForURL(`${baseUrl}/decks`);
    await page.goto("/import");
    await page
      .getByTestId("import-files")
      .setInputFiles([{ name: "sts.apkg", mimeType: "application/octet-stream", buffer: Buffer.from(apkg) }]);
    await page.getByTestId("picked").waitFor();
    await page.getByRole("button", { name: "Preview import" }).click();
    await page.getByRole("heading", { name: "Preview" }).waitFor();
    expect(await page.getByTestId("anki-summary").textContent()).toMatch(/2 notes, 2 cards, 2 reviews \(2 new\), 1 image/);

    const back = page.getByTestId("preview-card").filter({ hasText: "AssumeRole" }).getByTestId("preview-front");
    const src = await back.locator("img").getAttribute("src");
    expect(src).toMatch(/^\/api\/media\/[0-9a-f]{64}$/);
    // The preview stores nothing, so the image is served only once the import is confirmed.

    await page.getByRole("button", { name: "Import 2 cards", exact: true }).click({ timeout: 10_000 });
    await page.getByRole("heading", { name: "Imported" }).waitFor();
    const logs = await readRows<{ clientReviewId: string; rating: number }>(
      `SELECT "clientReviewId", rating FROM "ReviewLog" WHERE "userId" = (SELECT id FROM "User" WHERE email = ?) ORDER BY review`,
      OWNER,
    );
    expect(logs).toEqual([
      { clientReviewId: `anki:${T0}`, rating: 3 },
      { clientReviewId: `anki:${T0 + 3 * 86_400_000}`, rating: 4 },
    ]);
    const [card] = await readRows<{ id: string }>(`SELECT id FROM "Card" WHERE key = 'anki:e2e-1:0'`);
    await page.goto(`/cards/${card!.id}`);
    const shown = page.locator(`img[src="${src}"]`).first();
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    const mine = await page.request.get(src!);
    expect(mine.status()).toBe(200);
    expect(mine.headers()["content-type"]).toBe("image/png");
    expect(Buffer.from(await mine.body()).equals(Buffer.from(PNG))).toBe(true);

    const [deck] = await readRows<{ id: string }>(
      `SELECT id FROM "Deck" WHERE path = 'AWS › Anki STS' AND scope = (SELECT id FROM "User" WHERE email = ?)`,
      OWNER,
    );
    const exported = await page.request.get(`/api/export/anki?deck=${deck!.id}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()["x-exported-cards"]).toBe("2");
    expect(
      Buffer.from(await exported.body())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");

    const outsider = await newPage(browser, baseUrl, "desktop");
    await signUp(outsider.page, OTHER);
    await outsider.page.waitForURL(`${baseUrl}/decks`);
    expect((await outsider.page.request.get(src!)).status()).toBe(404);
    expect((await outsider.page.request.get(`/api/export/anki?deck=${deck!.id}`)).status()).toBe(404);
    await outsider.context.close();
    await context.close();
  });

  it("refuses a file that is not a package, naming it, and imports nothing", async () => {
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await signUp(page, "anki-broken@example.com");
    await page.waitForURL(`${baseUrl}/decks`);
    const response = await page.request.post("/api/import", {
      multipart: {
        mode: "preview",
        file: { name: "broken.apkg", mimeType: "application/octet-stream", buffer: Buffer.from("not a zip") },
        path: "broken.apkg",
      },
      headers: { origin: baseUrl },
    });
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^broken\.apkg: the file is not a readable zip archive/);
    const cards = await readRows<{ n: number }>(
      `SELECT count(*) AS n FROM "Card" WHERE scope = (SELECT id FROM "User" WHERE email = ?)`,
      "anki-broken@example.com",
    );
    expect(cards[0]!.n).toBe(0);
    await context.close();
  });
});
